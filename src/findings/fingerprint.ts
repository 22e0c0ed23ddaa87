import { createHash, createHmac, scryptSync } from 'node:crypto';
import { isGuessable } from './strength.js';

/**
 * Fingerprint of a secret. The same secret has the same fingerprint wherever it appears, on every
 * machine: that is how sprawl is counted, and how baselines, allowlists and the inventory match.
 *
 * - With a fingerprint key: `sha256:` + HMAC-SHA256 under the key, for every secret (a shared
 *   report cannot be brute-forced without the key).
 * - Without one, a secret an attacker could guess (strength.ts: PINs, short passwords) gets
 *   `scrypt:` + scrypt under fixed public parameters and salt. A plain hash of a 6-digit password
 *   is reversed in under a second; scrypt makes every guess cost a fixed, memory-hard amount of
 *   work (docs/fingerprints.md). The salt is public and fixed on purpose: copies must still match
 *   across machines and runs.
 * - Every other secret: `sha256:` + SHA-256, unchanged from earlier versions.
 */
export function fingerprintSecret(secret: string, key?: string): string {
  const input = canonicalSecret(secret);
  if (key !== undefined && key !== '') return `sha256:${createHmac('sha256', key).update(input, 'utf8').digest('hex')}`;
  if (isGuessable(input)) return slowFingerprint(input);
  return `sha256:${createHash('sha256').update(input, 'utf8').digest('hex')}`;
}

/** `sha256:` or `scrypt:`, then 64 hex digits: what configuration files and shard files accept. */
export const FINGERPRINT_PATTERN = /^(?:sha256|scrypt):[0-9a-f]{64}$/;

/**
 * Changing any of them changes every `scrypt:` fingerprint (the scheme below carries them, so org
 * scans notice). N is a balance: each distinct guessable secret costs one derivation per scan, and
 * generic rules report many chosen passwords, so the cost per guess is kept to a few milliseconds
 * while a guess still costs thousands of SHA-256 computations and 4 MiB of memory (docs/fingerprints.md).
 */
export const SCRYPT_PARAMETERS = { N: 2 ** 12, r: 8, p: 1, keyLength: 32, salt: 'sprawlguard fingerprint v1' } as const;

/** Whether fingerprints of guessable secrets go through the KDF; for the org scan's settings digest. */
export const FINGERPRINT_SCHEME = `scrypt-N${SCRYPT_PARAMETERS.N}-r${SCRYPT_PARAMETERS.r}-p${SCRYPT_PARAMETERS.p}-below-64-bits`;

/**
 * One KDF per distinct secret per thread: a password pasted into 1,000 files costs one derivation.
 * Bounded so a scan of endless distinct short strings cannot grow it without limit.
 */
const MAX_CACHED = 10_000;
const slowCache = new Map<string, string>();

function slowFingerprint(input: string): string {
  const cached = slowCache.get(input);
  if (cached !== undefined) return cached;
  const { N, r, p, keyLength, salt } = SCRYPT_PARAMETERS;
  const digest = scryptSync(input, salt, keyLength, { N, r, p, maxmem: 256 * N * r });
  const fingerprint = `scrypt:${digest.toString('hex')}`;
  if (slowCache.size >= MAX_CACHED) slowCache.delete(slowCache.keys().next().value as string);
  slowCache.set(input, fingerprint);
  return fingerprint;
}

/**
 * A PEM key pasted into a JSON file (`\n` escapes), a YAML block (indentation) and a `.pem` file is
 * one key: fingerprint its armoured body without whitespace and escapes. Other secrets are hashed as-is.
 */
export function canonicalSecret(secret: string): string {
  if (!secret.startsWith('-----BEGIN')) return secret;
  return secret.replace(/\\r|\\n|\s+/g, '');
}
