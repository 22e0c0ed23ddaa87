/**
 * Bytes → text for scanning. UTF-8 by default (invalid sequences become U+FFFD and the scan goes
 * on); a UTF-8 BOM is dropped; UTF-16 with a BOM is decoded as UTF-16. Anything else holding a NUL
 * byte in its first 8,000 bytes is binary (git's own heuristic) and is not scanned.
 */

const SNIFF_BYTES = 8000;

export type Decoded = { kind: 'text'; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { kind: 'binary' };

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
  return { kind: 'text', text: buffer.toString('utf8', start), encoding: 'utf-8' };
}

export function isBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  return bytes.subarray(0, end).indexOf(0) >= 0;
}
