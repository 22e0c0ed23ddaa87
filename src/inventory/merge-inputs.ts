/**
 * `sprawl merge`: shard files of `org scan --out`, and JSON reports of `scan` and `tickets`, into one
 * inventory, as one run. A file that cannot be read is named and skipped; the others are merged.
 */
import type { Inventory } from './inventory.js';
import type { MergeCounts } from './merge.js';
import { markRunFailed } from './open-inventory.js';
import type { RecordSummary } from './records.js';

export type MergedInput = { kind: 'shard'; counts: MergeCounts; shard?: string } | { kind: 'report'; summary: RecordSummary };

export interface MergeInputsOptions {
  /** Repository the findings of a report belong to, when they do not say (file and git scans of one repository). */
  repo?: string;
  toolVersion: string;
  onMerged?: (file: string, merged: MergedInput) => void;
  /** A file that is neither a readable shard file nor a JSON report; it is skipped. */
  onUnreadable?: (message: string) => void;
}

/** Merge `files` into `inventory`; how many could not be read. */
export async function mergeInputs(inventory: Inventory, files: readonly string[], options: MergeInputsOptions): Promise<{ failed: number }> {
  const { readMergeInput, ShardFileError } = await import('./shard-file.js');
  let failed = 0;
  const runId = inventory.startRun({ kind: 'merge', target: files.join(' '), toolVersion: options.toolVersion, options: { files } });
  try {
    for (const input of files) {
      try {
        const parsed = await readMergeInput(input);
        if (parsed.kind === 'shard') {
          options.onMerged?.(input, { kind: 'shard', counts: inventory.importExport(runId, parsed.data), shard: parsed.header.shard });
        } else {
          const findings = parsed.findings.map((f) =>
            options.repo !== undefined && f.location.repo === undefined && f.location.source !== 'ticket' ? { ...f, location: { ...f.location, repo: options.repo } } : f,
          );
          options.onMerged?.(input, { kind: 'report', summary: inventory.recordFindings(runId, findings) });
        }
      } catch (error) {
        if (!(error instanceof ShardFileError)) throw error;
        failed++;
        options.onUnreadable?.(error.message);
      }
    }
    inventory.finishRun(runId, failed > 0 ? 'failed' : 'complete');
  } catch (error) {
    markRunFailed(inventory, runId);
    throw error;
  }
  return { failed };
}
