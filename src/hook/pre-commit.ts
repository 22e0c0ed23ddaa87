/**
 * The git pre-commit hook that runs `sprawlguard scan --staged`. With husky (a `.husky/` folder)
 * the line goes into `.husky/pre-commit`; otherwise into the hooks directory git actually uses
 * (`core.hooksPath` respected). Existing hook content is kept, installing twice changes nothing,
 * and uninstalling removes only our line.
 */
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { NotARepositoryError } from '../sources/git/errors.js';
import { git } from '../sources/git/git.js';

/** Marks the line we own, so uninstall never touches anything else. */
export const HOOK_MARKER = '# sprawlguard pre-commit';

export function hookLine(husky: boolean): string {
  // Under husky the project has node_modules; elsewhere use whatever `sprawlguard` is on PATH,
  // falling back to the project's local install.
  const command = husky
    ? 'npx --no-install sprawlguard scan --staged'
    : 'if command -v sprawlguard >/dev/null 2>&1; then sprawlguard scan --staged; else npx --no-install sprawlguard scan --staged; fi || exit $?';
  return `${command} ${HOOK_MARKER}`;
}

interface HookTarget {
  file: string;
  husky: boolean;
}

async function hookTarget(repoArg: string): Promise<HookTarget> {
  const repo = path.resolve(repoArg);
  let top: string;
  try {
    top = (await git(repo, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    throw new NotARepositoryError(repo);
  }
  const huskyDir = path.join(top, '.husky');
  if ((await stat(huskyDir).catch(() => undefined))?.isDirectory()) return { file: path.join(huskyDir, 'pre-commit'), husky: true };
  // `--git-path hooks` honours core.hooksPath and linked worktrees.
  const hooksDir = (await git(top, ['rev-parse', '--git-path', 'hooks'])).trim();
  return { file: path.join(path.resolve(top, hooksDir), 'pre-commit'), husky: false };
}

/** Add our line to the pre-commit hook of `repo`; `present` when it is there already. */
export async function installPreCommitHook(repo: string): Promise<{ file: string; outcome: 'installed' | 'present' }> {
  const target = await hookTarget(repo);
  const existing = await readFile(target.file, 'utf8').catch(() => undefined);
  if (existing?.split('\n').some((line) => line.includes(HOOK_MARKER))) return { file: target.file, outcome: 'present' };
  let content: string;
  if (existing === undefined) {
    content = target.husky ? `${hookLine(true)}\n` : `#!/bin/sh\n${hookLine(false)}\n`;
  } else {
    const shebang = existing.split('\n')[0] ?? '';
    if (shebang.startsWith('#!') && !/\b(sh|bash|zsh|dash|ksh)\b/.test(shebang)) {
      throw new UsageError(`${target.file} is not a shell script (${shebang}); add \`sprawlguard scan --staged\` to it yourself`);
    }
    content = `${existing.replace(/\n*$/, '\n')}${hookLine(target.husky)}\n`;
  }
  await mkdir(path.dirname(target.file), { recursive: true });
  await writeFile(target.file, content);
  await chmod(target.file, 0o755);
  return { file: target.file, outcome: 'installed' };
}

/** Remove only our line from the pre-commit hook of `repo`; `absent` when it is not there. */
export async function uninstallPreCommitHook(repo: string): Promise<{ file: string; outcome: 'removed' | 'absent' }> {
  const target = await hookTarget(repo);
  const existing = await readFile(target.file, 'utf8').catch(() => undefined);
  if (existing === undefined || !existing.includes(HOOK_MARKER)) return { file: target.file, outcome: 'absent' };
  const kept = existing.split('\n').filter((line) => !line.includes(HOOK_MARKER));
  await writeFile(target.file, kept.join('\n'));
  return { file: target.file, outcome: 'removed' };
}
