/**
 * `sprawlguard audit check [FILE]`: prove the audit log's hash chain intact, or name the first broken
 * entry (line and why). Exit 0 intact, 1 broken, 2 when the file cannot be read.
 */
import { auditLogPath, checkAuditFile } from '../verify/audit-log.js';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from './errors.js';

export interface AuditCheckOptions {
  head?: string;
}

export async function runAuditCheck(file: string | undefined, raw: Record<string, unknown>): Promise<number> {
  const opts = raw as AuditCheckOptions;
  const target = file ?? auditLogPath(undefined);
  if (opts.head !== undefined && !/^sha256:[0-9a-f]{64}$/.test(opts.head)) throw new UsageError('--head: expected sha256:<64 hex digits>');
  let result;
  try {
    result = await checkAuditFile(target, opts.head);
  } catch (error) {
    throw new UsageError(`${target}: cannot read the audit log (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (result.ok) {
    process.stdout.write(`${target}: ${result.entries} entr${result.entries === 1 ? 'y' : 'ies'}, chain intact\nhead ${result.head}\n`);
    return EXIT_CLEAN;
  }
  process.stdout.write(`${target}: broken at line ${result.line}: ${result.reason}\n(${intact(result.entries)})\n`);
  return EXIT_FINDINGS;
}

/** How much of the log the chain still vouches for: the entries from the start that a later entry's hash proves. */
function intact(entries: number): string {
  if (entries === 0) return 'no entry before it is proven intact';
  return entries === 1 ? 'the first entry is intact' : `the first ${entries} entries are intact`;
}
