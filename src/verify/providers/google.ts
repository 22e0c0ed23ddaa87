/**
 * Google credentials (fact sheet §7).
 *
 * - API keys (`AIza…`): `GET generativelanguage.googleapis.com/v1/models` with the key in a header
 *   (not the query string, which ends up in logs). A 403 means the key exists but may not call that
 *   API. Keys carry no identity and cannot delete themselves.
 * - Service-account keys: the public x509 metadata of the account lists the ids of its live keys.
 *   This check sends no secret at all: it needs only `client_email` and `private_key_id`, which sit
 *   next to the private key in the key file. The JWT-bearer grant (which mints a token) is not used.
 * - OAuth tokens: access tokens (`ya29.`) are checked with the tokeninfo endpoint; refresh tokens
 *   (`1//`) would need the client's id and secret and a refresh grant, so they are unverifiable. Both
 *   revoke themselves with `oauth2.googleapis.com/revoke`.
 */
import { identityOf, isRecord, text, type HttpResponse } from '../http.js';
import { eachItem, failure, probe, revokeCall } from '../probe.js';
import {
  dead,
  live,
  manual,
  unknown,
  unverifiable,
  type Credential,
  type ProviderContext,
  type ProviderModule,
  type RevokeAttempt,
  type RevokeItem,
  type RevokePlan,
  type VerifyResult,
} from '../provider-module.js';

const GENERATIVE_LANGUAGE = 'https://generativelanguage.googleapis.com';
const METADATA = 'https://www.googleapis.com';
const OAUTH = 'https://oauth2.googleapis.com';

type Kind = 'api-key' | 'service-account' | 'access-token' | 'refresh-token' | 'other';

function kindOf(secret: string): Kind {
  if (/^AIza[A-Za-z0-9_-]{35}$/.test(secret)) return 'api-key';
  if (secret.startsWith('ya29.')) return 'access-token';
  if (secret.startsWith('1//')) return 'refresh-token';
  if (secret.includes('PRIVATE KEY') || secret.includes('"service_account"')) return 'service-account';
  return 'other';
}

/** Google's error `reason`s, from `error.details[].reason` or `error.errors[].reason`. */
function reasons(response: HttpResponse): string[] {
  const error = isRecord(response.json) ? response.json.error : undefined;
  if (!isRecord(error)) return [];
  const out: string[] = [];
  for (const listKey of ['details', 'errors']) {
    const list = error[listKey];
    if (Array.isArray(list)) for (const item of list) if (isRecord(item) && typeof item.reason === 'string') out.push(item.reason);
  }
  if (typeof error.status === 'string') out.push(error.status);
  return out;
}

async function verifyApiKey(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  return probe(
    context,
    { method: 'GET', url: context.http.url(GENERATIVE_LANGUAGE, '/v1/models?pageSize=1'), headers: { 'X-goog-api-key': credential.secret } },
    (response) => {
      const why = reasons(response);
      if (response.status === 200 && isRecord(response.json)) return live(identityOf({ checkedWith: 'Generative Language API' }));
      if (response.status === 400 && why.includes('API_KEY_INVALID')) return dead('Google: API_KEY_INVALID');
      if (response.status === 403) {
        return live(undefined, `the key exists but may not call the Generative Language API (${why.find((r) => r !== 'PERMISSION_DENIED') ?? 'PERMISSION_DENIED'})`);
      }
      if (response.status === 400) return unknown(`Google answered HTTP 400 ${why.join(', ')}`.trim());
      return undefined;
    },
  );
}

/** `client_email` and `private_key_id`: from the secret when it is the whole key file, else from nearby text. */
function serviceAccountIds(credential: Credential): { email?: string; keyId?: string } {
  const email = /"client_email"\s*:\s*"([^"\s]{3,320})"/.exec(credential.secret)?.[1] ?? credential.companions.googleClientEmail;
  const keyId = /"private_key_id"\s*:\s*"([0-9a-f]{40})"/.exec(credential.secret)?.[1] ?? credential.companions.googlePrivateKeyId;
  return { email, keyId };
}

async function verifyServiceAccount(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  const { email, keyId } = serviceAccountIds(credential);
  if (!email || !/^[^@\s/]+@[a-z0-9.-]+\.gserviceaccount\.com$/.test(email)) {
    return unknown('the service account email (client_email) was not found next to the key');
  }
  if (!keyId) return unknown('the key id (private_key_id) was not found next to the key');
  const identity = identityOf({ serviceAccount: email, project: /@([^.]+)\./.exec(email)?.[1], keyId });
  return probe(context, { method: 'GET', url: context.http.url(METADATA, `/robot/v1/metadata/x509/${encodeURIComponent(email)}`) }, (response) => {
    if (response.status === 404) return dead('Google: the service account does not exist');
    if (response.status !== 200 || !isRecord(response.json)) return undefined;
    if (Object.prototype.hasOwnProperty.call(response.json, keyId)) {
      return live(identity, 'the key is among the service account’s public keys (a disabled key is listed too)');
    }
    return dead('the key is no longer among the service account’s public keys (deleted)');
  });
}

async function verifyAccessToken(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  return probe(
    context,
    {
      method: 'POST',
      url: context.http.url(OAUTH, '/tokeninfo'),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ access_token: credential.secret }).toString(),
    },
    (response) => {
      if (response.status === 400 || response.status === 401) return dead(`Google: ${text(response.json, 'error_description') ?? text(response.json, 'error') ?? 'invalid token'}`);
      if (response.status !== 200 || !isRecord(response.json)) return undefined;
      const expiresIn = text(response.json, 'expires_in');
      return live(
        identityOf({
          email: text(response.json, 'email'),
          clientId: text(response.json, 'azp') ?? text(response.json, 'aud'),
          scopes: text(response.json, 'scope'),
          expires: expiresIn && /^[0-9]+$/.test(expiresIn) ? new Date(context.now().getTime() + Number(expiresIn) * 1000).toISOString() : undefined,
        }),
      );
    },
  );
}

function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  switch (kindOf(credential.secret)) {
    case 'api-key':
      return verifyApiKey(credential, context);
    case 'service-account':
      return verifyServiceAccount(credential, context);
    case 'access-token':
      return verifyAccessToken(credential, context);
    case 'refresh-token':
      return Promise.resolve(unverifiable('Google refresh tokens can only be checked with a refresh grant, which needs the OAuth client’s id and secret'));
    default:
      return Promise.resolve(unknown('not a Google credential sprawlguard can check'));
  }
}

function planRevoke(item: RevokeItem): RevokePlan {
  switch (kindOf(item.credential.secret)) {
    case 'access-token':
    case 'refresh-token':
      return { kind: 'api', description: 'POST oauth2.googleapis.com/revoke with the token (no authentication; it revokes itself and its grant)' };
    case 'service-account':
      return manual(
        'Delete the key: IAM & Admin → Service accounts → the account → Keys → delete the key with this id (or `gcloud iam service-accounts keys delete <id> --iam-account <email>`). Prefer workload identity federation over key files.',
        'https://console.cloud.google.com/iam-admin/serviceaccounts',
        'a service account key can delete itself only if the account may manage its own keys, which it usually may not',
      );
    default:
      return manual(
        'Delete or regenerate the key: APIs & Services → Credentials → the key → Delete (or Regenerate key), after restricting a replacement to the APIs and callers that need it.',
        'https://console.cloud.google.com/apis/credentials',
        'an API key cannot delete itself',
      );
  }
}

async function revoke(items: readonly RevokeItem[], context: ProviderContext): Promise<RevokeAttempt[]> {
  return eachItem(items, (item) =>
    revokeCall(
      context,
      {
        method: 'POST',
        url: context.http.url(OAUTH, '/revoke'),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: item.credential.secret }).toString(),
      },
      (response) => {
        if (response.status === 200) return { ok: true, detail: 'Google revoked the token' };
        if (response.status === 400 && text(response.json, 'error') === 'invalid_token') return { ok: true, detail: 'the token was already invalid (invalid_token)' };
        return failure(response, 'Google revocation failed');
      },
    ),
  );
}

export const google: ProviderModule = {
  id: 'google',
  name: 'Google',
  companions: ['googleClientEmail', 'googlePrivateKeyId'],
  verify,
  planRevoke,
  revoke,
};
