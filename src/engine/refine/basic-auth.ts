/** `Basic` credentials: base64 of `user:password`, or of an API key with an empty password. */
import { shannonEntropy } from '../entropy.js';
import { isPlaceholder } from '../placeholders.js';
import type { Refiner } from '../refine.js';
import { notAPassword } from './generic-value.js';

/** `Authorization: Basic …` and Docker `auth` values: base64 of `user:password`. */
export const basicAuth: Refiner = (secret) => {
  let decoded: string;
  try {
    decoded = Buffer.from(secret, 'base64').toString('utf8');
  } catch {
    return null;
  }
  const colon = decoded.indexOf(':');
  // eslint-disable-next-line no-control-regex -- credentials are printable text
  if (colon <= 0 || colon === decoded.length - 1 || /[\x00-\x1f\ufffd]/.test(decoded)) return null;
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  if (password.length < 4 || /^(?:password|pass|secret|changeme|\*+|x+)$/i.test(password)) return null;
  return { facts: { username: user.slice(0, 100) } };
};

/**
 * `Basic` values anywhere (generic rules): the password must be one a person set, not a
 * placeholder, the word itself or text in another script (`test:test`, `xuser:xpassword`).
 */
const basicCredentialsPassword: Refiner = (secret, context) => {
  const refined = basicAuth(secret, context);
  if (refined === null) return null;
  const decoded = Buffer.from(secret, 'base64').toString('utf8');
  const password = decoded.slice(decoded.indexOf(':') + 1);
  if (/[^\x20-\x7e]/.test(decoded) || isPlaceholder(password, [], { weakPasswords: true }) || notAPassword(password)) return null;
  return refined;
};

/**
 * `Basic` values anywhere: `user:password`, or an API key sent as the user name with an empty
 * password (`key:`), which services such as payment and mail APIs accept.
 */
export const basicCredentials: Refiner = (secret, context) => {
  const refined = basicCredentialsPassword(secret, context);
  if (refined !== null) return refined;
  let decoded: string;
  try {
    decoded = Buffer.from(secret, 'base64').toString('utf8');
  } catch {
    return null;
  }
  const key = /^([\w.-]{20,200}):$/.exec(decoded)?.[1];
  if (key === undefined || isPlaceholder(key) || shannonEntropy(key) < 4 || !/[0-9]/.test(key) || !/[A-Za-z]/.test(key)) return null;
  return { facts: { username: 'an API key' } };
};
