/**
 * The calling thread as one of the pool's jobs: with no worker threads at all it takes every
 * request itself, and a failure of its own work ends the run like a worker's would.
 */
import { describe, expect, it } from 'vitest';
import { runWorkers, workerScript } from '../../src/scan/worker-pool.js';

const script = workerScript('no-such-worker', import.meta.url);

async function* numbers(n: number): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) {
    yield i;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('runWorkers with the calling thread as a job', () => {
  it('takes every request itself when no worker thread is started', async () => {
    const seen: number[] = [];
    await runWorkers<number, { n: number }>(script, undefined, numbers(20), 0, (r) => seen.push(r.n), undefined, async (n) => ({ n: n * 2 }));
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
  });

  it('rejects when its own work fails', async () => {
    const run = runWorkers<number, { n: number }>(script, undefined, numbers(5), 0, () => undefined, undefined, async (n) => {
      if (n === 3) throw new Error('batch 3 failed');
      return { n };
    });
    await expect(run).rejects.toThrow('batch 3 failed');
  });

  it('rejects when the result handler throws', async () => {
    const run = runWorkers<number, { n: number }>(script, undefined, [1, 2], 0, () => {
      throw new Error('handler failed');
    }, undefined, async (n) => ({ n }));
    await expect(run).rejects.toThrow('handler failed');
  });
});
