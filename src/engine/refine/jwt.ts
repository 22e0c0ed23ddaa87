/**
 * JWTs: both leading segments must be JSON objects; `exp`/`iat` give the lifetime; a signature no
 * key of the stated algorithm can produce, or one made with a published example key, marks a token
 * made by hand.
 */
import { createHmac } from 'node:crypto';
import type { Refiner } from '../refine.js';
import type { Confidence } from '../../rules/schema.js';
import { expiryFacts } from './lifetime.js';

function decodeBase64Json(segment: string): unknown {
  try {
    const text = Buffer.from(segment, 'base64url').toString('utf8');
    if (!text.startsWith('{')) return undefined;
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JWTs: both leading segments must be JSON objects; `exp`/`iat` give the lifetime. */
export const jwt: Refiner = (secret, context) => {
  const parts = secret.split('.');
  if (parts.length < 2) return null;
  const header = decodeBase64Json(parts[0] as string);
  const payload = decodeBase64Json(parts[1] as string);
  if (!isRecord(header) || !isRecord(payload)) return null;
  const facts: Record<string, string> = {};
  if (typeof header.alg === 'string') facts.alg = header.alg;
  if (typeof payload.iss === 'string') facts.issuer = payload.iss.slice(0, 200);
  const unsigned = typeof header.alg === 'string' && header.alg.toLowerCase() === 'none';
  // A signature that no key of the stated algorithm can produce was made by hand (a test fixture)
  // or cut short: either way the token is unlikely to authenticate anywhere.
  const handMade = !unsigned && typeof header.alg === 'string' && !signatureFits(header.alg, parts[2] ?? '');
  if (handMade) facts.signature = 'does not fit the algorithm';
  // Signed with a key printed in documentation (jwt.io's default, `secret`): anyone can mint it.
  else if (typeof header.alg === 'string' && signedWithPublishedKey(header.alg, parts)) facts.signature = 'made with a published example key';
  const confidence: Confidence | undefined = unsigned || handMade ? 'low' : undefined;
  if (typeof payload.exp === 'number' && Number.isFinite(payload.exp)) {
    const iat = typeof payload.iat === 'number' ? payload.iat : undefined;
    return { ...expiryFacts(payload.exp, context, iat), facts, confidence };
  }
  return { lifetime: 'long-lived', facts, confidence };
};

/** HMAC keys that documentation and tutorials sign their example tokens with. */
const PUBLISHED_HMAC_KEYS = ['secret', 'your-256-bit-secret', 'your-384-bit-secret', 'your-512-bit-secret', 'your-secret-key', 'secretkey', 'mysecret', 'my-secret', 'supersecret', 'password', 'key', 'shhhhh', 'changeme', 'test'];

function signedWithPublishedKey(alg: string, parts: readonly string[]): boolean {
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg];
  if (hash === undefined || parts.length !== 3) return false;
  const signingInput = `${parts[0]}.${parts[1]}`;
  return PUBLISHED_HMAC_KEYS.some((key) => createHmac(hash, key).update(signingInput).digest('base64url') === parts[2]);
}

/** Signature sizes in bytes per JWS algorithm (RFC 7518); RSA keys are at least 1024 bits. */
function signatureFits(alg: string, signature: string): boolean {
  const bytes = Math.floor((signature.length * 3) / 4);
  const exact: Record<string, number> = { HS256: 32, HS384: 48, HS512: 64, ES256: 64, ES384: 96, ES512: 132, EdDSA: 64, ES256K: 64 };
  const size = exact[alg];
  if (size !== undefined) return bytes === size;
  if (/^[RP]S(?:256|384|512)$/.test(alg)) return bytes >= 128 && bytes <= 1024;
  return true;
}

/**
 * The `jwt` refiner as rules use it: a token whose signature cannot come from its algorithm was
 * made by hand (test fixtures, documentation) or cut short, so it is not reported at all.
 */
export const jwtRule: Refiner = (secret, context) => {
  const refined = jwt(secret, context);
  if (refined === null || refined.facts?.signature !== undefined) return null;
  return refined;
};
