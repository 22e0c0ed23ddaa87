import type { Refiner } from '../refine.js';
import { expiryFacts } from './lifetime.js';

/** PyPI tokens are version-2 macaroons; caveats can restrict and expire them. */
export const pypiMacaroon: Refiner = (secret, context) => {
  let bytes: Buffer;
  try {
    bytes = Buffer.from(secret.replace(/^pypi-/, ''), 'base64url');
  } catch {
    return null;
  }
  if (bytes[0] !== 0x02) return null;
  const text = bytes.toString('latin1');
  const facts: Record<string, string> = {};
  // eslint-disable-next-line no-control-regex -- macaroon field tags are control bytes
  const location = /\x01\x08([a-z.]{8})/.exec(text);
  if (location) facts.registry = location[1] as string;
  const expiry = /\[0,\s*([0-9]{9,11}),\s*([0-9]{9,11})\]/.exec(text) ?? /"exp":\s*([0-9]{9,11})/.exec(text);
  if (expiry) {
    const exp = Number(expiry[1]);
    const nbf = expiry[2] !== undefined ? Number(expiry[2]) : undefined;
    return { ...expiryFacts(exp, context, nbf), facts };
  }
  return { lifetime: 'long-lived', facts };
};
