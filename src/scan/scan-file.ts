/**
 * Read one file and scan it: binary files are skipped, small files are scanned whole, large ones
 * are streamed in overlapping chunks so memory stays bounded.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import type { Finding, SkippedSource, SourceKind } from '../findings/finding.js';
import { TextChunker } from '../sources/chunker.js';
import { describeFsError, type FileEntry } from '../sources/files.js';
import { decodeForScan, isBinary } from '../sources/text-decode.js';
import type { ChunkScanner } from './chunk-scanner.js';

/** Files above this are streamed rather than read whole. */
export const STREAM_THRESHOLD = 16 * 1024 * 1024;

export interface FileScanResult {
  findings: Finding[];
  bytes: number;
  chunks: number;
  /** Set when the file was not scanned (binary, unreadable). */
  skipped?: SkippedSource;
}

export async function scanFile(entry: FileEntry, scanner: ChunkScanner, source: SourceKind = 'file'): Promise<FileScanResult> {
  try {
    if (entry.size > STREAM_THRESHOLD) return await scanLargeFile(entry, scanner, source);
    const bytes = await readFile(entry.absPath);
    const decoded = decodeForScan(bytes);
    if (decoded.kind === 'binary') {
      return { findings: [], bytes: 0, chunks: 0, skipped: { path: entry.relPath, reason: 'binary file' } };
    }
    if (decoded.text.length > STREAM_THRESHOLD) {
      return scanText(decoded.text, entry.relPath, scanner, source, bytes.length);
    }
    const findings = scanner.scan({ text: decoded.text, origin: { source, path: entry.relPath } });
    return { findings, bytes: bytes.length, chunks: 1 };
  } catch (error) {
    return { findings: [], bytes: 0, chunks: 0, skipped: { path: entry.relPath, reason: `unreadable: ${describeFsError(error)}` } };
  }
}

/** Scan an in-memory text in bounded chunks (used for decoded files above the threshold and stdin). */
export function scanText(text: string, path: string, scanner: ChunkScanner, source: SourceKind, bytes: number): FileScanResult {
  const chunker = new TextChunker();
  const findings: Finding[] = [];
  let chunks = 0;
  for (const piece of [...chunker.push(text), ...chunker.end()]) {
    findings.push(...scanner.scan({ text: piece.text, origin: { source, path, line: piece.line, column: piece.column }, acceptBefore: piece.acceptBefore }));
    chunks++;
  }
  return { findings, bytes, chunks };
}

async function scanLargeFile(entry: FileEntry, scanner: ChunkScanner, source: SourceKind): Promise<FileScanResult> {
  const stream = createReadStream(entry.absPath, { highWaterMark: 1024 * 1024 });
  const decoder = new StringDecoder('utf8');
  const chunker = new TextChunker();
  const findings: Finding[] = [];
  let bytes = 0;
  let chunks = 0;
  let first = true;
  const scanPieces = (pieces: ReturnType<TextChunker['push']>): void => {
    for (const piece of pieces) {
      findings.push(
        ...scanner.scan({
          text: piece.text,
          origin: { source, path: entry.relPath, line: piece.line, column: piece.column },
          acceptBefore: piece.acceptBefore,
        }),
      );
      chunks++;
    }
  };
  for await (const block of stream as AsyncIterable<Buffer>) {
    let data = block;
    if (first) {
      first = false;
      if (isBinary(data)) {
        stream.destroy();
        return { findings: [], bytes: 0, chunks: 0, skipped: { path: entry.relPath, reason: 'binary file' } };
      }
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
    }
    bytes += block.length;
    scanPieces(chunker.push(decoder.write(data)));
  }
  scanPieces(chunker.push(decoder.end()));
  scanPieces(chunker.end());
  return { findings, bytes, chunks };
}
