/**
 * Keys, tokens and secrets written in prose: a handover note (`API key for the staging tenant:
 * …`), a ticket (`new API key is …`), a chat line (`use token … for the export`), a README's
 * instructions (`set `API_KEY` to `…``). Prose uses these words for many things (`token refresh`,
 * `the key is rotated`), and hashes and ids sit next to them in changelogs (`token fix in commit
 * 3f9a…`), so only a value that is plainly generated counts, never a UUID, and never one after a
 * word that names a hash or an id.
 */
import { shannonEntropy } from '../entropy.js';
import { notALiteral } from '../generic/code.js';
import { siteBefore } from '../generic/names.js';
import { wordShare } from '../generic/words.js';
import { isPlaceholder } from '../placeholders.js';
import type { Refiner } from '../refine.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Words that make the value a digest, an identifier or a token that is not a credential (a page
 * cursor, a CSRF token), anywhere before it on the line.
 */
const DIGEST_OR_ID = /\b(?:sha-?(?:1|224|256|384|512)|h1|md5|checksum|digest|hash(?:es)?|fingerprint|commit|revision|rev|sha|id|ids|identifier|uuid|guid|nonce|salt|iv|hmac|page|cursor|continuation|csrf|xsrf|idempotency)\b/i;

/** Words that say the value only shows what one looks like, or the part every one shares (`tokens begin `pypi-…``). */
const EXAMPLE = /\b(?:e\.g\.|eg\.|for example|examples?|such as|like|sample|format|looks?|begins?|starts?|prefix(?:ed)?|ends?)\b/i;

/** The word and a colon with nothing between (`SECRET: …`): a key and its value, which the assignment rules judge. */
const KEY_AND_COLON = /(?:key|token|secret)s?`?[ \t]{0,3}:[ \t]{0,3}[`*]{0,2}$/i;

export const proseSecret: Refiner = (v, context) => {
  const before = context.before ?? '';
  if (KEY_AND_COLON.test(before) || UUID.test(v) || DIGEST_OR_ID.test(before) || EXAMPLE.test(before)) return null;
  // Ciphertext, references, public keys in base64 DER and the other values that are never secrets.
  if (notALiteral(v, siteBefore(before), before, context.after ?? '', context.path)) return null;
  // A member chain or a type (`ed25519.PrivateKey`, `config.Secret`) is code.
  if (/^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)+$/.test(v)) return null;
  if (!plainlyGenerated(v) || isPlaceholder(v)) return null;
  return { confidence: 'low' };
};

/**
 * Long hex with letters and digits, or sixteen characters or more of three classes (lower, upper,
 * digits) with high entropy and few word-like runs: what a generator produces, not a name or a phrase.
 */
function plainlyGenerated(v: string): boolean {
  if (/^[0-9a-f]{32,}$/i.test(v)) return /[0-9]/.test(v) && /[a-f]/i.test(v) && shannonEntropy(v) >= 3;
  if (v.length < 16 || !/[a-z]/.test(v) || !/[A-Z]/.test(v) || !/[0-9]/.test(v)) return false;
  return shannonEntropy(v) >= 3.5 && wordShare(v) < 0.4;
}
