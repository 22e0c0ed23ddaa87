/**
 * Export files (or ZIP entries) → text, streamed. A UTF-8 byte order mark is dropped; UTF-16
 * (little or big endian) is recognised by its byte order mark, or without one by the NUL bytes
 * every ASCII character carries, and decoded as such.
 *
 * A file whose first bytes are largely NULs and control characters is binary and not an export.
 * A stray NUL in an export (a damaged disk, a bad copy) is not a reason to drop the file: it is
 * replaced by a space, which JSON and XML accept inside strings and CSV reads as text, and
 * reported with its line and column.
 */
import { createReadStream } from 'node:fs';
import { textDecoder, SNIFF_BYTES, type StreamDecoder, type TextEncoding } from '../text-decode.js';

export type { TextEncoding };

export class BinaryInputError extends Error {}
/** The input is a ZIP archive, to be read as one. */
export class ZipInputError extends BinaryInputError {}

/** Bytes read per piece: large enough for throughput, small enough to keep memory flat. */
const PIECE_BYTES = 1024 * 1024;
/** How much text detection looks at. */
export const HEAD_CHARS = 64 * 1024;

export function sniffEncoding(first: Uint8Array): { encoding: TextEncoding; bomBytes: number } {
  const [b0, b1, b2] = first;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  // No byte order mark: ASCII in UTF-16 puts a NUL beside every character.
  const sample = first.subarray(0, 512 & ~1);
  if (sample.length >= 4) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < sample.length; i += 2) {
      if (sample[i] === 0) evenNul++;
      if (sample[i + 1] === 0) oddNul++;
    }
    const pairs = sample.length / 2;
    if (oddNul > pairs * 0.6 && evenNul === 0) return { encoding: 'utf-16le', bomBytes: 0 };
    if (evenNul > pairs * 0.6 && oddNul === 0) return { encoding: 'utf-16be', bomBytes: 0 };
  }
  return { encoding: 'utf-8', bomBytes: 0 };
}

/**
 * Binary, not text with a stray NUL: more than 1% NULs, or more than 10% control characters other
 * than the whitespace ones, in the first bytes.
 */
export function looksBinary(block: Uint8Array): boolean {
  const end = Math.min(block.length, SNIFF_BYTES);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = block[i] as number;
    if (b === 0) nul++;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return nul * 100 > end || control * 10 > end;
}

/** The first bytes of a ZIP archive (a local file header, or the end record of an empty archive). */
export function isZipSignature(first: Uint8Array): boolean {
  return first[0] === 0x50 && first[1] === 0x4b && ((first[2] === 0x03 && first[3] === 0x04) || (first[2] === 0x05 && first[3] === 0x06));
}

export interface OpenOptions {
  signal?: AbortSignal;
  /** Called for each NUL character found (and replaced by a space), with its line and column. */
  onNul?: (line: number, column: number) => void;
}

export interface OpenedText {
  encoding: TextEncoding;
  /** The first HEAD_CHARS characters (or the whole text if shorter), for format detection. */
  head: string;
  /** All of the text, from the start (the head included), in pieces. */
  pieces: AsyncIterable<string>;
  /** Bytes read so far (grows while `pieces` is consumed). */
  bytesRead(): number;
  close(): void;
}

/** Open a file as text (see openTextStream). */
export async function openText(absPath: string, options: OpenOptions = {}): Promise<OpenedText> {
  const stream = createReadStream(absPath, { highWaterMark: PIECE_BYTES, signal: options.signal });
  return openTextStream(stream, () => stream.destroy(), options);
}

/**
 * Open a byte stream as text. Reads just enough to fill the head; `pieces` then yields the head
 * followed by the rest, so nothing is read twice and memory stays at one piece.
 */
export async function openTextStream(source: AsyncIterable<Uint8Array>, close: () => void, options: OpenOptions = {}): Promise<OpenedText> {
  const iterator = source[Symbol.asyncIterator]();
  const nuls = options.onNul ? new NulReplacer(options.onNul) : undefined;
  let bytes = 0;
  let decoder: StreamDecoder | undefined;
  let encoding: TextEncoding = 'utf-8';
  const buffered: string[] = [];
  let headLength = 0;
  let done = false;

  const decodeNext = async (): Promise<string | undefined> => {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      const tail = decoder?.end() ?? '';
      return tail.length > 0 ? (nuls?.replace(tail) ?? tail) : undefined;
    }
    let block: Uint8Array = next.value;
    bytes += block.length;
    if (!decoder) {
      if (isZipSignature(block)) {
        close();
        throw new ZipInputError('a ZIP archive');
      }
      const sniffed = sniffEncoding(block);
      encoding = sniffed.encoding;
      if (encoding === 'utf-8' && looksBinary(block)) {
        close();
        throw new BinaryInputError('binary file (NUL bytes), not a ticket export');
      }
      decoder = textDecoder(encoding);
      block = block.subarray(sniffed.bomBytes);
    }
    const text = decoder.write(block);
    return nuls ? nuls.replace(text) : text;
  };

  while (!done && headLength < HEAD_CHARS) {
    const text = await decodeNext();
    if (text === undefined) break;
    buffered.push(text);
    headLength += text.length;
  }
  const head = buffered.join('').slice(0, HEAD_CHARS);

  async function* pieces(): AsyncGenerator<string> {
    try {
      while (buffered.length > 0) yield buffered.shift() as string;
      while (!done) {
        const text = await decodeNext();
        if (text !== undefined && text.length > 0) yield text;
      }
    } finally {
      close();
    }
  }

  return { encoding, head, pieces: pieces(), bytesRead: () => bytes, close };
}

/** Replaces NUL characters by spaces across the pieces of one text, reporting each with its line and column. */
class NulReplacer {
  private line = 1;
  /** Characters of the current line seen in earlier pieces. */
  private carry = 0;

  constructor(private readonly report: (line: number, column: number) => void) {}

  replace(text: string): string {
    let nul = text.indexOf('\0');
    if (nul >= 0) {
      let line = this.line;
      let lineStart = -this.carry;
      let counted = 0;
      while (nul >= 0) {
        for (let nl = text.indexOf('\n', counted); nl >= 0 && nl < nul; nl = text.indexOf('\n', nl + 1)) {
          line++;
          lineStart = nl + 1;
        }
        counted = nul;
        this.report(line, nul - lineStart + 1);
        nul = text.indexOf('\0', nul + 1);
      }
      text = text.replaceAll('\0', ' ');
    }
    let last = -1;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
      this.line++;
      last = nl;
    }
    this.carry = last >= 0 ? text.length - last - 1 : this.carry + text.length;
    return text;
  }
}

/** Split text pieces into lines (without their `\n`; a trailing `\r` is kept for the caller). */
export async function* splitLines(pieces: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const piece of pieces) {
    let text = carry.length > 0 ? carry + piece : piece;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      yield text.slice(start, nl);
      start = nl + 1;
    }
    text = text.slice(start);
    carry = text;
  }
  if (carry.length > 0) yield carry;
}
