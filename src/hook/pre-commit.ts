/**
 * The git pre-commit hook that runs `sprawlguard scan --staged`. With husky (a `.husky/` folder)
 * the line goes into `.husky/pre-commit`; otherwise into the hooks directory git actually uses
 * (`core.hooksPath` respected). Existing hook content is kept (the line goes before its first
 * command: see script.ts), installing twice changes nothing, and uninstalling removes only our
 * line. A hook owned by another manager (the pre-commit framework, lefthook, husky 4) is left
 * alone: the install fails and says what to add to that manager's configuration instead.
 */
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { NotARepositoryError } from '../sources/git/errors.js';
import { git } from '../sources/git/git.js';
import { hookManager } from './managers.js';
import { HOOK_MARKER, newHookFile, withHookLine, withoutHookLine } from './script.js';

export { HOOK_MARKER } from './script.js';

interface HookTarget {
  top: string;
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
  if ((await stat(huskyDir).catch(() => undefined))?.isDirectory()) return { top, file: path.join(huskyDir, 'pre-commit'), husky: true };
  // `--git-path hooks` honours core.hooksPath and linked worktrees.
  const hooksDir = (await git(top, ['rev-parse', '--git-path', 'hooks'])).trim();
  return { top, file: path.join(path.resolve(top, hooksDir), 'pre-commit'), husky: false };
}

/** Add our line to the pre-commit hook of `repo`; `present` when it is there already. */
export async function installPreCommitHook(repo: string): Promise<{ file: string; outcome: 'installed' | 'present' }> {
  const target = await hookTarget(repo);
  const existing = await readFile(target.file, 'utf8').catch(() => undefined);
  if (existing?.split('\n').some((line) => line.includes(HOOK_MARKER))) return { file: target.file, outcome: 'present' };
  const manager = target.husky ? undefined : hookManager(target.top, existing);
  if (manager) {
    throw new UsageError(
      `the pre-commit hook of this repository is managed by ${manager.name}, which would skip or overwrite a line added to ${target.file}; nothing was changed.\n` +
        `Add sprawlguard to ${manager.file}:\n\n${manager.snippet}`,
    );
  }
  let content: string;
  if (existing === undefined) content = newHookFile(target.husky);
  else {
    const shebang = existing.split('\n')[0] ?? '';
    if (shebang.startsWith('#!') && !/\b(sh|bash|zsh|dash|ksh)\b/.test(shebang)) {
      throw new UsageError(`${target.file} is not a shell script (${shebang}); add \`sprawlguard scan --staged\` to it yourself`);
    }
    content = withHookLine(existing);
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
  await writeFile(target.file, withoutHookLine(existing));
  return { file: target.file, outcome: 'removed' };
}
