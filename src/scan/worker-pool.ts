/**
 * A generic pool of worker threads: requests go to whichever worker has room (two in flight per
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

/**
 * Run `requests` through `workers` threads started from `script`, calling `onResult` for each
 * result in completion order. `requests` may be asynchronous (file enumeration feeding batches as
 * it goes): the threads start at once, and each request is posted as soon as a thread has room for
 * it, while the source is still producing.
 *
 * With `local`, the calling thread takes requests too, one at a time, after the threads have
 * theirs: its engine is already built, while each thread spends a few hundred milliseconds of CPU
 * loading modules and compiling rules, which on a machine with two cores costs more than a second
 * worker brings to a repository of a few thousand files (bench/README.md). `workers` may then be 0.
 */
export async function runWorkers<Req, Res extends object>(
  script: WorkerScript,
  workerData: unknown,
  requests: Iterable<Req> | AsyncIterable<Req>,
  workers: number,
  onResult: (result: Res) => void,
  signal?: AbortSignal,
  local?: (request: Req) => Promise<Res>,
): Promise<void> {
  signal?.throwIfAborted();
  const pool = Array.from({ length: local ? Math.max(0, workers) : Math.max(1, workers) }, () => startWorker(script, workerData));
  let onAbort: (() => void) | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      const waiting: Req[] = [];
      const inFlight = new Map<Worker, number>(pool.map((worker) => [worker, 0]));
      let sourceDone = false;
      let settled = false;
      const fail = (error: Error): void => {
        if (!settled) {
          settled = true;
          reject(error);
        }
      };
      let localBusy = false;
      const finishIfDone = (): void => {
        if (sourceDone && waiting.length === 0 && !localBusy && !settled && [...inFlight.values()].every((n) => n === 0)) {
          settled = true;
          resolve();
        }
      };
      const take = (result: Res): boolean => {
        try {
          onResult(result);
          return true;
        } catch (error) {
          fail(error as Error);
          return false;
        }
      };
      // Two requests in flight per worker, so a worker never waits for the main thread; then one
      // for this thread, run once the others have been handed theirs.
      const dispatch = (): void => {
        for (const worker of pool) {
          while (!settled && waiting.length > 0 && (inFlight.get(worker) as number) < 2) {
            inFlight.set(worker, (inFlight.get(worker) as number) + 1);
            worker.postMessage(waiting.shift());
          }
        }
        if (local && !localBusy && !settled && waiting.length > 0) {
          localBusy = true;
          const request = waiting.shift() as Req;
          setImmediate(() => {
            local(request)
              .then((result) => {
                localBusy = false;
                if (settled || !take(result)) return;
                dispatch();
                finishIfDone();
              })
              .catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
          });
        }
      };
      // Aborting (a timeout, Ctrl-C) stops handing out work and rejects; `finally` ends the threads.
      onAbort = () => fail(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      signal?.addEventListener('abort', onAbort, { once: true });
      for (const worker of pool) {
        worker.on('message', (message: Res | Failure) => {
          inFlight.set(worker, (inFlight.get(worker) as number) - 1);
          if ('failed' in message) {
            fail(new Error(message.failed));
            return;
          }
          if (!take(message)) return;
          dispatch();
          finishIfDone();
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (code !== 0) fail(new Error(`worker exited with code ${code}`));
        });
      }
      void (async () => {
        for await (const request of requests) {
          if (settled) return;
          waiting.push(request);
          dispatch();
        }
        sourceDone = true;
        finishIfDone();
      })().catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
    });
  } finally {
    // A signal shared by many runs (an org scan) must not collect one listener per run.
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/** Helper for worker modules: report a failure in the shape runWorkers understands. */
export function failure(error: unknown): Failure {
  return { failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
