/**
 * String literals that say they are passwords: people who make up a password for a test, a seed or
 * a script often build it from the word itself, with a number and a capital, a symbol or a letter
 * swapped for a digit. Such a literal is a password wherever it is written, even with no name before
 * it: an argument (`New(url, "tester", "…")`), an attribute (`[InlineData("user", "…")]`), a
 * comparison, a command substitution. Words and identifiers that contain the word are not: labels,
 * routes, numbered field names, camelCase names, upper-case constants, and English words around
 * `pass` (passport, bypass).
 */
import { shannonEntropy } from '../entropy.js';
import { isObjectReference } from '../generic/code.js';
import type { Refiner } from '../refine.js';
import { notAChosenPassword } from './generic-value.js';

/**
 * The word, plain or with letters swapped for digits and symbols (`p@ss`, `pa55`), or `pw`/`pwd`, as
 * a part of its own: at the start, after a separator or a digit, or as a capitalised camelCase part
 * (not `OPpASSIGN`, not the two capitals inside a random run).
 */
const PASSWORD_WORD = /(?<![A-Za-z])[Pp][Aa@4][Ss$5]{2}|(?<=[a-z0-9])P[Aa@4][Ss$5]{2}|(?<![A-Za-z])[Pp][Ww][Dd]?(?![a-z])|(?<=[a-z])P[Ww]d?(?![a-z])/;
/** The word with a letter swapped (the swap itself says a person chose it). */
const LEET_WORD = /p[@4][s$5]{2}|pa(?:[$5][s$5]|s[$5])|passw0rd/i;
/** English words that contain `pass`. */
const ENGLISH = /passport|passage|passenger|passive|passing|passed|passes|passthr|bypass|compass|trespass|surpass|impass|overpass|underpass/i;
/** Symbols people put in passwords, beyond the separators identifiers use (`-`, `_`, `.`). */
const SYMBOL = /[!@#$%^&*+?~:]/;

export const passwordLiteral: Refiner = (secret) => {
  if (!PASSWORD_WORD.test(secret) || ENGLISH.test(secret) || !/[0-9]/.test(secret)) return null;
  // A long random run (a key's base64url member, a token) holds `pw` or `Pa55` by chance: a few
  // in a hundred 43-character values do. Passwords built from the word are shorter or less random.
  if (secret.length >= 24 && shannonEntropy(secret) >= 4.3) return null;
  const leet = LEET_WORD.test(secret);
  // The number is a part of its own or ends one (`…-42`, `…Pw9`), or replaces a letter: digits
  // inside a part are a name's (`sha1kdf`, `dhSinglePass-stdDH-sha1kdf-scheme`).
  if (!leet && !/[0-9](?![A-Za-z0-9])/.test(secret)) return null;
  // Percent-encoded text is a URL or a form body, read decoded elsewhere; package specs
  // (`name@^6.1.0`) and e-mail addresses name things.
  if (/%[0-9A-Fa-f]{2}/.test(secret) || /@[\^~<>=v]{0,2}[0-9]+\.[0-9]/.test(secret) || /^[^@]+@[\w-]+\.[\w.-]+$/.test(secret)) return null;
  // `user:password@host:port` without a scheme: the password part decides (`user:password@…` is a
  // placeholder, `admin:Pa55w0rd7@db:5432` is not).
  const netloc = /^[^:@\s]+:([^@\s]+)@[\w-]+(?:\.[\w-]+)*(?::[0-9]{1,5})?$/.exec(secret);
  if (notAChosenPassword(secret) || (netloc && notAChosenPassword(netloc[1] as string))) return null;
  // Identifiers: camelCase or PascalCase with a number (`newPassword2`), lower-case words joined by
  // separators (`reset-password-1`), upper-case constants (`PW_MAX_2`). A swapped letter is not
  // something an identifier does.
  if (!leet) {
    if (/^[A-Za-z0-9]+$/.test(secret)) return null;
    if (/^[a-z0-9]+(?:[-_.][a-z0-9]+)+$/.test(secret)) return null;
    if (/^[A-Z0-9]+(?:[-_.][A-Z0-9]+)+$/.test(secret)) return null;
  }
  // Selectors, translation keys, member paths and package names (`#password-2`, `.pw-3`,
  // `auth.Password2Label`, `Test2::Event::Pass`, `compute-1::RabbitPassword`).
  if (/^[#.]/.test(secret) || /^[A-Za-z_][\w-]*(?:(?:\.|::)[\w-]+)+$/.test(secret)) return null;
  // URNs name things (`urn:oasis:names:tc:SAML:1.0:am:password`), and so do Python object
  // references (`pkg.plugins.v3:Password`, an entry point).
  if (/^urn:/i.test(secret) || isObjectReference(secret)) return null;
  // A person's choice mixes cases or adds a symbol or a swapped letter.
  if (!leet && !/[A-Z]/.test(secret) && !SYMBOL.test(secret)) return null;
  return { confidence: 'low' };
};
