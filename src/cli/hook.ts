/**
 * `sprawlguard hook install|uninstall`: a pre-commit hook that runs `sprawlguard scan --staged`.
 * With husky (a `.husky/` folder) the line goes into `.husky/pre-commit`; otherwise into the hooks
 * directory git actually uses (`core.hooksPath` respected). Existing hook content is kept (the line
 * goes before its first command: see hook-script.ts), installing twice changes nothing, and
 * uninstall removes only our line. A hook owned by another manager (the pre-commit framework,
 * lefthook, husky 4) is left alone: the install fails and prints what to add to that manager's
 * configuration instead.
 */
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { git } from '../sources/git/git.js';
import { NotARepositoryError } from '../sources/git/errors.js';
import { EXIT_CLEAN, UsageError } from './errors.js';
import { hookManager } from './hook-managers.js';
import { HOOK_MARKER, newHookFile, withHookLine, withoutHookLine } from './hook-script.js';

export { HOOK_MARKER } from './hook-script.js';

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

export async function runHookInstall(opts: Record<string, unknown>): Promise<number> {
  const target = await hookTarget(String(opts.repo ?? '.'));
  const existing = await readFile(target.file, 'utf8').catch(() => undefined);
  if (existing?.split('\n').some((line) => line.includes(HOOK_MARKER))) {
    process.stdout.write(`sprawlguard pre-commit hook already installed in ${target.file}\n`);
    return EXIT_CLEAN;
  }
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
  process.stdout.write(`sprawlguard pre-commit hook installed in ${target.file}\n`);
  return EXIT_CLEAN;
}

export async function runHookUninstall(opts: Record<string, unknown>): Promise<number> {
  const target = await hookTarget(String(opts.repo ?? '.'));
  const existing = await readFile(target.file, 'utf8').catch(() => undefined);
  if (existing === undefined || !existing.includes(HOOK_MARKER)) {
    process.stdout.write(`no sprawlguard line in ${target.file}; nothing to remove\n`);
    return EXIT_CLEAN;
  }
  await writeFile(target.file, withoutHookLine(existing));
  process.stdout.write(`sprawlguard line removed from ${target.file}\n`);
  return EXIT_CLEAN;
}
