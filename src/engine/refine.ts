/**
 * Refiners: structural decoders that read facts out of a secret offline (the AWS account behind a
 * key id, a JWT's expiry, a SAS token's `se=`, a PyPI macaroon's caveats). A refiner may also reject
 * a match whose structure is wrong (a "JWT" whose segments are not JSON), which removes look-alikes.
 *
 * This module is their interface and their registry: a rule names its refiner with
 * `refine: <name>`; each refiner lives in refine/, one file per format or family.
 */
import { awsAccessKeyId } from './refine/aws-key-id.js';
import { azureSas } from './refine/azure-sas.js';
import { basicAuth, basicCredentials } from './refine/basic-auth.js';
import { credentialFilePassword, credentialFileValue, winscpPassword } from './refine/credential-file.js';
import { discordBotToken } from './refine/discord.js';
import { jwkPrivateMember } from './refine/jwk.js';
import { jwtRule } from './refine/jwt.js';
import { nkeySeed } from './refine/nkey.js';
import { ntlmAuthenticate } from './refine/ntlm-authenticate.js';
import { ntlmResponse } from './refine/ntlm.js';
import { ciscoType7 } from './refine/cisco-type7.js';
import { otpSeed } from './refine/otp-seed.js';
import { proseSecret } from './refine/prose-secret.js';
import { paserkKey, pasetoToken } from './refine/paseto.js';
import { passwordHash } from './refine/password-hash.js';
import { privateKey } from './refine/private-key.js';
import { pypiMacaroon } from './refine/pypi.js';
import { ldifUserPassword } from './refine/ldif-password.js';
import { sqlStatementPassword } from './refine/sql-password.js';
import { comparedValue, givenName, keyedElementValue, referenceDefault } from './refine/named-elsewhere.js';
import { passwordLiteral } from './refine/password-literal.js';
import { prosePassword, statedPassword } from './refine/prose-password.js';
import { genericGeneratedValue, genericPasswordValue, genericSecretValue, urlPassword } from './refine/generic-value.js';
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
  /** The line before the secret's line, as far as it fits in the same bounded slice (may be cut at its start). */
  previous?: string;
  /** The path of the file being scanned, when known. */
  path?: string;
}

/** Returns a refinement, or `null` to reject the match as not really this format. */
export type Refiner = (secret: string, context: RefineContext) => Refinement | null;

export { genericPasswordValue, genericSecretValue };

const REFINERS = new Map<string, Refiner>([
  ['generic-secret-value', genericSecretValue],
  ['generic-password-value', genericPasswordValue],
  ['generic-generated-value', genericGeneratedValue],
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
  ['reference-default', referenceDefault],
  ['keyed-element-value', keyedElementValue],
  ['compared-value', comparedValue],
  ['given-name', givenName],
  ['password-literal', passwordLiteral],
  ['prose-password', prosePassword],
  ['stated-password', statedPassword],
  ['prose-secret', proseSecret],
  ['cisco-type7', ciscoType7],
]);

export function refiner(name: string): Refiner | undefined {
  return REFINERS.get(name);
}

export function refinerNames(): string[] {
  return [...REFINERS.keys()];
}
