/** Lifetime and expiry facts from the validity period or expiry date a secret states. */
import type { RefineContext, Refinement } from '../refine.js';
import type { Lifetime } from '../../rules/schema.js';

const HOUR = 3600;
const DAY = 24 * HOUR;

/** Lifetime class from a validity period in seconds. */
export function lifetimeFromValidity(seconds: number): Lifetime {
  if (seconds <= HOUR + 300) return 'ephemeral';
  if (seconds <= 31 * DAY) return 'short-lived';
  return 'expiring';
}

/** Expiry facts from an expiry (and, when stated, an issue time) in seconds since the epoch. */
export function expiryFacts(expSeconds: number, context: RefineContext, issuedSeconds?: number): Refinement {
  const expiresAt = new Date(expSeconds * 1000).toISOString();
  const expired = expSeconds * 1000 < context.now;
  const lifetime = issuedSeconds !== undefined ? lifetimeFromValidity(expSeconds - issuedSeconds) : 'expiring';
  return { lifetime, expiresAt, expired };
}
