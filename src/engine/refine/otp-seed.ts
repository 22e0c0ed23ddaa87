/**
 * OTP (TOTP/HOTP) seeds: base32 shared secrets from which every one-time code is computed; whoever
 * holds one passes the second factor for good. A seed must decode to at least 10 bytes (80 bits,
 * the RFC 4226 minimum). Seeds people make up are not reported: words and phrases (`base32secret`,
 * `JBSWY3DP…`, the base32 of "Hello!", whose decoding starts with readable text), fillers, and
 * runs of letters without a digit.
 */
import { base32Decode } from '../checksums.js';
import { isPlaceholder } from '../placeholders.js';
import type { Refiner } from '../refine.js';

export const otpSeed: Refiner = (secret) => {
  const compact = secret.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  if (!/^[A-Z2-7]{16,128}$/.test(compact) || isPlaceholder(compact)) return null;
  // A value spelled with words is made up for documentation (`base32secret3232`); one of letters
  // only is a word or a name (`NORTHWINDGOODSSHOP`): random seeds have a digit 29 times in 30.
  if (/secret|token|passw|example|test|seed/i.test(secret) || !/[2-7]/.test(compact)) return null;
  const bytes = base32Decode(compact);
  if (!bytes || bytes.length < 10) return null;
  // Random bytes start with five letters once in 3,000 seeds; the base32 of a word always does.
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  if (/^[A-Za-z]{5}$/.test(head)) return null;
  return { facts: { seedBits: String(bytes.length * 8) } };
};
