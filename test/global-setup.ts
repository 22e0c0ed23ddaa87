/**
 * Build `lib/` once per test run so end-to-end tests run the real CLI (`node bin/sprawlguard.js`).
 * Skipped when every compiled file is newer than its source, so unit-only runs stay quick.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourcesNewerThanBuild(): boolean {
  const src = path.join(root, 'src');
  const stack = [src];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(abs);
      else if (entry.name.endsWith('.ts')) {
        const built = path.join(root, 'lib', path.relative(src, abs)).replace(/\.ts$/, '.js');
        if (!existsSync(built) || statSync(built).mtimeMs < statSync(abs).mtimeMs) return true;
      }
    }
  }
  return false;
}

export default function setup(): void {
  if (!sourcesNewerThanBuild()) return;
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'pipe',
    });
  } catch (error) {
    // tsc still emits JavaScript when there are type errors; the type-check step reports those.
    // Only a missing entry point makes end-to-end tests meaningless.
    const output = String((error as { stdout?: Buffer }).stdout ?? '');
    if (!existsSync(path.join(root, 'lib', 'cli', 'main.js'))) throw new Error(`build failed:\n${output}`);
    process.stderr.write(`global setup: tsc reported errors (tests run on what it emitted):\n${output}\n`);
  }
}
