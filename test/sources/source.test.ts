/**
 * The one source interface: events arrive as the source reports them, the totals come last, a
 * failure surfaces after what was reported before it, and a scan asked to stop reads nothing more.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/config/builtin-rules.js';
import { ChunkScanner, type ScannerConfig } from '../../src/scan/chunk-scanner.js';
import { filesSource } from '../../src/sources/files/source.js';
import { drainSource, eventStream, type SourceContext } from '../../src/sources/source.js';
import { fakeGithubPat } from '../support/fake-secrets.js';
import { makeTree } from '../support/temp.js';

async function collect<E, R>(events: AsyncGenerator<E, R>): Promise<{ seen: E[]; result: R }> {
  const seen: E[] = [];
  for (let next = await events.next(); ; next = await events.next()) {
    if (next.done) return { seen, result: next.value };
    seen.push(next.value);
  }
}

describe('eventStream', () => {
  it('yields what the source emits, in order, and returns its totals', async () => {
    const { seen, result } = await collect(
      eventStream<string, number>(async (emit) => {
        emit('first');
        await new Promise((resolve) => setTimeout(resolve, 5));
        emit('second');
        emit('third');
        return 3;
      }),
    );
    expect(seen).toEqual(['first', 'second', 'third']);
    expect(result).toBe(3);
  });

  it('delivers what was emitted before a failure, then the failure', async () => {
    const seen: string[] = [];
    const events = eventStream<string, number>(async (emit) => {
      emit('read a.txt');
      throw new Error('disk gone');
    });
    await expect(
      (async () => {
        for (let next = await events.next(); !next.done; next = await events.next()) seen.push(next.value);
      })(),
    ).rejects.toThrow('disk gone');
    expect(seen).toEqual(['read a.txt']);
  });
});

describe('a source asked to stop', () => {
  it('reads nothing more once its signal is aborted', async () => {
    const dir = makeTree(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}.env`, `TOKEN=${fakeGithubPat(400 + i)}\n`])));
    const config: ScannerConfig = { rules: loadBuiltinRules().filter((r) => r.provider === 'github'), allowSecretRegexes: [], stopwords: [] };
    const scanner = new ChunkScanner(config);
    const context = (signal?: AbortSignal): SourceContext => ({ scanner: () => scanner, scannerConfig: config, maxFileSize: 1e6, allowPaths: { globs: [] }, jobs: 1, signal });
    const all = await drainSource(filesSource({ paths: [dir], useGit: false }), context());
    expect(all.findings).toHaveLength(20);
    const stopped = await drainSource(filesSource({ paths: [dir], useGit: false }), context(AbortSignal.abort()));
    expect(stopped.findings).toEqual([]);
    expect(stopped.stats.sources).toBe(0);
  });
});
