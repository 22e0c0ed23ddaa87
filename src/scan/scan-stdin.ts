/** `sprawlguard scan -`: standard input, streamed in bounded chunks. */
import type { Finding, ScanStats } from '../findings/finding.js';
import { TextChunker, type TextPiece } from '../sources/chunker.js';
import { createStreamDecoder, SNIFF_BYTES, type StreamDecoder } from '../sources/text-decode.js';
import { ChunkScanner, type ScannerConfig } from './chunk-scanner.js';

export async function scanStdin(
  name: string,
  config: ScannerConfig,
  input: AsyncIterable<Buffer> = process.stdin,
): Promise<{ findings: Finding[]; stats: ScanStats }> {
  const started = performance.now();
  const scanner = new ChunkScanner(config);
  const chunker = new TextChunker();
  const findings: Finding[] = [];
  const stats: ScanStats = { sources: 1, bytes: 0, chunks: 0, durationMs: 0, skipped: [] };
  const scanPieces = (pieces: TextPiece[]): void => {
    for (const piece of pieces) {
      const origin = { source: 'file' as const, path: name, line: piece.line, column: piece.column };
      findings.push(...scanner.scan({ text: piece.text, origin, acceptBefore: piece.acceptBefore }));
      stats.chunks++;
    }
  };
  // The encoding and the binary check need the first bytes together; a pipe may deliver them a few
  // at a time, so hold blocks back until there are enough to decide.
  let decoder: StreamDecoder | undefined;
  let binary = false;
  const head: Buffer[] = [];
  let headBytes = 0;
  const decide = (): void => {
    const bytes = Buffer.concat(head);
    decoder = createStreamDecoder(bytes);
    if (decoder === undefined) {
      binary = true;
      stats.sources = 0;
      stats.skipped.push({ path: name, reason: 'binary input' });
      return;
    }
    stats.bytes += bytes.length;
    scanPieces(chunker.push(decoder.write(bytes)));
  };
  for await (const block of input) {
    if (decoder === undefined) {
      head.push(block);
      headBytes += block.length;
      if (headBytes < SNIFF_BYTES) continue;
      decide();
      if (binary) {
        // Drain the rest so the writer does not get EPIPE.
        for await (const _ of input) void _;
        break;
      }
      continue;
    }
    stats.bytes += block.length;
    scanPieces(chunker.push(decoder.write(block)));
  }
  if (decoder === undefined && !binary) decide();
  if (decoder !== undefined) {
    scanPieces(chunker.push(decoder.end()));
    scanPieces(chunker.end());
  }
  stats.durationMs = Math.round(performance.now() - started);
  return { findings, stats };
}
