/** Standard input (`sprawlguard scan -`), streamed in bounded chunks. */
import type { Finding, ScanScope, ScanStats } from '../findings/finding.js';
import { inputProblem, toSkipped } from '../findings/scan-problem.js';
import { ChunkScanner, type ScannerConfig } from '../scan/chunk-scanner.js';
import { scanBlocks } from './files/read.js';
import { drainSource, eventStream, type ScanSource, type SourceEvent, type SourceTotals } from './source.js';

export interface StdinSourceOptions {
  /** The path findings show (`--stdin-name`). */
  name: string;
  input?: AsyncIterable<Buffer>;
  cwd?: string;
}

export function stdinSource(options: StdinSourceOptions): ScanSource {
  const root = options.cwd ?? process.cwd();
  return {
    kind: 'stdin',
    root,
    scope: (): ScanScope => ({ source: 'stdin', root }),
    scan: (context) =>
      eventStream<SourceEvent, SourceTotals>(async (emit) => {
        const started = performance.now();
        const scanner = context.scanner();
        const result = await scanBlocks(options.input ?? process.stdin, options.name, 'file', scanner, true);
        let stats: ScanStats;
        if (result) {
          if (result.findings.length > 0) emit({ kind: 'findings', findings: result.findings });
          const limits = scanner.takeLimits();
          for (const problem of limits) emit({ kind: 'problem', problem });
          stats = { sources: 1, bytes: result.bytes, chunks: result.chunks, durationMs: 0, skipped: limits.map(toSkipped) };
        } else {
          const problem = inputProblem('binary', options.name, 'binary input');
          emit({ kind: 'problem', problem });
          stats = { sources: 0, bytes: 0, chunks: 0, durationMs: 0, skipped: [toSkipped(problem)] };
        }
        stats.durationMs = Math.round(performance.now() - started);
        return { stats };
      }),
  };
}

/** Scan standard input (or `input`) to its end. */
export async function scanStdin(
  name: string,
  config: ScannerConfig,
  input: AsyncIterable<Buffer> = process.stdin,
  scanner: ChunkScanner = new ChunkScanner(config),
): Promise<{ findings: Finding[]; stats: ScanStats }> {
  const { findings, stats } = await drainSource(stdinSource({ name, input }), {
    scanner: () => scanner,
    scannerConfig: config,
    maxFileSize: Number.POSITIVE_INFINITY,
    allowPaths: { globs: [] },
  });
  return { findings, stats };
}
