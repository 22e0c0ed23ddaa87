/**
 * Private members of a JSON Web Key (`d`, `p`, `q`, `dp`, `dq`, `qi` of RSA and EC keys, `k` of a
 * symmetric key): base64url of key material. A public JWK (`n`, `e`, `x`, `y`) is not a secret and
 * never matches; a member too short for a key, or filler, is an example.
 */
import { shannonEntropy } from '../entropy.js';
import type { Refiner } from '../refine.js';

/** Fewest bytes a private member of a real key has: an EC P-256 `d` (32), a 128-bit `k` (16). */
const MIN_BYTES = 16;

export const jwkPrivateMember: Refiner = (secret, context) => {
  if (!/^[A-Za-z0-9_-]+$/.test(secret)) return null;
  const bytes = Math.floor((secret.length * 6) / 8);
  if (bytes < MIN_BYTES || shannonEntropy(secret) < 3.5) return null;
  const member = /["']?(d|p|q|dp|dq|qi|k)["']?\s*:\s*["']$/.exec(context.before ?? '')?.[1];
  return { facts: { jwkMember: member ?? 'd', keyBits: String(bytes * 8) } };
};
