/**
 * Offline checksum validators for formats that define one. A rule names its validator with
 * `checksum: <name>`. Algorithms follow docs/credential-formats.md (CRC32 → base62 for GitHub and npm,
 * SHA-256 → base32 for fine-grained GitHub PATs, CRC32 → base36 for routable GitLab tokens,
 * CRC32 → hex for Atlassian Cloud tokens, CRC-16/XMODEM for NATS nkeys).
 *
 * `established` says whether the algorithm was confirmed on real tokens. A token that fails an
 * established checksum is a fake or a typo and is not reported; one that fails an algorithm confirmed
 * on a single sample is still reported, with lowered confidence.
 */
import { createHash } from 'node:crypto';

export interface ChecksumValidator {
  readonly name: string;
  readonly established: boolean;
  /** True when the secret's built-in checksum is consistent. */
  check(secret: string): boolean;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3 / zlib) over the string's characters, which must be ASCII. */
export function crc32(ascii: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < ascii.length; i++) {
    crc = (CRC_TABLE[(crc ^ ascii.charCodeAt(i)) & 0xff] as number) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Positional encoding, most significant digit first, left-padded with the zero digit. */
export function encodeUnsigned(value: number, alphabet: string, width: number): string {
  const radix = alphabet.length;
  let out = '';
  let v = value;
  do {
    out = alphabet[v % radix] + out;
    v = Math.floor(v / radix);
  } while (v > 0);
  return out.padStart(width, alphabet[0]);
}

const RFC4648_BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += RFC4648_BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += RFC4648_BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Uint8Array | undefined {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text.replace(/=+$/, '')) {
    const v = RFC4648_BASE32.indexOf(ch);
    if (v < 0) return undefined;
    buffer = ((buffer << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

/** `ghp_`, `gho_`, `ghu_`, `ghr_`, `npm_`: CRC32 of the body (prefix excluded) → 6 base62 digits. */
function prefixedCrc32Base62(secret: string): boolean {
  const underscore = secret.indexOf('_');
  if (underscore < 0) return false;
  const body = secret.slice(underscore + 1);
  if (body.length < 7) return false;
  const entropy = body.slice(0, -6);
  return encodeUnsigned(crc32(entropy), BASE62, 6) === body.slice(-6);
}

/** `github_pat_`: first 8 base32 chars of SHA-256 over the first 77 chars (prefix included). */
function githubFineGrained(secret: string): boolean {
  if (secret.length !== 93) return false;
  const digest = createHash('sha256').update(secret.slice(0, 77), 'latin1').digest();
  return base32Encode(digest).slice(0, 8) === secret.slice(77, 85);
}

/** Routable `glpat-` tokens: `…P.01.LL` + CRC32 of everything before the checksum → 7 base36 digits. */
function gitlabRoutable(secret: string): boolean {
  const match = /^([a-z]+-)([A-Za-z0-9_-]{27,300})\.01\.([0-9a-z]{2})([0-9a-z]{7})$/.exec(secret);
  if (!match) return false;
  const [, , payload, length, checksum] = match as unknown as [string, string, string, string, string];
  if (encodeUnsigned(payload.length, BASE36, 2) !== length) return false;
  return encodeUnsigned(crc32(secret.slice(0, -7)), BASE36, 7) === checksum;
}

/** Atlassian Cloud `ATATT3…`: CRC32 of all but the last 8 characters, as upper-case hex. */
function atlassianCloud(secret: string): boolean {
  if (secret.length < 16) return false;
  const expected = crc32(secret.slice(0, -8)).toString(16).toUpperCase().padStart(8, '0');
  return expected === secret.slice(-8);
}

/** CRC-16/XMODEM (polynomial 0x1021, initial value 0), the checksum of NATS nkeys. */
export function crc16Xmodem(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let k = 0; k < 8; k++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/**
 * NATS nkeys (seeds `SU…`, `SA…`, `SO…`, public keys `U…`, `A…`): base32 without padding of the
 * prefix bytes, the key and a CRC-16/XMODEM of both, little-endian.
 */
function nkeyCrc16(secret: string): boolean {
  const raw = base32Decode(secret);
  if (!raw || raw.length < 4) return false;
  const data = raw.subarray(0, raw.length - 2);
  const stored = (raw[raw.length - 2] as number) | ((raw[raw.length - 1] as number) << 8);
  return crc16Xmodem(data) === stored;
}

const VALIDATORS: readonly ChecksumValidator[] = [
  { name: 'github-crc32', established: true, check: prefixedCrc32Base62 },
  { name: 'npm-crc32', established: true, check: prefixedCrc32Base62 },
  { name: 'github-fine-grained', established: false, check: githubFineGrained },
  { name: 'gitlab-routable', established: true, check: gitlabRoutable },
  { name: 'atlassian-crc32', established: true, check: atlassianCloud },
  { name: 'nkey-crc16', established: true, check: nkeyCrc16 },
];

const BY_NAME = new Map(VALIDATORS.map((v) => [v.name, v]));

export function checksumValidator(name: string): ChecksumValidator | undefined {
  return BY_NAME.get(name);
}

export function checksumNames(): string[] {
  return [...BY_NAME.keys()];
}
