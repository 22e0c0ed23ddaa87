/**
 * A generic pool of worker threads: requests go to whichever worker is free (two in flight per
 * worker, so a worker never waits for the main thread), results come back in completion order.
 */
import { Worker } from 'node:worker_threads';

interface Failure {
  failed: string;
}

export interface WorkerScript {
  url: URL;
  /** True when the module is TypeScript source (under the test runner) and needs tsx to load. */
  typescript: boolean;
}

/** A worker module next to the caller: `lib/…/name.js` when built, `src/…/name.ts` under tests. */
export function workerScript(name: string, base: string): WorkerScript {
  const typescript = base.endsWith('.ts');
  return { url: new URL(`./${name}.${typescript ? 'ts' : 'js'}`, base), typescript };
}

/**
 * Start a worker. TypeScript sources (tests) go through a tiny bootstrap that registers tsx's
 * loader inside the worker first: loader flags in `execArgv` do not reach worker threads on Node 20.
 */
export function startWorker(script: WorkerScript, workerData: unknown): Worker {
  if (!script.typescript) return new Worker(script.url, { workerData });
  const api = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script.url.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

export async function runWorkers<Req, Res extends object>(
  script: WorkerScript,
  workerData: unknown,
  requests: Iterable<Req>,
  workers: number,
  onResult: (result: Res) => void,
  signal?: AbortSignal,
): Promise<void> {
  signal?.throwIfAborted();
  const iterator = requests[Symbol.iterator]();
  const pool = Array.from({ length: Math.max(1, workers) }, () => startWorker(script, workerData));
  try {
    await new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      let exhausted = false;
      let settled = false;
      const fail = (error: Error): void => {
        if (!settled) {
          settled = true;
          reject(error);
        }
      };
      const feed = (worker: Worker): void => {
        if (exhausted || settled) return;
        const next = iterator.next();
        if (next.done) {
          exhausted = true;
          if (inFlight === 0 && !settled) {
            settled = true;
            resolve();
          }
          return;
        }
        inFlight++;
        worker.postMessage(next.value);
      };
      // Aborting (a timeout, Ctrl-C) stops handing out work and rejects; `finally` ends the threads.
      signal?.addEventListener('abort', () => fail(signal.reason instanceof Error ? signal.reason : new Error('aborted')), {
        once: true,
      });
      for (const worker of pool) {
        worker.on('message', (message: Res | Failure) => {
          inFlight--;
          if ('failed' in message) {
            fail(new Error(message.failed));
            return;
          }
          try {
            onResult(message);
          } catch (error) {
            fail(error as Error);
            return;
          }
          feed(worker);
          if (exhausted && inFlight === 0 && !settled) {
            settled = true;
            resolve();
          }
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (code !== 0) fail(new Error(`worker exited with code ${code}`));
        });
        feed(worker);
        feed(worker);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/** Helper for worker modules: report a failure in the shape runWorkers understands. */
export function failure(error: unknown): Failure {
  return { failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
