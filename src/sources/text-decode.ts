/**
 * Bytes → text for scanning. UTF-8 by default (invalid sequences become U+FFFD and the scan goes
 * on); a UTF-8 BOM is dropped; UTF-16 with a BOM is decoded as UTF-16. Anything else holding a NUL
 * byte in its first 8,000 bytes is binary (git's own heuristic) and is not scanned.
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
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) {
    return { kind: 'text', text: Buffer.from(bytes.buffer, bytes.byteOffset + 2, bytes.byteLength - 2).toString('utf16le'), encoding: 'utf-16le' };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    // Copy, drop a dangling odd byte, and swap to little-endian for Node's decoder.
    const body = bytes.subarray(2, 2 + ((bytes.length - 2) & ~1));
    const swapped = Buffer.from(body).swap16();
    return { kind: 'text', text: swapped.toString('utf16le'), encoding: 'utf-16be' };
  }
  if (isBinary(bytes)) return { kind: 'binary' };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = start === 0 ? buffer : buffer.subarray(start);
  // ASCII (most source files) decodes the same as Latin-1, which is the cheaper decoder.
  if (isAscii(body)) return { kind: 'text', text: body.toString('latin1'), encoding: 'utf-8', ascii: body };
  return { kind: 'text', text: body.toString('utf8'), encoding: 'utf-8' };
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
 * A block-by-block decoder for `encoding`. Node's StringDecoder rather than TextDecoder: measured
 * on a 52 MB ticket export, TextDecoder's strings doubled the process's resident memory (external
 * memory the collector is slow to reclaim), StringDecoder's did not.
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
  const b0 = first[0];
  const b1 = first[1];
  if (b0 === 0xff && b1 === 0xfe) return skipping(2, textDecoder('utf-16le'));
  if (b0 === 0xfe && b1 === 0xff) return skipping(2, textDecoder('utf-16be'));
  if (isBinary(first)) return undefined;
  const bom = b0 === 0xef && b1 === 0xbb && first[2] === 0xbf ? 3 : 0;
  return skipping(bom, textDecoder('utf-8'));
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
