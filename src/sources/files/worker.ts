/**
 * Worker thread for file scans: receives batches of files, scans them with its own engine, returns
 * findings. Reading happens here too, so I/O and CPU spread over all cores.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Finding } from '../../findings/finding.js';
import { settleFingerprints } from '../../findings/fingerprint.js';
import type { ScanProblem } from '../../findings/scan-problem.js';
import type { FileEntry } from './walk.js';
import { ChunkScanner, type ScannerConfig } from '../../scan/chunk-scanner.js';
import { scanFile } from './read.js';
import { failure } from '../../scan/worker-pool.js';

export type FileBatch = FileEntry[];

export interface FileBatchResult {
  findings: Finding[];
  skipped: ScanProblem[];
  bytes: number;
  chunks: number;
  files: number;
}

const port = parentPort;
if (!port) throw new Error('scan worker started outside a worker thread');
const scanner = new ChunkScanner(workerData as ScannerConfig);

port.on('message', (entries: FileBatch) => {
  void (async () => {
    const result: FileBatchResult = { findings: [], skipped: [], bytes: 0, chunks: 0, files: 0 };
    for (const entry of entries) {
      const r = await scanFile(entry, scanner);
      result.findings.push(...r.findings);
      result.bytes += r.bytes;
      result.chunks += r.chunks;
      if (r.skipped) result.skipped.push(r.skipped);
      else result.files++;
      result.skipped.push(...scanner.takeLimits());
    }
    // Stand-in fingerprints never leave this thread (findings/fingerprint.ts).
    await settleFingerprints(result.findings);
    port.postMessage(result);
  })().catch((error: unknown) => port.postMessage(failure(error)));
});
