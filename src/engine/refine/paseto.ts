/**
 * PASETO tokens (`v4.local.…`, `v2.public.…`) and PASERK keys (`k4.local.…`, `k4.secret.…`). A
 * token's payload must hold at least a nonce and tag (local) or a signature (public); a public
 * token's claims are readable, and its `exp` says when it stops working. A PASERK key must have the
 * size its version and type fix (a `local` key is 32 bytes, a v2/v4 `secret` key 64).
 */
import type { Refinement, Refiner } from '../refine.js';

/** Signature bytes at the end of a public token, by version (RSA-2048, Ed25519, P-384, Ed25519). */
const SIGNATURE_BYTES: Record<string, number> = { v1: 256, v2: 64, v3: 96, v4: 64 };
const KEY_BYTES: Record<string, number> = { 'k1.local': 32, 'k2.local': 32, 'k3.local': 32, 'k4.local': 32, 'k2.secret': 64, 'k4.secret': 64, 'k3.secret': 48 };

export const pasetoToken: Refiner = (secret, context) => {
  const parts = secret.split('.');
  if (parts.length < 3 || parts.length > 4) return null;
  const [version, purpose, payload] = parts as [string, string, string];
  const bytes = Buffer.from(payload, 'base64url');
  const signature = SIGNATURE_BYTES[version] ?? 64;
  // A local token carries a 24–32 byte nonce and a 32–48 byte tag around its ciphertext.
  if (bytes.length < (purpose === 'local' ? 56 : signature + 2)) return null;
  const refinement: Refinement = { facts: { paseto: `${version}.${purpose}` }, lifetime: 'expiring' };
  if (purpose !== 'public') return refinement;
  let claims: unknown;
  try {
    claims = JSON.parse(bytes.subarray(0, bytes.length - signature).toString('utf8'));
  } catch {
    return null;
  }
  const exp = typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>).exp : undefined;
  const when = typeof exp === 'string' ? Date.parse(exp) : Number.NaN;
  if (Number.isNaN(when)) return refinement;
  return { ...refinement, expiresAt: new Date(when).toISOString(), expired: when < context.now };
};

export const paserkKey: Refiner = (secret) => {
  const cut = secret.indexOf('.', 3);
  const type = secret.slice(0, cut);
  const bytes = Buffer.from(secret.slice(cut + 1), 'base64url');
  const expected = KEY_BYTES[type];
  if (expected !== undefined ? bytes.length !== expected : bytes.length < 32) return null;
  return { facts: { paserk: type } };
};
