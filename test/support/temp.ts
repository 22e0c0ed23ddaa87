/** Temporary directories for tests: created under the OS temp dir, removed after each test file. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const created: string[] = [];

afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh empty directory, removed when the test file finishes. */
export function makeTempDir(label = 'sprawlguard-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), label));
  created.push(dir);
  return dir;
}

/** Files to write, by relative path (`/` separators); contents as text or bytes. */
export type Tree = Record<string, string | Uint8Array>;

/** Write `tree` under `dir`, creating parent directories. */
export function writeTree(dir: string, tree: Tree): void {
  for (const [rel, content] of Object.entries(tree)) {
    const abs = path.join(dir, ...rel.split('/'));
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

/** A new temporary directory holding `tree`. */
export function makeTree(tree: Tree, label?: string): string {
  const dir = makeTempDir(label);
  writeTree(dir, tree);
  return dir;
}
