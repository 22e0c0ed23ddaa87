/**
 * Worker thread for file scans: receives batches of files, scans them with its own engine, returns
 * findings. Reading happens here too, so I/O and CPU spread over all cores.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { settleFingerprints } from '../../findings/fingerprint.js';
import { ChunkScanner, type ScannerConfig } from '../../scan/chunk-scanner.js';
import { scanBatch, type FileBatch } from './read.js';
import { failure } from '../../scan/worker-pool.js';

const port = parentPort;
if (!port) throw new Error('scan worker started outside a worker thread');
const scanner = new ChunkScanner(workerData as ScannerConfig);

port.on('message', (entries: FileBatch) => {
  void (async () => {
    const result = await scanBatch(entries, scanner);
    // Stand-in fingerprints never leave this thread (findings/fingerprint.ts).
    await settleFingerprints(result.findings);
    port.postMessage(result);
  })().catch((error: unknown) => port.postMessage(failure(error)));
});
