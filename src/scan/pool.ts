/**
 * A pool of scan workers, one per core by default. Batches of files go to whichever worker is free
 * (two batches in flight per worker keep it busy while results travel back).
 */
import type { Worker } from 'node:worker_threads';
import type { Finding, SkippedSource } from '../findings/finding.js';
import type { FileEntry } from '../sources/files.js';
import type { ScannerConfig } from './chunk-scanner.js';
import { startWorker, workerScript } from './worker-pool.js';

export interface BatchRequest {
  id: number;
  entries: FileEntry[];
}

export interface BatchResult {
  id: number;
  findings: Finding[];
  skipped: SkippedSource[];
  bytes: number;
  chunks: number;
  files: number;
}

interface BatchFailure {
  id: number;
  error: string;
}

export async function runPool(
  batches: AsyncIterable<FileEntry[]> | Iterable<FileEntry[]>,
  config: ScannerConfig,
  workers: number,
  onResult: (result: BatchResult) => void,
): Promise<void> {
  const script = workerScript('worker', import.meta.url);
  const pool = Array.from({ length: workers }, () => startWorker(script, config));
  const iterator = (Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : (batches as Iterable<FileEntry[]>)[Symbol.iterator]()) as
    | AsyncIterator<FileEntry[]>
    | Iterator<FileEntry[]>;
  let nextId = 0;
  let exhausted = false;
  let pulling: Promise<void> = Promise.resolve();

  try {
    await new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      let failed = false;
      const fail = (error: Error): void => {
        if (failed) return;
        failed = true;
        reject(error);
      };
      const feed = (worker: Worker): void => {
        // Serialise pulls from the iterator: it may be an async generator.
        pulling = pulling.then(async () => {
          if (exhausted || failed) return;
          const next = await iterator.next();
          if (next.done) {
            exhausted = true;
            if (inFlight === 0) resolve();
            return;
          }
          inFlight++;
          worker.postMessage({ id: nextId++, entries: next.value } satisfies BatchRequest);
        }, fail);
      };
      for (const worker of pool) {
        worker.on('message', (message: BatchResult | BatchFailure) => {
          inFlight--;
          if ('error' in message) {
            fail(new Error(`scan worker failed: ${message.error}`));
            return;
          }
          onResult(message);
          if (exhausted && inFlight === 0) resolve();
          else feed(worker);
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (code !== 0) fail(new Error(`scan worker exited with code ${code}`));
        });
        feed(worker);
        feed(worker);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
