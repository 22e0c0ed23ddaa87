/**
 * Values for the `{{gen:KIND:ID}}` slots of the realistic corpus. The corpus files are written by
 * hand; only credentials whose format has structure (checksums, prefixes, key encodings) are
 * generated, at run time, so the repository never holds one that could work anywhere.
 *
 * Slot syntax: `{{gen:KIND[:ID][#LINE][|MODIFIER]}}`.
 * - KIND names a generator below (`github-pat`, `pem-ec`, `hex-32`, …).
 * - ID names the value: the same KIND and ID in one corpus group give the same value (one secret
 *   copied into several files); an ID starting with `@` is shared by all groups.
 * - `#LINE` picks one line (0-based) of a multi-line value, for keys split over string literals.
 * - MODIFIER: `b64` (base64 of the value), `json` (newlines written as `\n`), `indentN` (continuation
 *   lines indented by N spaces, for YAML block scalars).
 *
 * Values depend only on the seed, the group and the slot, so a seed gives the same corpus everywhere.
 */
import { createHash } from 'node:crypto';
import { Random } from '../lib/random.js';
import { A, atlassian, crc62, githubFineGrained, jwt, run } from './gen.js';

type Make = (rng: Random) => string;

const digits = (min: number, max: number): Make => (rng) => rng.chars(1, '123456789') + rng.chars(rng.int(min, max) - 1, A.digits);

/** DER → PEM armour, 64 characters a line. */
function pem(label: string, der: Buffer): string {
  const body = der.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join('\n');
}

const hexBytes = (hex: string): Buffer => Buffer.from(hex.replace(/\s+/g, ''), 'hex');

/** SEC1 EC private key on P-256: version, 32-byte secret, curve OID, public point. */
const ecPrivateKey: Make = (rng) =>
  pem(['EC', 'PRIVATE', 'KEY'].join(' '), Buffer.concat([hexBytes('30770201010420'), rng.bytes(32), hexBytes('a00a06082a8648ce3d030107a144034200 04'), rng.bytes(64)]));

/** PKCS#8 EC private key on P-256 without the public point (a short, valid structure). */
const pkcs8EcPrivateKey: Make = (rng) =>
  pem(['PRIVATE', 'KEY'].join(' '), Buffer.concat([hexBytes('3041020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420'), rng.bytes(32)]));

/** PKCS#1 RSA private key: the DER header of a 2048-bit key, then random bytes of the right length. */
const rsaPrivateKey: Make = (rng) => pem(['RSA', 'PRIVATE', 'KEY'].join(' '), Buffer.concat([hexBytes('308204a40201000282010100'), rng.bytes(1180)]));

/** PKCS#8 RSA private key (`BEGIN PRIVATE KEY`), as Google service-account files carry. */
const pkcs8RsaPrivateKey: Make = (rng) =>
  pem(['PRIVATE', 'KEY'].join(' '), Buffer.concat([hexBytes('308204bd020100300d06092a864886f70d0101010500048204a7308204a30201000282010100'), rng.bytes(1179)]));

/** OpenSSH ed25519 private key (openssh-key-v1, unencrypted), wrapped at 70 characters. */
const opensshEd25519: Make = (rng) => {
  const u32 = (n: number): Buffer => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const str = (b: Buffer | string): Buffer => {
    const buf = typeof b === 'string' ? Buffer.from(b) : b;
    return Buffer.concat([u32(buf.length), buf]);
  };
  const seed = rng.bytes(32);
  const pub = rng.bytes(32);
  const pubBlob = Buffer.concat([str('ssh-ed25519'), str(pub)]);
  const check = rng.bytes(4);
  let priv = Buffer.concat([check, check, str('ssh-ed25519'), str(pub), str(Buffer.concat([seed, pub])), str('deploy@ci')]);
  for (let pad = 1; priv.length % 8 !== 0; pad++) priv = Buffer.concat([priv, Buffer.from([pad])]);
  const blob = Buffer.concat([Buffer.from('openssh-key-v1\0'), str('none'), str('none'), str(''), u32(1), str(pubBlob), str(priv)]);
  const body = blob.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 70) lines.push(body.slice(i, i + 70));
  const armour = (edge: string): string => `-----${edge} OPENSSH ${['PRIVATE', 'KEY'].join(' ')}-----`;
  return [armour('BEGIN'), ...lines, armour('END')].join('\n');
};

/** CRC-16/XMODEM, the checksum of NATS nkeys. */
function crc16(data: Buffer): number {
  let crc = 0;
  for (const byte of data) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

function base32NoPad(data: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of data) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += A.b32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += A.b32[(value << (5 - bits)) & 31];
  return out;
}

/** A NATS user nkey seed: prefix bytes for "seed" + "user", 32 random bytes, CRC-16 (little endian). */
const nkeySeed: Make = (rng) => {
  const seedPrefix = 18 << 3;
  const userPrefix = 20 << 3;
  const raw = Buffer.concat([Buffer.from([seedPrefix | (userPrefix >> 5), (userPrefix & 31) << 3]), rng.bytes(32)]);
  const crc = Buffer.alloc(2);
  crc.writeUInt16LE(crc16(raw));
  return base32NoPad(Buffer.concat([raw, crc]));
};

/** A Discord bot token: base64 of the bot's numeric id, a timestamp part, an HMAC part. */
const discordBot: Make = (rng) => {
  const id = `1${digits(17, 18)(rng)}`;
  return [Buffer.from(id).toString('base64').replace(/=+$/, ''), run(6, A.b64u)(rng), run(38, A.b64u)(rng)].join('.');
};

const awsKeyId: Make = (rng) => ['AK', 'IA'].join('') + run(16, A.b32)(rng);

const jwtToken = jwt((rng) => {
  const iat = rng.int(1_650_000_000, 1_700_000_000);
  return { sub: `usr_${run(12, A.b62)(rng)}`, iss: 'https://auth.northwind-goods.de', iat, exp: iat + rng.pick([900, 3600, 86_400]) };
}, 'HS256');

const FIXED: Readonly<Record<string, Make>> = {
  'aws-key-id': awsKeyId,
  'aws-secret': run(40, A.b64),
  'github-pat': crc62(['gh', 'p_'].join('')),
  'github-oauth': crc62(['gh', 'o_'].join('')),
  'github-fine-grained': githubFineGrained,
  'gitlab-pat': (rng) => ['gl', 'pat-'].join('') + run(20, `${A.b62}-_`)(rng),
  'gitlab-trigger': (rng) => ['gl', 'ptt-'].join('') + run(40, A.hex)(rng),
  'npm-token': crc62(['np', 'm_'].join('')),
  'slack-bot': (rng) => [['xo', 'xb'].join(''), digits(11, 12)(rng), digits(13, 13)(rng), run(24, A.b62)(rng)].join('-'),
  'slack-webhook': (rng) => `https://${['hooks.slack', '.com'].join('')}/services/T${run(10, A.ub36)(rng)}/B${run(10, A.ub36)(rng)}/${run(24, A.b62)(rng)}`,
  'discord-webhook': (rng) => `https://discord.com/api/${'webhooks'}/${digits(19, 19)(rng)}/${run(68, A.b64u)(rng)}`,
  'discord-bot': discordBot,
  'telegram-bot': (rng) => `${digits(10, 10)(rng)}:AA${run(33, A.b64u)(rng)}`,
  'stripe-live': (rng) => ['sk', 'live', run(99, A.b62)(rng)].join('_'),
  'stripe-restricted': (rng) => ['rk', 'live', run(99, A.b62)(rng)].join('_'),
  'stripe-webhook': (rng) => ['wh', 'sec_'].join('') + run(32, A.b62)(rng),
  sendgrid: (rng) => ['SG', run(22, A.b64u)(rng), run(43, A.b64u)(rng)].join('.'),
  mailgun: (rng) => ['key', run(32, A.hex)(rng)].join('-'),
  openai: (rng) => ['sk', '-', run(20, A.b62)(rng), 'T3Blbk', 'FJ', run(20, A.b62)(rng)].join(''),
  'hf-token': (rng) => ['hf', '_'].join('') + run(34, A.lower + A.upper)(rng),
  'pypi-token': (rng) => ['pypi', '-AgEIcHlwaS5vcmc'].join('') + run(160, A.b64u)(rng),
  'vault-token': (rng) => ['hv', 's.'].join('') + run(24, A.b62)(rng),
  atlassian: atlassian(['ATATT3', 'xFfGF0'].join('')),
  'google-api-key': (rng) => ['AI', 'za'].join('') + run(35, A.b64u)(rng),
  jwt: jwtToken,
  'nkey-seed': nkeySeed,
  'pem-rsa': rsaPrivateKey,
  'pem-pkcs8': pkcs8RsaPrivateKey,
  'pem-ec': ecPrivateKey,
  'pem-pkcs8-ec': pkcs8EcPrivateKey,
  'pem-openssh': opensshEd25519,
  'ghcr-dockerconfig': (rng) => {
    const token = crc62(['gh', 'p_'].join(''))(rng);
    const auth = Buffer.from(`northwind-ci:${token}`).toString('base64');
    return JSON.stringify({ auths: { 'ghcr.io': { username: 'northwind-ci', password: token, auth } } });
  },
};

/** `hex-N`, `b62-N`, `b32-N` (N characters); `b64-N`, `b64u-N` (base64 of N random bytes). */
function parametrised(kind: string): Make | undefined {
  const m = /^(hex|b62|b32|b64|b64u)-(\d{1,3})$/.exec(kind);
  if (!m) return undefined;
  const n = Number(m[2]);
  if (n < 1) return undefined;
  switch (m[1]) {
    case 'hex':
      return run(n, A.hex);
    case 'b62':
      return run(n, A.b62);
    case 'b32':
      return run(n, A.b32);
    case 'b64':
      return (rng) => rng.bytes(n).toString('base64');
    default:
      return (rng) => rng.bytes(n).toString('base64url');
  }
}

export function generatorFor(kind: string): Make | undefined {
  return FIXED[kind] ?? parametrised(kind);
}

export const SLOT = /\{\{gen:([a-z0-9-]+)(?::([A-Za-z0-9_.@-]+))?(?:#(\d+))?(?:\|([a-z0-9]+))?\}\}/g;

export class SlotError extends Error {}

export interface FilledSpan {
  /** The slot as written in the template. */
  slot: string;
  /** Where its value landed in the filled text: offsets, end exclusive. */
  start: number;
  end: number;
}

/** Fills the slots of a text. Throws SlotError on an unknown generator, modifier or line. */
export function fillSlots(text: string, seed: string, group: string): { text: string; spans: FilledSpan[] } {
  const spans: FilledSpan[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(SLOT)) {
    const [slot, kind, id, line, modifier] = m as unknown as [string, string, string | undefined, string | undefined, string | undefined];
    const value = applyModifier(slotValue(kind, id, line, seed, group), modifier);
    out += text.slice(last, m.index);
    spans.push({ slot, start: out.length, end: out.length + value.length });
    out += value;
    last = m.index + slot.length;
  }
  return { text: out + text.slice(last), spans };
}

function slotValue(kind: string, id: string | undefined, line: string | undefined, seed: string, group: string): string {
  const make = generatorFor(kind);
  if (!make) throw new SlotError(`unknown generator "${kind}"`);
  const name = id ?? 'default';
  const scope = name.startsWith('@') ? '*' : group;
  // The value's own seed: the same wherever the slot appears, whichever file asks first.
  const value = make(new Random(createHash('sha256').update(`${seed}|${scope}|${kind}|${name}`).digest('hex')));
  if (line === undefined) return value;
  const picked = value.split('\n')[Number(line)];
  if (picked === undefined) throw new SlotError(`"${kind}" has no line ${line}`);
  return picked;
}

function applyModifier(value: string, modifier: string | undefined): string {
  if (modifier === undefined) return value;
  if (modifier === 'b64') return Buffer.from(value).toString('base64');
  if (modifier === 'json') return JSON.stringify(value).slice(1, -1);
  const indent = /^indent(\d{1,2})$/.exec(modifier);
  if (indent) return value.split('\n').join(`\n${' '.repeat(Number(indent[1]))}`);
  throw new SlotError(`unknown modifier "${modifier}"`);
}
