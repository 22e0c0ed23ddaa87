/** `sprawlguard hook install|uninstall`: the pre-commit hook (src/hook/pre-commit.ts), and what was done. */
import { installPreCommitHook, uninstallPreCommitHook } from '../hook/pre-commit.js';
import { EXIT_CLEAN } from './errors.js';

export async function runHookInstall(opts: Record<string, unknown>): Promise<number> {
  const { file, outcome } = await installPreCommitHook(String(opts.repo ?? '.'));
  process.stdout.write(outcome === 'present' ? `sprawlguard pre-commit hook already installed in ${file}\n` : `sprawlguard pre-commit hook installed in ${file}\n`);
  return EXIT_CLEAN;
}

export async function runHookUninstall(opts: Record<string, unknown>): Promise<number> {
  const { file, outcome } = await uninstallPreCommitHook(String(opts.repo ?? '.'));
  process.stdout.write(outcome === 'absent' ? `no sprawlguard line in ${file}; nothing to remove\n` : `sprawlguard line removed from ${file}\n`);
  return EXIT_CLEAN;
}
