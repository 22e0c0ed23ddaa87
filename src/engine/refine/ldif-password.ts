/**
 * `userPassword` in LDIF (directory exports, seed data for test directories). With one colon the
 * value is written as it is; with two (`userPassword:: …`) it is base64, as LDIF writes values
 * that are not plain ASCII. A value that is a hash in either form (`{SSHA}…`, `{CRYPT}$6$…`) is
 * crackable material, not a password: the password-hash rules report the plain form.
 */
import { isPlaceholder } from '../placeholders.js';
import type { Refiner } from '../refine.js';

export const ldifUserPassword: Refiner = (secret, context) => {
  let value = secret;
  if (/::[ \t]*$/.test(context.before ?? '')) {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(secret) || secret.length % 4 !== 0) return null;
    value = Buffer.from(secret, 'base64').toString('utf8');
    // A password is printable text; binary after decoding is not one (or not base64 at all).
    if (!/^[\x20-\x7e]{1,256}$/.test(value)) return null;
  }
  if (/^\{[A-Za-z0-9-]{2,20}\}/.test(value) || isPlaceholder(value)) return null;
  return value === secret ? {} : { facts: { encoding: 'base64' } };
};
