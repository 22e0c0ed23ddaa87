import { createHash, createHmac, scrypt, scryptSync } from 'node:crypto';
import type { Finding } from './finding.js';
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
  if (key !== undefined && key !== '') return keyedFingerprint(input, key);
  if (isGuessable(input)) return slowFingerprint(input);
  return plainFingerprint(input);
}

function keyedFingerprint(input: string, key: string): string {
  return `sha256:${createHmac('sha256', key).update(input, 'utf8').digest('hex')}`;
}

function plainFingerprint(input: string): string {
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

/** The KDF's options as node:crypto takes them, with the memory one derivation needs (128·N·r bytes) allowed twice over. */
const SCRYPT_OPTIONS = { N: SCRYPT_PARAMETERS.N, r: SCRYPT_PARAMETERS.r, p: SCRYPT_PARAMETERS.p, maxmem: 256 * SCRYPT_PARAMETERS.N * SCRYPT_PARAMETERS.r };

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
  const fingerprint = `scrypt:${scryptSync(input, SCRYPT_PARAMETERS.salt, SCRYPT_PARAMETERS.keyLength, SCRYPT_OPTIONS).toString('hex')}`;
  remember(input, fingerprint);
  return fingerprint;
}

function remember(input: string, fingerprint: string): void {
  if (slowCache.size >= MAX_CACHED) slowCache.delete(slowCache.keys().next().value as string);
  slowCache.set(input, fingerprint);
}

/**
 * Scans hand guessable secrets to the thread pool instead of deriving them in line: the scanning
 * thread goes on to the next file while another core runs the KDF, which otherwise takes most of a
 * scan's time where a repository holds a few hundred distinct chosen passwords. Such a finding
 * carries a stand-in (`pending:<n>`, the same for every copy of the secret in this thread, so a
 * source can still group copies by fingerprint) until settleFingerprints puts the real one in. The
 * scan pipeline settles every finding before anything reads or prints a fingerprint, and a worker
 * thread settles its results before it posts them: stand-ins never leave the thread that made them.
 */
const PENDING = 'pending:';
const deferred = new Map<string, string>();
const derivations = new Map<string, { input: string; fingerprint: Promise<string> }>();
let nextPending = 0;

export function fingerprintSecretDeferred(secret: string, key?: string): string {
  const input = canonicalSecret(secret);
  if (key !== undefined && key !== '') return keyedFingerprint(input, key);
  if (!isGuessable(input)) return plainFingerprint(input);
  const cached = slowCache.get(input) ?? deferred.get(input);
  if (cached !== undefined) return cached;
  const id = `${PENDING}${nextPending++}`;
  const fingerprint = new Promise<string>((resolve, reject) => {
    scrypt(input, SCRYPT_PARAMETERS.salt, SCRYPT_PARAMETERS.keyLength, SCRYPT_OPTIONS, (error, digest) => (error ? reject(error) : resolve(`scrypt:${digest.toString('hex')}`)));
  });
  // Awaited by settleFingerprints; a scan abandoned before then must not end in an unhandled rejection.
  fingerprint.catch(() => undefined);
  deferred.set(input, id);
  derivations.set(id, { input, fingerprint });
  return id;
}

/** Put the real fingerprint into every finding that carries a stand-in (see fingerprintSecretDeferred). */
export async function settleFingerprints(findings: readonly Finding[]): Promise<void> {
  for (const finding of findings) {
    if (!finding.fingerprint.startsWith(PENDING)) continue;
    const derivation = derivations.get(finding.fingerprint);
    // A stand-in from another thread would otherwise reach a report: never let it.
    if (derivation === undefined) throw new Error('internal: a finding reached another thread before its fingerprint was derived');
    finding.fingerprint = await derivation.fingerprint;
    // Copies found from now on get the real fingerprint at once. The stand-in stays known: a scan
    // worker may be settling another batch that holds it.
    remember(derivation.input, finding.fingerprint);
  }
}

/**
 * A PEM key pasted into a JSON file (`\n` escapes), a YAML block (indentation) and a `.pem` file is
 * one key: fingerprint its armoured body without whitespace and escapes. Other secrets are hashed as-is.
 */
export function canonicalSecret(secret: string): string {
  if (!secret.startsWith('-----BEGIN')) return secret;
  return secret.replace(/\\r|\\n|\s+/g, '');
}
