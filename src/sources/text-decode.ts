/**
 * Bytes → text for scanning. UTF-8 by default (invalid sequences become U+FFFD and the scan goes
 * on); a UTF-8 BOM is dropped; UTF-16 with a BOM is decoded as UTF-16 when the bytes after it look
 * like UTF-16 (see looksUtf16). Anything else holding a NUL byte in its first 8,000 bytes is binary
 * (git's own heuristic) and is not scanned.
 */
import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';

/** How many leading bytes decide between text and binary (git looks at the same 8,000). */
export const SNIFF_BYTES = 8000;

export type Decoded =
  | {
      kind: 'text';
      text: string;
      encoding: TextEncoding;
      /** For ASCII text, its bytes (byte i is character i): the engine's keyword pass reads them faster. */
      ascii?: Uint8Array;
    }
  | { kind: 'binary' };

export function decodeForScan(bytes: Uint8Array): Decoded {
  const utf16 = utf16Mark(bytes);
  if (utf16 === 'utf-16le') {
    return { kind: 'text', text: Buffer.from(bytes.buffer, bytes.byteOffset + 2, bytes.byteLength - 2).toString('utf16le'), encoding: 'utf-16le' };
  }
  if (utf16 === 'utf-16be') {
    // Copy, drop a dangling odd byte, and swap to little-endian for Node's decoder.
    const body = bytes.subarray(2, 2 + ((bytes.length - 2) & ~1));
    const swapped = Buffer.from(body).swap16();
    return { kind: 'text', text: swapped.toString('utf16le'), encoding: 'utf-16be' };
  }
  if (isBinary(bytes)) return { kind: 'binary' };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = utf8Start(bytes, utf16);
  const body = start === 0 ? buffer : buffer.subarray(start);
  // ASCII (most source files) decodes the same as Latin-1, which is the cheaper decoder.
  if (isAscii(body)) return { kind: 'text', text: body.toString('latin1'), encoding: 'utf-8', ascii: body };
  return { kind: 'text', text: body.toString('utf8'), encoding: 'utf-8' };
}

/**
 * The UTF-16 byte order a byte-order mark announces, if the bytes after it bear it out; 'false-mark'
 * when they start with a UTF-16 mark but are not UTF-16.
 *
 * Real UTF-16 text holds ASCII (line breaks, spaces, digits, and every secret), and the high byte of
 * an ASCII character is NUL: at odd file offsets in little-endian (the mark takes offsets 0 and 1),
 * even ones in big-endian. Bytes with no NUL there in the first SNIFF_BYTES after the mark are not
 * UTF-16 whatever their first two bytes say (a UTF-8 file that happens to start with FF FE):
 * decoding them as UTF-16 would turn every ASCII secret into CJK characters and hide it.
 */
function utf16Mark(bytes: Uint8Array): TextEncoding | 'false-mark' | undefined {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const little = b0 === 0xff && b1 === 0xfe;
  if (!little && !(b0 === 0xfe && b1 === 0xff)) return undefined;
  const end = Math.min(bytes.length, 2 + SNIFF_BYTES);
  for (let i = little ? 3 : 2; i < end; i += 2) if (bytes[i] === 0) return little ? 'utf-16le' : 'utf-16be';
  return 'false-mark';
}

/** Where UTF-8 text starts: after a UTF-8 mark, or after a UTF-16 mark the bytes did not bear out. */
function utf8Start(bytes: Uint8Array, utf16: ReturnType<typeof utf16Mark>): number {
  if (utf16 === 'false-mark') return 2;
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

export function isBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  return bytes.subarray(0, end).indexOf(0) >= 0;
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Decodes a stream block by block; characters split across blocks come out whole. */
export interface StreamDecoder {
  write(block: Uint8Array): string;
  end(): string;
}

/**
 * A block-by-block decoder for `encoding`. Node's StringDecoder rather than TextDecoder: on a large
 * ticket export TextDecoder's strings held far more resident memory (external memory the collector
 * is slow to reclaim; bench/README.md), StringDecoder's did not.
 */
export function textDecoder(encoding: TextEncoding): StreamDecoder {
  const inner = encoding === 'utf-16be' ? bigEndianDecoder() : new StringDecoder(encoding === 'utf-8' ? 'utf8' : 'utf16le');
  return {
    write: (block) => inner.write(Buffer.from(block.buffer, block.byteOffset, block.byteLength)),
    end: () => inner.end(),
  };
}

/**
 * The decoder for a stream, chosen from its first block exactly as `decodeForScan` chooses for a
 * whole file (BOM first, then the NUL sniff), so a file decodes the same whether it is read whole
 * or streamed. Undefined means binary.
 */
export function createStreamDecoder(first: Uint8Array): StreamDecoder | undefined {
  const utf16 = utf16Mark(first);
  if (utf16 === 'utf-16le' || utf16 === 'utf-16be') return skipping(2, textDecoder(utf16));
  if (isBinary(first)) return undefined;
  return skipping(utf8Start(first, utf16), textDecoder('utf-8'));
}

interface BlockDecoder {
  write(block: Buffer): string;
  end(): string;
}

function skipping(bomBytes: number, inner: StreamDecoder): StreamDecoder {
  let toSkip = bomBytes;
  return {
    write(block) {
      let bytes = block;
      if (toSkip > 0) {
        const n = Math.min(toSkip, bytes.length);
        bytes = bytes.subarray(n);
        toSkip -= n;
      }
      return inner.write(bytes);
    },
    end: () => inner.end(),
  };
}

/** UTF-16BE: swap byte pairs (carrying an odd byte to the next block) and decode as UTF-16LE. */
function bigEndianDecoder(): BlockDecoder {
  const little = new StringDecoder('utf16le');
  let carry: Buffer | undefined;
  return {
    write(block) {
      const joined = carry ? Buffer.concat([carry, block]) : block;
      const even = joined.length & ~1;
      carry = even < joined.length ? Buffer.from(joined.subarray(even)) : undefined;
      return little.write(Buffer.from(joined.subarray(0, even)).swap16());
    },
    // A dangling odd byte is not a character: dropped, as decodeForScan does.
    end: () => little.end(),
  };
}
