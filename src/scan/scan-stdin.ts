/** `sprawlguard scan -`: standard input, streamed in bounded chunks. */
import type { Finding, ScanStats } from '../findings/finding.js';
import { ChunkScanner, type ScannerConfig } from './chunk-scanner.js';
import { scanBlocks } from './scan-file.js';

export async function scanStdin(
  name: string,
  config: ScannerConfig,
  input: AsyncIterable<Buffer> = process.stdin,
  scanner: ChunkScanner = new ChunkScanner(config),
): Promise<{ findings: Finding[]; stats: ScanStats }> {
  const started = performance.now();
  const result = await scanBlocks(input, name, 'file', scanner, true);
  const stats: ScanStats = result
    ? { sources: 1, bytes: result.bytes, chunks: result.chunks, durationMs: 0, skipped: scanner.takeLimits() }
    : { sources: 0, bytes: 0, chunks: 0, durationMs: 0, skipped: [{ path: name, reason: 'binary input' }] };
  stats.durationMs = Math.round(performance.now() - started);
  return { findings: result?.findings ?? [], stats };
}
