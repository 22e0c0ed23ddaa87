/** Worker thread for history scans: one `git log -p` process per batch of commits, scanned as it streams. */
import { parentPort, workerData } from 'node:worker_threads';
import { settleFingerprints } from '../../findings/fingerprint.js';
import { ChunkScanner, type ScannerConfig } from '../../scan/chunk-scanner.js';
import { pathMatcher } from '../path-filter.js';
import { scanCommitBatch, type CommitBatchResult } from './commits.js';
import { failure } from '../../scan/worker-pool.js';

export interface GitWorkerData {
  config: ScannerConfig;
  repo: string;
  source: 'history' | 'diff';
  maxFileBytes: number;
  excludeGlobs: string[];
  /** Read commits from their objects (a partial clone). */
  fromObjects: boolean;
  /** Fail on a commit git cannot show instead of reading it from its objects. */
  strict: boolean;
}

export interface GitBatch {
  commits: string[];
  firstOrder: number;
}

export type GitBatchResult = CommitBatchResult;

const port = parentPort;
if (!port) throw new Error('git worker started outside a worker thread');
const data = workerData as GitWorkerData;
const scanner = new ChunkScanner(data.config);
const excluded = pathMatcher(data.excludeGlobs);

port.on('message', (batch: GitBatch) => {
  scanCommitBatch(data.repo, batch.commits, scanner, {
    source: data.source,
    firstOrder: batch.firstOrder,
    maxFileBytes: data.maxFileBytes,
    excluded,
    fromObjects: data.fromObjects,
    strict: data.strict,
  })
    // Stand-in fingerprints never leave this thread (findings/fingerprint.ts).
    .then(async (result) => {
      await settleFingerprints(result.findings.map((f) => f.finding));
      return result;
    })
    .then(
      (result) => port.postMessage(result),
      (error: unknown) => port.postMessage(failure(error)),
    );
});
