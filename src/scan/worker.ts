/**
 * Worker thread for file scans: receives batches of files, scans them with its own engine, returns
 * findings. Reading happens here too, so I/O and CPU spread over all cores.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Finding, SkippedSource } from '../findings/finding.js';
import type { FileEntry } from '../sources/files.js';
import { ChunkScanner, type ScannerConfig } from './chunk-scanner.js';
import { scanFile } from './scan-file.js';
import { failure } from './worker-pool.js';

export type FileBatch = FileEntry[];

export interface FileBatchResult {
  findings: Finding[];
  skipped: SkippedSource[];
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
    port.postMessage(result);
  })().catch((error: unknown) => port.postMessage(failure(error)));
});
