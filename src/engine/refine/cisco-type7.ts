/**
 * Cisco IOS "type 7" passwords (`password 7 …`): not a hash but a reversible XOR with a
 * fixed, published key stream, so anyone who reads the line has the password. The first two digits
 * are the decimal offset into the key stream (0 to 15), then each byte is two hex digits. A value
 * counts only when it decodes to printable text: that is the format's structure, and it rules out
 * hex that merely follows a `7`.
 */
import type { Refiner } from '../refine.js';

/** The key stream IOS uses for type 7 (53 characters), as published in router documentation. */
const KEY_STREAM = 'dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87';

export function decodeType7(encoded: string): string | null {
  if (!/^[0-9]{2}(?:[0-9A-Fa-f]{2})+$/.test(encoded)) return null;
  const offset = Number(encoded.slice(0, 2));
  if (offset > 15) return null;
  let plain = '';
  for (let i = 2, k = offset; i < encoded.length; i += 2, k++) {
    const code = parseInt(encoded.slice(i, i + 2), 16) ^ KEY_STREAM.charCodeAt(k % KEY_STREAM.length);
    if (code < 0x20 || code > 0x7e) return null;
    plain += String.fromCharCode(code);
  }
  return plain;
}

export const ciscoType7: Refiner = (secret) => {
  const plain = decodeType7(secret);
  if (plain === null || plain.length < 4) return null;
  return { lifetime: 'long-lived', facts: { encoding: 'Cisco type 7 (reversible)' } };
};
