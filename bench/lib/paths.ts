/** Where things are: the repository, the compiled tool, the benchmark's scratch directories. */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(benchDir, '..');
/** Generated corpora (gitignored). */
export const corpusRoot = path.join(benchDir, '.corpus');
/** Per-case scratch space (gitignored). */
export const workRoot = path.join(benchDir, '.work');
/** The CLI as users run it (needs `npm run build`). */
export const sprawlguardBin = path.join(repoRoot, 'bin', 'sprawlguard.js');

/**
 * Import a module of the compiled tool (`lib/…`, built by `npm run build`), typed by its source.
 * The benchmark measures the compiled code, so its helpers use the same code, not `src/` via tsx.
 */
export async function importCompiled<Module>(relativeToLib: string): Promise<Module> {
  const file = path.join(repoRoot, 'lib', relativeToLib);
  return (await import(pathToFileURL(file).href)) as Module;
}
