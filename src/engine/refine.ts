/**
 * Structural decoders that read facts out of a secret offline: the AWS account behind a key id,
 * a JWT's expiry, a SAS token's `se=`, a PyPI macaroon's caveats. A refiner may also reject a
 * match whose structure is wrong (a "JWT" whose segments are not JSON), which removes look-alikes.
 *
 * A rule names its refiner with `refine: <name>`.
 */
import { createHmac } from 'node:crypto';
import { base32Decode } from './checksums.js';
import { shannonEntropy } from './entropy.js';
import { isPlaceholder } from './placeholders.js';
import { keyBody, isSplitOverLiterals } from './refine/key-body.js';
import { credentialFilePassword, credentialFileValue, winscpPassword } from './refine/credential-file.js';
import { jwkPrivateMember } from './refine/jwk.js';
import { nkeySeed } from './refine/nkey.js';
import { ntlmResponse } from './refine/ntlm.js';
import { otpSeed } from './refine/otp-seed.js';
import { paserkKey, pasetoToken } from './refine/paseto.js';
import { passwordHash } from './refine/password-hash.js';
import { ldifUserPassword } from './refine/ldif-password.js';
import { sqlStatementPassword } from './refine/sql-password.js';
import { genericPasswordValue, genericSecretValue, notAPassword, urlPassword } from './refine/generic-value.js';
import type { Confidence, Lifetime } from '../rules/schema.js';

export interface Refinement {
  lifetime?: Lifetime;
  /** ISO-8601 expiry when the secret states one. */
  expiresAt?: string;
  /** True when the stated expiry is already in the past. */
  expired?: boolean;
  confidence?: Confidence;
  /** Non-secret facts decoded from the secret (account ids, key types, issuers). */
  facts?: Record<string, string>;
}

export interface RefineContext {
  /** Milliseconds since the epoch; passed in so the engine stays deterministic. */
  now: number;
  /** The secret's line before it and after it (each at most a few hundred characters). */
  before?: string;
  after?: string;
  /** The path of the file being scanned, when known. */
  path?: string;
}

/** Returns a refinement, or `null` to reject the match as not really this format. */
export type Refiner = (secret: string, context: RefineContext) => Refinement | null;

const HOUR = 3600;
const DAY = 24 * HOUR;

/** Lifetime class from a validity period in seconds. */
export function lifetimeFromValidity(seconds: number): Lifetime {
  if (seconds <= HOUR + 300) return 'ephemeral';
  if (seconds <= 31 * DAY) return 'short-lived';
  return 'expiring';
}

function expiryFacts(expSeconds: number, context: RefineContext, issuedSeconds?: number): Refinement {
  const expiresAt = new Date(expSeconds * 1000).toISOString();
  const expired = expSeconds * 1000 < context.now;
  const lifetime = issuedSeconds !== undefined ? lifetimeFromValidity(expSeconds - issuedSeconds) : 'expiring';
  return { lifetime, expiresAt, expired };
}

function decodeBase64Json(segment: string): unknown {
  try {
    const text = Buffer.from(segment, 'base64url').toString('utf8');
    if (!text.startsWith('{')) return undefined;
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** AWS access key ids: the prefix says the key kind, the body encodes the account id. */
export const awsAccessKeyId: Refiner = (secret) => {
  const prefix = secret.slice(0, 4);
  const facts: Record<string, string> = {};
  const account = decodeAwsAccountId(secret);
  if (account !== undefined) facts.awsAccount = account;
  switch (prefix) {
    case 'ASIA':
      return { lifetime: 'short-lived', facts: { ...facts, keyKind: 'sts-temporary' } };
    case 'ABIA':
      return { lifetime: 'short-lived', facts: { ...facts, keyKind: 'sts-service-bearer' } };
    case 'AKIA':
      return { lifetime: 'long-lived', facts: { ...facts, keyKind: 'iam-long-term' } };
    default:
      return { facts };
  }
};

/** Account id of an AWS key id (docs/credential-formats.md#checksums-and-structural-checks); undefined for old-style keys. */
export function decodeAwsAccountId(keyId: string): string | undefined {
  if (keyId.length !== 20) return undefined;
  const first = keyId[4];
  if (first === 'I' || first === 'J') return undefined;
  const bytes = base32Decode(keyId.slice(4));
  if (!bytes || bytes.length < 6) return undefined;
  let z = 0;
  for (let i = 0; i < 6; i++) z = z * 256 + (bytes[i] as number);
  const account = Math.floor((z % 2 ** 47) / 128);
  // Account ids are 12 digits; a larger value means the body is not a real key id.
  if (account >= 1e12) return undefined;
  return String(account).padStart(12, '0');
}

/** JWTs: both leading segments must be JSON objects; `exp`/`iat` give the lifetime. */
export const jwt: Refiner = (secret, context) => {
  const parts = secret.split('.');
  if (parts.length < 2) return null;
  const header = decodeBase64Json(parts[0] as string);
  const payload = decodeBase64Json(parts[1] as string);
  if (!isRecord(header) || !isRecord(payload)) return null;
  const facts: Record<string, string> = {};
  if (typeof header.alg === 'string') facts.alg = header.alg;
  if (typeof payload.iss === 'string') facts.issuer = payload.iss.slice(0, 200);
  const unsigned = typeof header.alg === 'string' && header.alg.toLowerCase() === 'none';
  // A signature that no key of the stated algorithm can produce was made by hand (a test fixture)
  // or cut short: either way the token is unlikely to authenticate anywhere.
  const handMade = !unsigned && typeof header.alg === 'string' && !signatureFits(header.alg, parts[2] ?? '');
  if (handMade) facts.signature = 'does not fit the algorithm';
  // Signed with a key printed in documentation (jwt.io's default, `secret`): anyone can mint it.
  else if (typeof header.alg === 'string' && signedWithPublishedKey(header.alg, parts)) facts.signature = 'made with a published example key';
  const confidence: Confidence | undefined = unsigned || handMade ? 'low' : undefined;
  if (typeof payload.exp === 'number' && Number.isFinite(payload.exp)) {
    const iat = typeof payload.iat === 'number' ? payload.iat : undefined;
    return { ...expiryFacts(payload.exp, context, iat), facts, confidence };
  }
  return { lifetime: 'long-lived', facts, confidence };
};

/** HMAC keys that documentation and tutorials sign their example tokens with. */
const PUBLISHED_HMAC_KEYS = ['secret', 'your-256-bit-secret', 'your-384-bit-secret', 'your-512-bit-secret', 'your-secret-key', 'secretkey', 'mysecret', 'my-secret', 'supersecret', 'password', 'key', 'shhhhh', 'changeme', 'test'];

function signedWithPublishedKey(alg: string, parts: readonly string[]): boolean {
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg];
  if (hash === undefined || parts.length !== 3) return false;
  const signingInput = `${parts[0]}.${parts[1]}`;
  return PUBLISHED_HMAC_KEYS.some((key) => createHmac(hash, key).update(signingInput).digest('base64url') === parts[2]);
}

/** Signature sizes in bytes per JWS algorithm (RFC 7518); RSA keys are at least 1024 bits. */
function signatureFits(alg: string, signature: string): boolean {
  const bytes = Math.floor((signature.length * 3) / 4);
  const exact: Record<string, number> = { HS256: 32, HS384: 48, HS512: 64, ES256: 64, ES384: 96, ES512: 132, EdDSA: 64, ES256K: 64 };
  const size = exact[alg];
  if (size !== undefined) return bytes === size;
  if (/^[RP]S(?:256|384|512)$/.test(alg)) return bytes >= 128 && bytes <= 1024;
  return true;
}

/** Azure SAS query strings: `se=` is the expiry. */
export const azureSas: Refiner = (secret, context) => {
  const se = /(?:^|[?&])se=([0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}(?::|%3A)[0-9]{2}(?:(?::|%3A)[0-9]{2})?Z?)?)/i.exec(secret);
  if (!se) return { lifetime: 'expiring' };
  const when = Date.parse(decodeURIComponent(se[1] as string));
  if (Number.isNaN(when)) return { lifetime: 'expiring' };
  return { ...expiryFacts(Math.floor(when / 1000), context), lifetime: 'expiring' };
};

/** Discord bot tokens: the first segment is the base64 of the bot's numeric user id. */
export const discordBotToken: Refiner = (secret) => {
  const first = secret.split('.')[0] ?? '';
  let decoded: string;
  try {
    decoded = Buffer.from(first, 'base64url').toString('latin1');
  } catch {
    return null;
  }
  if (!/^[0-9]{15,21}$/.test(decoded)) return null;
  return { facts: { botUserId: decoded } };
};

/**
 * PEM and OpenSSH private keys: an encrypted key needs its passphrase too, so it is less urgent.
 * The body must be base64; a header with prose between the markers is documentation.
 */
export const privateKey: Refiner = (secret) => {
  const header = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY(?: BLOCK)?-----/.exec(secret);
  const kind = (header?.[1] ?? '').trim() || 'PKCS8';
  // Also when the block is split over concatenated string literals in code (key-body.ts).
  const body = keyBody(secret);
  if (body.length < 64 || !/^[A-Za-z0-9+/=]+$/.test(body)) return null;
  const encrypted =
    kind === 'ENCRYPTED' || /Proc-Type: 4,ENCRYPTED/.test(secret) || isEncryptedOpenSsh(kind, body);
  const facts: Record<string, string> = { keyType: kind };
  if (encrypted) facts.encrypted = 'true';
  if (isSplitOverLiterals(secret)) facts.written = 'split over string literals';
  return { lifetime: 'long-lived', facts, confidence: encrypted ? 'medium' : 'high' };
};

function isEncryptedOpenSsh(kind: string, body: string): boolean {
  if (kind !== 'OPENSSH') return false;
  const head = Buffer.from(body.slice(0, 64), 'base64').toString('latin1');
  // openssh-key-v1\0, then a length-prefixed cipher name; "none" means unencrypted.
  if (!head.startsWith('openssh-key-v1\0')) return false;
  return !head.slice(15, 23).includes('none');
}

/** PyPI tokens are version-2 macaroons; caveats can restrict and expire them. */
export const pypiMacaroon: Refiner = (secret, context) => {
  let bytes: Buffer;
  try {
    bytes = Buffer.from(secret.replace(/^pypi-/, ''), 'base64url');
  } catch {
    return null;
  }
  if (bytes[0] !== 0x02) return null;
  const text = bytes.toString('latin1');
  const facts: Record<string, string> = {};
  // eslint-disable-next-line no-control-regex -- macaroon field tags are control bytes
  const location = /\x01\x08([a-z.]{8})/.exec(text);
  if (location) facts.registry = location[1] as string;
  const expiry = /\[0,\s*([0-9]{9,11}),\s*([0-9]{9,11})\]/.exec(text) ?? /"exp":\s*([0-9]{9,11})/.exec(text);
  if (expiry) {
    const exp = Number(expiry[1]);
    const nbf = expiry[2] !== undefined ? Number(expiry[2]) : undefined;
    return { ...expiryFacts(exp, context, nbf), facts };
  }
  return { lifetime: 'long-lived', facts };
};

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
const basicCredentials: Refiner = (secret, context) => {
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

/**
 * NTLM authenticate (type 3) messages: `NTLMSSP\0`, type 3, then security buffers (length,
 * allocated length, offset) for the LM and NT responses, domain, user and workstation. A message
 * whose NT response is empty or points outside it is not a captured login.
 */
export const ntlmAuthenticate: Refiner = (secret) => {
  const bytes = Buffer.from(secret, 'base64');
  if (bytes.length < 64 || bytes.toString('latin1', 0, 8) !== 'NTLMSSP\0' || bytes.readUInt32LE(8) !== 3) return null;
  const field = (at: number): { length: number; offset: number } => ({ length: bytes.readUInt16LE(at), offset: bytes.readUInt32LE(at + 4) });
  const nt = field(20);
  if (nt.length < 24 || nt.offset + nt.length > bytes.length) return null;
  const user = field(36);
  const domain = field(28);
  const text = (f: { length: number; offset: number }): string =>
    f.length > 0 && f.offset + f.length <= bytes.length ? bytes.toString('utf16le', f.offset, f.offset + f.length).replace(/[^\x20-\x7e]/g, '') : '';
  const facts: Record<string, string> = { response: nt.length === 24 ? 'NTLMv1' : 'NTLMv2' };
  const name = [text(domain), text(user)].filter(Boolean).join('\\');
  if (name !== '') facts.username = name.slice(0, 100);
  return { facts };
};

/**
 * The `jwt` refiner as rules use it: a token whose signature cannot come from its algorithm was
 * made by hand (test fixtures, documentation) or cut short, so it is not reported at all.
 */
const jwtRule: Refiner = (secret, context) => {
  const refined = jwt(secret, context);
  if (refined === null || refined.facts?.signature !== undefined) return null;
  return refined;
};

export { genericPasswordValue, genericSecretValue };

const REFINERS = new Map<string, Refiner>([
  ['generic-secret-value', genericSecretValue],
  ['generic-password-value', genericPasswordValue],
  ['basic-auth', basicAuth],
  ['basic-credentials', basicCredentials],
  ['ntlm-authenticate', ntlmAuthenticate],
  ['url-password', urlPassword],
  ['aws-access-key-id', awsAccessKeyId],
  ['jwt', jwtRule],
  ['azure-sas', azureSas],
  ['discord-bot-token', discordBotToken],
  ['private-key', privateKey],
  ['pypi-macaroon', pypiMacaroon],
  ['password-hash', passwordHash],
  ['credential-file-password', credentialFilePassword],
  ['credential-file-value', credentialFileValue],
  ['winscp-password', winscpPassword],
  ['nkey-seed', nkeySeed],
  ['otp-seed', otpSeed],
  ['jwk-private-member', jwkPrivateMember],
  ['ntlm-response', ntlmResponse],
  ['paseto-token', pasetoToken],
  ['paserk-key', paserkKey],
  ['sql-statement-password', sqlStatementPassword],
  ['ldif-user-password', ldifUserPassword],
]);

export function refiner(name: string): Refiner | undefined {
  return REFINERS.get(name);
}

export function refinerNames(): string[] {
  return [...REFINERS.keys()];
}
