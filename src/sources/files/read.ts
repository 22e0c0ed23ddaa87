/**
 * Read one file and scan it: binary files are skipped, small files are scanned whole, large ones
 * are streamed in overlapping chunks so memory stays bounded. A batch of files is scanned the same
 * way, one after another, by whichever thread takes it (a worker, or the main thread).
 */
import { closeSync, constants, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import type { Finding, SourceKind } from '../../findings/finding.js';
import { inputProblem, type ScanProblem } from '../../findings/scan-problem.js';
import { TextChunker, type TextPiece } from '../long-text.js';
import { describeFsError, type FileEntry } from './walk.js';
import { createStreamDecoder, decodeForScan, SNIFF_BYTES, type StreamDecoder } from '../text-decode.js';
import type { ChunkScanner } from '../../scan/chunk-scanner.js';

/** Files above this are streamed rather than read whole. */
export const STREAM_THRESHOLD = 16 * 1024 * 1024;

export interface FileScanResult {
  findings: Finding[];
  bytes: number;
  chunks: number;
  /** Set when the file was not scanned (binary, unreadable). */
  skipped?: ScanProblem;
}

/** Files scanned together by one thread (a worker, or the main thread taking its share). */
export type FileBatch = FileEntry[];

export interface FileBatchResult {
  findings: Finding[];
  skipped: ScanProblem[];
  bytes: number;
  chunks: number;
  files: number;
}

/** Scan a batch with `scanner`, file by file, gathering findings, skips and the scanner's limits. */
export async function scanBatch(entries: FileBatch, scanner: ChunkScanner, signal?: AbortSignal): Promise<FileBatchResult> {
  const result: FileBatchResult = { findings: [], skipped: [], bytes: 0, chunks: 0, files: 0 };
  for (const entry of entries) {
    if (signal?.aborted) break;
    const r = await scanFile(entry, scanner);
    result.findings.push(...r.findings);
    result.bytes += r.bytes;
    result.chunks += r.chunks;
    if (r.skipped) result.skipped.push(r.skipped);
    else result.files++;
    result.skipped.push(...scanner.takeLimits());
  }
  return result;
}

export async function scanFile(entry: FileEntry, scanner: ChunkScanner, source: SourceKind = 'file'): Promise<FileScanResult> {
  try {
    if (entry.sizeCap !== undefined && entry.size > entry.sizeCap) return tooLarge(entry, entry.size);
    if (entry.size > STREAM_THRESHOLD) return await scanLargeFile(entry, scanner, source);
    const bytes = readWhole(pathOf(entry), entry.size, entry.sizeCap);
    if ('refused' in bytes) {
      if (bytes.refused === 'stream') return await scanLargeFile(entry, scanner, source);
      return tooLarge(entry, bytes.size);
    }
    const decoded = decodeForScan(bytes);
    if (decoded.kind === 'binary') {
      return { findings: [], bytes: 0, chunks: 0, skipped: inputProblem('binary', entry.relPath, 'binary file') };
    }
    if (decoded.text.length > STREAM_THRESHOLD) {
      return scanText(decoded.text, entry.relPath, scanner, source, bytes.length);
    }
    const findings = scanner.scan({ text: decoded.text, ascii: decoded.ascii, origin: { source, path: entry.relPath } });
    return { findings, bytes: bytes.length, chunks: 1 };
  } catch (error) {
    return { findings: [], bytes: 0, chunks: 0, skipped: inputProblem('unreadable', entry.relPath, `unreadable: ${describeFsError(error)}`) };
  }
}

/** What to open: the path's bytes when its name is not UTF-8 (a worker receives them as a Uint8Array). */
function pathOf(entry: FileEntry): string | Buffer {
  return entry.rawPath ? Buffer.from(entry.rawPath) : entry.absPath;
}

/**
 * Opening never waits: enumeration leaves FIFOs out, and should a file be replaced by one before it
 * is opened, O_NONBLOCK makes the open return at once instead of waiting for a writer.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function tooLarge(entry: FileEntry, size: number): FileScanResult {
  const reason = `larger than the size cap (${size} > ${entry.sizeCap ?? 0} bytes)`;
  return { findings: [], bytes: 0, chunks: 0, skipped: inputProblem('too-large', entry.relPath, reason) };
}

/** Read buffer reused from file to file; kept at most this large between files. */
const KEEP_BUFFER = 4 * 1024 * 1024;
let readBuffer = Buffer.allocUnsafe(256 * 1024);

/**
 * The whole content of a file, in the shared read buffer (valid until the next call).
 * Synchronous on purpose: an awaited readFile is four round trips through libuv's thread pool, which
 * on a busy machine makes reading many small files several times slower (bench/README.md).
 *
 * A file costs open, one read and close: no second read to find the end (a read short of the room
 * left means the end), and no fresh buffer to fault in. A size known from enumeration sizes the
 * buffer. An unknown size (-1) is learnt only for a file that fills the buffer (fstat on the open
 * file): above `cap` it is not read, above the streaming threshold it is streamed instead. A file that grew since enumeration is still read to its end.
 */
function readWhole(absPath: string | Buffer, expectedSize: number, cap = Number.POSITIVE_INFINITY): Buffer | { refused: 'too-large' | 'stream'; size: number } {
  const fd = openSync(absPath, OPEN_FLAGS);
  try {
    if (readBuffer.length < expectedSize + 1) readBuffer = Buffer.allocUnsafe(expectedSize + 1);
    let length = 0;
    let sized = expectedSize >= 0;
    for (;;) {
      if (length === readBuffer.length) {
        if (!sized) {
          sized = true;
          const size = fstatSync(fd).size;
          if (size > cap) return { refused: 'too-large', size };
          if (size > STREAM_THRESHOLD) return { refused: 'stream', size };
        }
        const grown = Buffer.allocUnsafe(readBuffer.length * 2);
        readBuffer.copy(grown, 0, 0, length);
        readBuffer = grown;
      }
      const want = readBuffer.length - length;
      const got = readSync(fd, readBuffer, length, want, null);
      length += got;
      // Short of what was asked: the end of the file (the buffer had room for one byte more).
      if (got === 0 || got < want) break;
    }
    // A file smaller than the buffer was read whole: its length is its size.
    if (!sized && length > cap) return { refused: 'too-large', size: length };
    const content = readBuffer.subarray(0, length);
    if (readBuffer.length > KEEP_BUFFER) readBuffer = Buffer.allocUnsafe(256 * 1024);
    return content;
  } finally {
    closeSync(fd);
  }
}

/** Findings of a chunker's pieces of one source, and how many pieces there were. */
class PieceScanner {
  readonly findings: Finding[] = [];
  chunks = 0;

  constructor(
    private readonly scanner: ChunkScanner,
    private readonly path: string,
    private readonly source: SourceKind,
  ) {}

  add(pieces: readonly TextPiece[]): void {
    for (const piece of pieces) {
      const origin = { source: this.source, path: this.path, line: piece.line, column: piece.column };
      this.findings.push(...this.scanner.scan({ text: piece.text, origin, acceptBefore: piece.acceptBefore }));
      this.chunks++;
    }
  }
}

/** Scan an in-memory text in bounded chunks (a decoded file above the threshold). */
function scanText(text: string, path: string, scanner: ChunkScanner, source: SourceKind, bytes: number): FileScanResult {
  const chunker = new TextChunker();
  const out = new PieceScanner(scanner, path, source);
  out.add(chunker.push(text));
  out.add(chunker.end());
  return { findings: out.findings, bytes, chunks: out.chunks };
}

/**
 * Scan a stream of blocks (a large file, standard input) in bounded chunks. The encoding and the
 * binary check are decided as for a file read whole (a BOM picks the encoding, else a NUL in the
 * first SNIFF_BYTES means binary), on the first SNIFF_BYTES together: a pipe may deliver them a few
 * at a time. Binary input gives undefined; with `drainBinary` the rest is read first, so the writer
 * of a pipe does not get EPIPE.
 */
export async function scanBlocks(
  blocks: AsyncIterable<Buffer>,
  path: string,
  source: SourceKind,
  scanner: ChunkScanner,
  drainBinary = false,
): Promise<FileScanResult | undefined> {
  const chunker = new TextChunker();
  const out = new PieceScanner(scanner, path, source);
  let decoder: StreamDecoder | undefined;
  let bytes = 0;
  const head: Buffer[] = [];
  let headBytes = 0;
  /** Decide on the bytes held back; false for binary. */
  const decide = (): boolean => {
    const first = head.length === 1 ? (head[0] as Buffer) : Buffer.concat(head);
    decoder = createStreamDecoder(first);
    if (decoder === undefined) return false;
    bytes += first.length;
    out.add(chunker.push(decoder.write(first)));
    return true;
  };
  for await (const block of blocks) {
    if (decoder === undefined) {
      head.push(block);
      headBytes += block.length;
      // The decision reads SNIFF_BYTES, past a UTF-16 mark's two bytes when there is one.
      if (headBytes < SNIFF_BYTES + 2) continue;
      if (!decide()) {
        if (drainBinary) for await (const _ of blocks) void _;
        return undefined;
      }
      continue;
    }
    bytes += block.length;
    out.add(chunker.push(decoder.write(block)));
  }
  if (decoder === undefined && !decide()) return undefined;
  out.add(chunker.push((decoder as StreamDecoder | undefined)?.end() ?? ''));
  out.add(chunker.end());
  return { findings: out.findings, bytes, chunks: out.chunks };
}

async function scanLargeFile(entry: FileEntry, scanner: ChunkScanner, source: SourceKind): Promise<FileScanResult> {
  const stream = createReadStream(pathOf(entry), { highWaterMark: 1024 * 1024 });
  try {
    const result = await scanBlocks(stream as AsyncIterable<Buffer>, entry.relPath, source, scanner);
    return result ?? { findings: [], bytes: 0, chunks: 0, skipped: inputProblem('binary', entry.relPath, 'binary file') };
  } finally {
    stream.destroy();
  }
}
