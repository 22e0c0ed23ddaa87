/**
 * Password hashes: names the scheme, checks what its format fixes (bcrypt's cost, a digest's
 * length), and rejects what protects no password: locked and unusable markers (`!…`, `*`),
 * hashes whose body is filler, and unsalted hashes of the empty string or of a word that only
 * restates the field (`password`, `secret`), which documentation and factories use as samples.
 * Nothing here is a list of hash values: the hashes of those words are computed.
 */
import { createHash } from 'node:crypto';
import { isPlaceholder } from '../placeholders.js';
import type { Refinement, Refiner } from '../refine.js';

/** Scheme, the length its last field has when written by the tool that makes it, and a test for the prefix. */
interface Scheme {
  name: string;
  test: RegExp;
  /** Length of the hash field (after the last `$`) as the scheme writes it. */
  length?: number;
}

const SCHEMES: readonly Scheme[] = [
  { name: 'bcrypt', test: /^(?:\$wp)?\$2[abxy]\$/, length: 53 },
  { name: 'django-bcrypt-sha256', test: /^bcrypt(?:_sha256)?\$/ },
  { name: 'md5-crypt', test: /^\$1\$/, length: 22 },
  { name: 'apr1', test: /^\$apr1\$/, length: 22 },
  { name: 'sha256-crypt', test: /^\$5\$/, length: 43 },
  { name: 'sha512-crypt', test: /^\$6\$/, length: 86 },
  { name: 'yescrypt', test: /^\$g?y\$/, length: 43 },
  { name: 'scrypt-crypt', test: /^\$7\$/, length: 43 },
  { name: 'sunmd5', test: /^\$md5/, length: 22 },
  { name: 'netbsd-sha1-crypt', test: /^\$sha1\$/, length: 28 },
  { name: 'argon2', test: /^(?:argon2)?\$argon2/ },
  { name: 'phpass', test: /^\$[PH]\$/ },
  { name: 'drupal7', test: /^\$S\$/ },
  { name: 'passlib', test: /^\$(?:pbkdf2|scrypt)/ },
  { name: 'django-pbkdf2', test: /^pbkdf2_sha/ },
  { name: 'django-scrypt', test: /^scrypt\$/ },
  { name: 'django-salted-digest', test: /^(?:sha1|md5)\$/ },
  { name: 'werkzeug', test: /^(?:pbkdf2|scrypt):/ },
  { name: 'ldap', test: /^\{/ },
  { name: 'mysql-native', test: /^\*[0-9A-F]{40}$/ },
  { name: 'postgres-md5', test: /^md5[0-9a-f]{32}$/ },
  { name: 'postgres-scram-sha-256', test: /^SCRAM-SHA-256\$/ },
  { name: 'des-crypt', test: /^[./0-9A-Za-z]{13}$/ },
  { name: 'hex-digest', test: /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/i },
];

/** Words a sample hash is made from: the empty password and words that restate the field. */
const SAMPLE_WORDS = ['', 'password', 'passwd', 'secret', 'changeme'];

const sampleDigests = (() => {
  const out = new Set<string>();
  for (const word of SAMPLE_WORDS) {
    for (const algorithm of ['md5', 'sha1', 'sha256', 'sha512']) {
      const digest = createHash(algorithm).update(word).digest();
      out.add(digest.toString('hex'));
      out.add(digest.toString('base64'));
    }
    const mysql = createHash('sha1').update(createHash('sha1').update(word).digest()).digest('hex').toUpperCase();
    out.add(`*${mysql}`);
  }
  return out;
})();

/** The hash field: what follows the last `$` or `}` (the salt and parameters come before it). */
function hashField(secret: string): string {
  const cut = Math.max(secret.lastIndexOf('$'), secret.lastIndexOf('}'), secret.lastIndexOf(':'));
  return cut < 0 ? secret : secret.slice(cut + 1);
}

export const passwordHash: Refiner = (secret) => {
  // Locked accounts (`!`, `*` in /etc/shadow) and Django's unusable-password marker (`!` and 40
  // random characters) hold no password at all.
  if (/^[!*]/.test(secret) && !/^\*[0-9A-F]{40}$/.test(secret)) return null;
  const scheme = SCHEMES.find((s) => s.test.test(secret));
  if (scheme === undefined) return null;
  const field = hashField(secret);
  if (field.length === 0 || isPlaceholder(field)) return null;
  if (sampleDigests.has(secret.toLowerCase()) || sampleDigests.has(secret) || sampleDigests.has(field) || sampleDigests.has(field.toLowerCase())) return null;
  const facts: Record<string, string> = { scheme: scheme.name };
  const refinement: Refinement = { facts };
  if (scheme.name === 'bcrypt') {
    const cost = Number(/\$2[abxy]\$([0-9]{2})\$/.exec(secret)?.[1]);
    if (!(cost >= 4 && cost <= 31)) return null;
    facts.cost = String(cost);
  }
  if (scheme.name === 'des-crypt' || scheme.name === 'hex-digest') {
    // A 13-character word or a run of one digit is not DES output; a digest must use its alphabet.
    if (/^[a-z]+$/i.test(field) || /^[0-9]+$/.test(field)) return null;
    refinement.confidence = 'medium';
  }
  // A field longer or shorter than the scheme writes was typed or cut by hand: still a hash, less sure.
  if (scheme.length !== undefined && field.length !== scheme.length) refinement.confidence = 'medium';
  return refinement;
};
