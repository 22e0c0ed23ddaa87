/**
 * Export files → text, streamed. A UTF-8 byte order mark is dropped; UTF-16 (little or big endian)
 * is recognised by its byte order mark, or without one by the NUL bytes every ASCII character
 * carries, and decoded as such. Other files holding NUL bytes are binary and not exports.
 */
import { createReadStream } from 'node:fs';
import { isBinary, textDecoder, type StreamDecoder, type TextEncoding } from '../text-decode.js';

export type { TextEncoding };

export class BinaryInputError extends Error {}

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

/**
 * Open a file as text. Reads just enough to fill the head; `pieces` then yields the head followed
 * by the rest of the file, so nothing is read twice and memory stays at one piece.
 */
export async function openText(absPath: string, signal?: AbortSignal): Promise<OpenedText> {
  const stream = createReadStream(absPath, { highWaterMark: PIECE_BYTES, signal });
  const iterator = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
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
      return tail.length > 0 ? tail : undefined;
    }
    let block: Uint8Array = next.value;
    bytes += block.length;
    if (!decoder) {
      const sniffed = sniffEncoding(block);
      encoding = sniffed.encoding;
      if (encoding === 'utf-8' && isBinary(block)) {
        stream.destroy();
        throw new BinaryInputError('binary file (NUL bytes), not a ticket export');
      }
      decoder = textDecoder(encoding);
      block = block.subarray(sniffed.bomBytes);
    }
    return decoder.write(block);
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
      stream.destroy();
    }
  }

  return { encoding, head, pieces: pieces(), bytesRead: () => bytes, close: () => stream.destroy() };
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
