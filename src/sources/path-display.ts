/**
 * File names are bytes, and not always UTF-8: a name written by an old Latin-1 tool is one byte per
 * accented letter. Such a file is still read (through its raw bytes) and reported under a name
 * that keeps it apart from its neighbours: each byte that is not part of valid UTF-8 is written as
 * `\xHH`, everything else as it decodes.
 */
import { isUtf8 } from 'node:buffer';

/** `bytes` as a name to show: plain UTF-8 when it is valid, else with `\xHH` for each invalid byte. */
export function displayName(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buf)) return buf.toString('utf8');
  let out = '';
  let from = 0;
  let i = 0;
  while (i < buf.length) {
    const n = sequenceLength(buf, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += `${buf.toString('utf8', from, i)}\\x${(buf[i] as number).toString(16).toUpperCase().padStart(2, '0')}`;
    i++;
    from = i;
  }
  return out + buf.toString('utf8', from);
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function sequenceLength(buf: Buffer, i: number): number {
  const lead = buf[i] as number;
  if (lead < 0x80) return 1;
  const n = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  return n > 0 && i + n <= buf.length && isUtf8(buf.subarray(i, i + n)) ? n : 0;
}
