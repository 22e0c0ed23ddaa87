/** `sprawlguard scan -`: standard input, streamed in bounded chunks. */
import { StringDecoder } from 'node:string_decoder';
import type { Finding, ScanStats } from '../findings/finding.js';
import { TextChunker, type TextPiece } from '../sources/chunker.js';
import { isBinary } from '../sources/text-decode.js';
import { ChunkScanner, type ScannerConfig } from './chunk-scanner.js';

export async function scanStdin(
  name: string,
  config: ScannerConfig,
  input: AsyncIterable<Buffer> = process.stdin,
): Promise<{ findings: Finding[]; stats: ScanStats }> {
  const started = performance.now();
  const scanner = new ChunkScanner(config);
  const decoder = new StringDecoder('utf8');
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
  let first = true;
  for await (const block of input) {
    let data = block;
    if (first) {
      first = false;
      if (isBinary(data)) {
        stats.sources = 0;
        stats.skipped.push({ path: name, reason: 'binary input' });
        // Drain the rest so the writer does not get EPIPE.
        for await (const _ of input) void _;
        break;
      }
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
    }
    stats.bytes += block.length;
    scanPieces(chunker.push(decoder.write(data)));
  }
  if (stats.sources === 1) {
    scanPieces(chunker.push(decoder.end()));
    scanPieces(chunker.end());
  }
  stats.durationMs = Math.round(performance.now() - started);
  return { findings, stats };
}
