/**
 * Building blocks for synthetic credentials: random runs over an alphabet, literal prefixes,
 * checksums and structured encodings. Everything is drawn from the seeded generator, so a corpus is
 * the same for a seed on every machine.
 *
 * Random runs never contain the house placeholder markers (a run of one character, "xxxx",
 * "example", …): a synthetic secret must be format-valid and must not look like a placeholder by
 * accident, or a correct rejection would be scored as a miss.
 */
import { createHash } from 'node:crypto';
import { base32Encode, crc32, encodeUnsigned } from '../../src/engine/checksums.js';
import type { Random } from '../lib/random.js';

export const A = {
  b62: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  b64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  b64u: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  b32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  b32lower: 'abcdefghijklmnopqrstuvwxyz234567',
  hex: '0123456789abcdef',
  uhex: '0123456789ABCDEF',
  digits: '0123456789',
  b36: '0123456789abcdefghijklmnopqrstuvwxyz',
  ub36: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  base58: '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz',
  bech32: 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L',
} as const;

export type Gen = (rng: Random) => string;

/** Substrings a synthetic secret must not contain (the house placeholder markers). */
const AVOID = ['xxxx', 'example', 'sample', 'dummy', 'fake', 'test', 'redact', 'changeme', 'placeholder', 'your', '....', 'abcd', '1234', '0000'];

function acceptable(text: string): boolean {
  const lower = text.toLowerCase();
  if (AVOID.some((w) => lower.includes(w))) return false;
  // No character four times in a row: fillers look like that, random tokens almost never do.
  return !/(.)\1\1\1/.test(text);
}

/** `n` random characters (or between n[0] and n[1]) from `alphabet`, never placeholder-like. */
export function run(n: number | readonly [number, number], alphabet: string): Gen {
  return (rng) => {
    const length = typeof n === 'number' ? n : rng.int(n[0], n[1]);
    for (;;) {
      const text = rng.chars(length, alphabet);
      if (acceptable(text)) return text;
    }
  };
}

/** Concatenate literals and generators. */
export function cat(...parts: readonly (string | Gen)[]): Gen {
  return (rng) => parts.map((p) => (typeof p === 'string' ? p : p(rng))).join('');
}

/** One of several generators, uniformly. */
export function oneOf(...gens: readonly (string | Gen)[]): Gen {
  return (rng) => {
    const g = rng.pick(gens);
    return typeof g === 'string' ? g : g(rng);
  };
}

export const uuid: Gen = (rng) => {
  const h = run(32, A.hex)(rng);
  const variant = rng.pick(['8', '9', 'a', 'b']);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** GitHub/npm style: prefix + 30 random base62 + CRC32 of those 30 as 6 base62 digits. */
export function crc62(prefix: string, bodyLength = 30): Gen {
  return (rng) => {
    const body = run(bodyLength, A.b62)(rng);
    return prefix + body + encodeUnsigned(crc32(body), A.b62, 6);
  };
}

/** `github_pat_`: SHA-256 over the first 77 characters, first 8 base32 characters as the check. */
export const githubFineGrained: Gen = (rng) => {
  const body = ['github', '_pat_'].join('') + rng.chars(1, '123456789') + run(21, A.b62)(rng) + '_' + run(43, A.b62)(rng);
  const digest = createHash('sha256').update(body, 'latin1').digest();
  return body + base32Encode(digest).slice(0, 8) + run(8, A.b62)(rng);
};

/** Routable GitLab tokens: base64url(random ‖ routing payload ‖ length), `.01.`, length, CRC32 in base36. */
export function gitlabRoutable(prefix: string): Gen {
  return (rng) => {
    const payload = Buffer.from(`o:${rng.int(1, 2 ** 30).toString(36)}\nu:${rng.int(1, 2 ** 24).toString(36)}`, 'latin1');
    const raw = Buffer.concat([rng.bytes(16), payload, Buffer.from([payload.length])]);
    const p = raw.toString('base64url');
    const head = `${prefix}${p}.01.${encodeUnsigned(p.length, A.b36, 2)}`;
    return head + encodeUnsigned(crc32(head), A.b36, 7);
  };
}

/** Atlassian Cloud tokens: 184 characters ending in `=`, then CRC32 of them as 8 upper-case hex. */
export function atlassian(prefix: string): Gen {
  return (rng) => {
    const body = prefix + run(184 - prefix.length - 1, A.b64u)(rng) + '=';
    return body + crc32(body).toString(16).toUpperCase().padStart(8, '0');
  };
}

/** Break a checksummed token by changing its last character to another of the same class. */
export function breakLast(token: string): string {
  const last = token.charAt(token.length - 1);
  // Hex digits stay hex so the token keeps its format and only the checksum is wrong.
  const classes = [A.digits, 'abcdef', 'ABCDEF', A.lower, A.upper];
  const alphabet = classes.find((c) => c.includes(last)) ?? A.upper;
  const replacement = alphabet[(alphabet.indexOf(last) + 1) % alphabet.length] as string;
  return token.slice(0, -1) + replacement;
}

const b64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** A JWT with the given claims and a signature of the right length for its algorithm. */
export function jwt(claims: (rng: Random) => Record<string, unknown>, alg?: string): Gen {
  return (rng) => {
    const algorithm = alg ?? rng.pick(['HS256', 'RS256', 'ES256']);
    const header = rng.chance(0.5) ? { alg: algorithm, typ: 'JWT' } : { alg: algorithm, typ: 'JWT', kid: run(16, A.b64u)(rng) };
    const signatureBytes = algorithm.startsWith('HS') ? 32 : algorithm.startsWith('ES') ? 64 : 256;
    return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims(rng)))}.${rng.bytes(signatureBytes).toString('base64url')}`;
  };
}

export const epoch = (rng: Random, fromYear = 2024, toYear = 2030): number => {
  const from = Date.UTC(fromYear, 0, 1) / 1000;
  const to = Date.UTC(toYear, 0, 1) / 1000;
  return rng.int(from, to);
};

/** Base64 (standard alphabet) of random bytes, `bytes` long. */
export function b64bytes(bytes: number, url = false): Gen {
  return (rng) => rng.bytes(bytes).toString(url ? 'base64url' : 'base64');
}

/** Base64 of a text built by `inner`. */
export function b64of(inner: Gen, url = false): Gen {
  return (rng) => Buffer.from(inner(rng), 'utf8').toString(url ? 'base64url' : 'base64');
}

/** A password a person or a password manager would choose: mixed classes, 10–24 characters. */
export const password: Gen = (rng) => {
  const style = rng.int(0, 3);
  if (style === 0) {
    // Generated by a password manager.
    return run([14, 28], A.b62 + '!#%&*+-=?@^_')(rng) + rng.pick(['!', '#', '7', 'Q', '%']);
  }
  if (style === 1) {
    // Word-ish with substitutions, like people pick.
    const words = ['Tr0ub4dor', 'Sunfl0wer', 'Gr4nite', 'Blu3Harbor', 'Mapl3Leaf', 'C0balt', 'Orb1tal', 'Qu4rtz', 'P1neapple', 'Falc0n'];
    return rng.pick(words) + rng.pick(['&', '!', '#', '@', '$', '%', '-', '_']) + rng.int(10, 9999) + run(2, A.b62)(rng);
  }
  if (style === 2) return run([16, 40], A.b62)(rng);
  return run([20, 44], A.b64)(rng);
};
