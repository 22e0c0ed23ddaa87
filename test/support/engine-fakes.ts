/**
 * Format-valid synthetic secrets for engine tests, generated at run time so no checksum-valid token
 * appears literally in the source.
 */
import { crc32, encodeUnsigned } from '../../src/engine/checksums.js';

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Deterministic pseudo-random base62 text from a seed. */
export function base62Text(seed: number, length: number): string {
  let x = (seed * 2654435761) >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += B62[x % 62];
  }
  return out;
}

/** A GitHub classic PAT shape with a valid CRC32/base62 checksum. */
export function fakeGithubPat(seed: number): string {
  const body = base62Text(seed, 30);
  return ['ghp', '_', body, encodeUnsigned(crc32(body), B62, 6)].join('');
}
