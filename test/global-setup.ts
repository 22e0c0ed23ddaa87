/**
 * Build `lib/` once per test run so end-to-end tests run the real CLI (`node bin/sprawlguard.js`),
 * as `npm run build` would: TypeScript, then the compiled rule pack (lib/rules.json) that saves the
 * CLI from parsing YAML at start-up. Skipped when the build is newer than every source, so
 * unit-only runs stay quick.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mtime = (p: string): number => (existsSync(p) ? statSync(p).mtimeMs : -1);

function typescriptIsStale(): boolean {
  const src = path.join(root, 'src');
  const stack = [src];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(abs);
      else if (entry.name.endsWith('.ts')) {
        const built = path.join(root, 'lib', path.relative(src, abs)).replace(/\.ts$/, '.js');
        if (mtime(built) < mtime(abs)) return true;
      }
    }
  }
  return false;
}

function rulePackIsStale(): boolean {
  const compiled = mtime(path.join(root, 'lib', 'rules.json'));
  const dir = path.join(root, 'rules');
  return readdirSync(dir).some((name) => /\.ya?ml$/.test(name) && mtime(path.join(dir, name)) >= compiled);
}

function run(args: string[]): string | undefined {
  try {
    execFileSync(process.execPath, args, { cwd: root, stdio: 'pipe' });
    return undefined;
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    return `${String(e.stdout ?? '')}${String(e.stderr ?? '')}`;
  }
}

export default function setup(): void {
  const tsStale = typescriptIsStale();
  if (tsStale) {
    const errors = run([path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
    // tsc still emits JavaScript when there are type errors (the type-check step reports those);
    // only a missing entry point makes end-to-end tests meaningless.
    if (errors !== undefined) {
      if (!existsSync(path.join(root, 'lib', 'cli', 'main.js'))) throw new Error(`build failed:\n${errors}`);
      process.stderr.write(`global setup: tsc reported errors; tests run on what it emitted:\n${errors}\n`);
    }
  }
  const compileRules = path.join(root, 'scripts', 'compile-rules.mjs');
  if (existsSync(compileRules) && (tsStale || rulePackIsStale())) {
    // Without lib/rules.json the CLI reads the YAML rule files itself: slower, same rules.
    const errors = run([compileRules]);
    if (errors !== undefined) process.stderr.write(`global setup: compile-rules failed; the CLI falls back to rules/*.yaml:\n${errors}\n`);
  }
}
