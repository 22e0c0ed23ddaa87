/**
 * Format-valid, obviously synthetic secrets generated at run time, so no checksum-valid token is
 * ever written in the source. Bodies come from a seeded generator: the same seed gives the same
 * token (stable snapshots), different seeds give different tokens (distinct fingerprints).
 */
import { crc32, encodeUnsigned } from '../../src/engine/checksums.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Small deterministic PRNG (mulberry32): test data must be reproducible, not unpredictable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `length` base62 characters, drawn so the result never looks like a placeholder or a filler. */
export function base62Body(seed: number, length: number): string {
  const next = seededRandom(seed);
  let out = '';
  while (out.length < length) out += BASE62[Math.floor(next() * 62)];
  return out;
}

/**
 * A GitHub token (`ghp_`, `gho_`, `ghu_`: 30 body characters; `ghr_`: 70) whose last six characters
 * are the base62 CRC-32 of the body, as the format defines (docs/credential-formats.md#checksums-and-structural-checks).
 */
export function fakeGithubToken(prefix: 'ghp' | 'gho' | 'ghu' | 'ghr', seed: number): string {
  const body = base62Body(seed, prefix === 'ghr' ? 70 : 30);
  return [prefix, '_', body, encodeUnsigned(crc32(body), BASE62, 6)].join('');
}

/** A checksum-valid classic GitHub personal access token (rule `github-classic-pat`). */
export function fakeGithubPat(seed: number): string {
  return fakeGithubToken('ghp', seed);
}

/** The same token with its checksum broken: the engine must not report it. */
export function brokenChecksum(token: string): string {
  const last = token.at(-1) === 'A' ? 'B' : 'A';
  return token.slice(0, -1) + last;
}
