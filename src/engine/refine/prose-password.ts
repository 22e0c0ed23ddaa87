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

/** The text before a value ends in the password word and blanks, with no verb, colon or quote. */
const DIRECTLY_AFTER_WORD = /(?:pass(?:word|phrase|wd)|pwd|pw)s?[ \t]{1,3}$/i;

/**
 * A password a sentence states (`the default password is …`, `log in with password `…``). Prose
 * says many things about passwords (`is hashed`, `is required`, `is base64-encoded`), so the value
 * must look chosen: letters with a digit or a symbol, or a run of random letters; not a version, a
 * hyphenated description, a reference or a placeholder.
 */
export const statedPassword: Refiner = (v, context) => {
  if (v.length < 6) return null;
  // Only a blank after the word (`root password …`, `pw …`): prose puts anything there (`password
  // v1.2/go.mod`, `passwd 1:4.13+dfsg1`, `the password Base64 encoded`), so the value must look chosen
  // as a password (eight characters or more), be no path or version, and end the sentence.
  if (DIRECTLY_AFTER_WORD.test(context.before ?? '')) {
    if (v.length < 8 || prosePassword(v, context) === null || /[/\\]/.test(v) || /^[0-9]+[:.]/.test(v)) return null;
    if (!/^["'`*]{0,2}[.,;!?)]?[ \t]*(?:$|\(|#|\/\/)/.test(context.after ?? '')) return null;
  }
  if (!(/[A-Za-z]/.test(v) && /[0-9!@#$%^&*+?~]/.test(v)) && !isRandomLetters(v)) return null;
  // A hyphenated description (`base64-encoded`), references and interpolation (`$DB_PASSWORD`,
  // `#{password}`, `%(pw)s`, `https://…`).
  if (/^[a-z0-9]+(?:-[a-z]+)+$/.test(v) || /[${}]|^%|:\/\//.test(v)) return null;
  return notAProsePassword(v) ? null : { confidence: 'low' };
};
