/**
 * Worker thread: receives batches of files, scans them with its own engine, returns findings.
 * Reading happens here too, so I/O and CPU spread over all cores.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ChunkScanner, type ScannerConfig } from './chunk-scanner.js';
import { scanFile } from './scan-file.js';
import type { BatchRequest, BatchResult } from './pool.js';

const port = parentPort;
if (!port) throw new Error('scan worker started outside a worker thread');
const scanner = new ChunkScanner(workerData as ScannerConfig);

port.on('message', (request: BatchRequest) => {
  void (async () => {
    const result: BatchResult = { id: request.id, findings: [], skipped: [], bytes: 0, chunks: 0, files: 0 };
    for (const entry of request.entries) {
      const r = await scanFile(entry, scanner);
      result.findings.push(...r.findings);
      result.bytes += r.bytes;
      result.chunks += r.chunks;
      if (r.skipped) result.skipped.push(r.skipped);
      else result.files++;
    }
    port.postMessage(result);
  })().catch((error: unknown) => {
    port.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  });
});
