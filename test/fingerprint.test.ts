/**
 * Fingerprints and previews of guessable secrets: a PIN or a short password gets a slow, salted,
 * public KDF (`scrypt:`) and a preview that shows none of its characters; every other secret keeps
 * the plain SHA-256 fingerprint it always had; a fingerprint key makes every fingerprint an HMAC.
 */
import * as crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { Finding } from '../src/findings/finding.js';
import { fingerprintSecret, fingerprintSecretDeferred, SCRYPT_PARAMETERS, settleFingerprints } from '../src/findings/fingerprint.js';
import { redact } from '../src/findings/redact.js';
import { estimatedBits, isGuessable } from '../src/findings/strength.js';
import { base62Body, fakeGithubPat } from './support/fake-secrets.js';

// Counts key derivations, to show that repeated copies of a secret derive once.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof crypto>();
  return { ...actual, scryptSync: vi.fn(actual.scryptSync) };
});

const PIN = ['48', '29', '17'].join('');
const LOWER8 = ['qwz', 'hkv', 'tr'].join('');

describe('which secrets count as guessable', () => {
  it.each([
    ['a 6-digit PIN', PIN],
    ['an 8-character lowercase password', LOWER8],
    ['a repeated unit', ['hunter2', 'hunter2', 'hunter2'].join('')],
    ['one character repeated', 'z'.repeat(40)],
    ['a long run of a sequence', 'abcdefghijklmnopqrstuvwxyz'],
  ])('%s', (_name, secret) => {
    expect(isGuessable(secret), `${estimatedBits(secret).toFixed(1)} bits`).toBe(true);
  });

  it.each([
    ['a GitHub token', fakeGithubPat(1)],
    ['a 16-character random base62 password', base62Body(2, 16)],
    ['a 32-digit hex key', Array.from({ length: 32 }, (_x, i) => '0123456789abcdef'[(i * 7 + 3) % 16]).join('')],
  ])('not %s', (_name, secret) => {
    expect(isGuessable(secret), `${estimatedBits(secret).toFixed(1)} bits`).toBe(false);
  });
});

describe('fingerprints', () => {
  it('keep the plain SHA-256 of a high-entropy secret, byte for byte', () => {
    const token = fakeGithubPat(3);
    expect(fingerprintSecret(token)).toBe(`sha256:${crypto.createHash('sha256').update(token).digest('hex')}`);
  });

  it('derive a guessable secret with scrypt under the published parameters and salt', () => {
    const { N, r, p, keyLength, salt } = SCRYPT_PARAMETERS;
    const expected = crypto.scryptSync(PIN, salt, keyLength, { N, r, p, maxmem: 256 * N * r }).toString('hex');
    expect(fingerprintSecret(PIN)).toBe(`scrypt:${expected}`);
    expect(fingerprintSecret(PIN)).not.toContain(crypto.createHash('sha256').update(PIN).digest('hex'));
    expect(fingerprintSecret(LOWER8)).toMatch(/^scrypt:[0-9a-f]{64}$/);
    expect(fingerprintSecret(LOWER8)).not.toBe(fingerprintSecret(PIN));
  });

  it('are HMACs under a fingerprint key, for guessable secrets too', () => {
    const key = 'team-key';
    expect(fingerprintSecret(PIN, key)).toBe(`sha256:${crypto.createHmac('sha256', key).update(PIN).digest('hex')}`);
    const token = fakeGithubPat(4);
    expect(fingerprintSecret(token, key)).toBe(`sha256:${crypto.createHmac('sha256', key).update(token).digest('hex')}`);
  });

  it('derive a secret seen 1,000 times once', () => {
    const derive = vi.mocked(crypto.scryptSync);
    const secret = ['73', '51', '06'].join('');
    derive.mockClear();
    const prints = new Set(Array.from({ length: 1000 }, () => fingerprintSecret(secret)));
    expect(prints.size).toBe(1);
    expect(derive).toHaveBeenCalledTimes(1);
  });
});

describe('fingerprints derived on the thread pool', () => {
  const finding = (fingerprint: string): Finding => ({ fingerprint }) as Finding;

  it('stand in with one pending value per secret until settled, then carry the same fingerprint as in line', async () => {
    const secret = ['wq', 'rt', 'zp', 'mk'].join('');
    const first = fingerprintSecretDeferred(secret);
    expect(first).toMatch(/^pending:/);
    expect(fingerprintSecretDeferred(secret)).toBe(first);
    const other = fingerprintSecretDeferred(['51', '90', '47'].join(''));
    expect(other).not.toBe(first);
    const found = [finding(first), finding(first), finding(other)];
    await settleFingerprints(found);
    expect(found.map((f) => f.fingerprint)).toEqual([fingerprintSecret(secret), fingerprintSecret(secret), fingerprintSecret(['51', '90', '47'].join(''))]);
    // Settled secrets are remembered: later copies get the real fingerprint at once.
    expect(fingerprintSecretDeferred(secret)).toBe(fingerprintSecret(secret));
  });

  it('are not deferred for strong secrets or under a fingerprint key', () => {
    const token = fakeGithubPat(5);
    expect(fingerprintSecretDeferred(token)).toBe(fingerprintSecret(token));
    expect(fingerprintSecretDeferred(['60', '12', '88'].join(''), 'org-key')).toBe(fingerprintSecret(['60', '12', '88'].join(''), 'org-key'));
  });

  it('refuse to settle a stand-in this thread never handed out', async () => {
    await expect(settleFingerprints([finding('pending:999999')])).rejects.toThrow(/before its fingerprint was derived/);
  });
});

describe('previews', () => {
  it('show no character of a guessable secret', () => {
    expect(redact(PIN)).toBe('…');
    expect(redact(LOWER8)).toBe('…');
  });

  it('keep showing the ends of a high-entropy secret', () => {
    const token = fakeGithubPat(5);
    expect(redact(token)).toBe(`${token.slice(0, 6)}…${token.slice(-4)}`);
  });
});
