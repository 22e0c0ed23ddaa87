/**
 * Passwords written in prose. First as the second half of a login (`the admin login is ops / …`), in
 * tickets, chat exports and READMEs. Prose pairs many things with a slash (`login / logout`,
 * `SSO / SAML`, `HTTP/1.1`), so the value must look chosen as a password: six characters or more,
 * a digit, and a symbol or both cases; not a placeholder, not a version.
 */
import { isRandomLetters } from '../generic/words.js';
import type { Refiner } from '../refine.js';
import { notAChosenPassword } from './generic-value.js';

/** Never a password, whatever the sentence: a name and a version (`OAuth2.0`, `TLSv1.3`), a word about the field, a placeholder. */
function notAProsePassword(v: string): boolean {
  return /^[A-Za-z]+v?[0-9]+\.[0-9.]+$/.test(v) || notAChosenPassword(v);
}

export const prosePassword: Refiner = (v) => {
  if (v.length < 6 || !/[0-9]/.test(v) || !/[A-Za-z]/.test(v)) return null;
  if (!/[!@#$%^&*+?~]/.test(v) && !(/[a-z]/.test(v) && /[A-Z]/.test(v))) return null;
  return notAProsePassword(v) ? null : { confidence: 'low' };
};

/**
 * A password a sentence states (`the default password is …`, `log in with password `…``). Prose
 * says many things about passwords (`is hashed`, `is required`, `is base64-encoded`), so the value
 * must look chosen: letters with a digit or a symbol, or a run of random letters; not a version, a
 * hyphenated description, a reference or a placeholder.
 */
export const statedPassword: Refiner = (v) => {
  if (v.length < 6) return null;
  if (!(/[A-Za-z]/.test(v) && /[0-9!@#$%^&*+?~]/.test(v)) && !isRandomLetters(v)) return null;
  // A hyphenated description (`base64-encoded`), references and interpolation (`$DB_PASSWORD`,
  // `#{password}`, `%(pw)s`, `https://…`).
  if (/^[a-z0-9]+(?:-[a-z]+)+$/.test(v) || /[${}]|^%|:\/\//.test(v)) return null;
  return notAProsePassword(v) ? null : { confidence: 'low' };
};
