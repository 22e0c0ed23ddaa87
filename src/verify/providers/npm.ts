/**
 * npm access tokens on the public registry (fact sheet §10). Verify with `GET /-/whoami`. Revoke by
 * listing the account's tokens with the token itself and deleting the one entry whose (truncated)
 * `token` field is a prefix of the leaked token: exactly one entry must match, else nothing is
 * deleted. Accounts that require a one-time password for writes cannot be revoked unattended.
 * Private registries are not contacted: their URL would have to come from configuration.
 */
import { identityOf, isRecord, text } from '../http.js';
import { eachItem, failure, probe, revokeCall } from '../probe.js';
import {
  dead,
  live,
  type Credential,
  type ProviderContext,
  type ProviderModule,
  type RevokeAttempt,
  type RevokeItem,
  type RevokePlan,
  type VerifyResult,
} from '../provider-module.js';

const REGISTRY = 'https://registry.npmjs.org';
/** A listed prefix shorter than this ("npm_") could match many tokens. */
const MIN_PREFIX = 6;

function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  return probe(context, { method: 'GET', url: context.http.url(REGISTRY, '/-/whoami'), headers: { Authorization: `Bearer ${credential.secret}` } }, (response) => {
    if (response.status === 401) return dead('npm: not authenticated (HTTP 401)');
    if (response.status !== 200) return undefined;
    const username = text(response.json, 'username');
    return username ? live(identityOf({ username })) : undefined;
  });
}

function planRevoke(): RevokePlan {
  return {
    kind: 'api',
    description: 'list the account’s tokens with the token itself, then DELETE /-/npm/v1/tokens/token/<key> for the one entry whose prefix matches (exactly one match, else nothing is deleted)',
  };
}

/** The listed prefix, without the ellipsis some registries add. */
function listedPrefix(entry: Record<string, unknown>): string | undefined {
  const token = entry.token;
  return typeof token === 'string' ? token.replace(/(?:…|\.\.\.)$/, '') : undefined;
}

async function revoke(items: readonly RevokeItem[], context: ProviderContext): Promise<RevokeAttempt[]> {
  return eachItem(items, async (item) => {
    const secret = item.credential.secret;
    const auth = { Authorization: `Bearer ${secret}` };
    const list = await context.http.request({ method: 'GET', url: context.http.url(REGISTRY, '/-/npm/v1/tokens?perPage=1000&page=0'), headers: auth });
    if (!list.ok) return { ok: false, detail: list.reason };
    if (list.response.status === 401 && /otp/i.test(list.response.headers.get('www-authenticate') ?? '')) {
      return { ok: false, detail: 'the account requires a one-time password: revoke the token at npmjs.com (Access Tokens)' };
    }
    if (list.response.status !== 200) return failure(list.response, 'cannot list tokens with this token');
    const objects = isRecord(list.response.json) ? list.response.json.objects : undefined;
    if (!Array.isArray(objects)) return { ok: false, detail: 'malformed token list' };
    const matches = objects.filter((entry): entry is Record<string, unknown> => {
      if (!isRecord(entry)) return false;
      const prefix = listedPrefix(entry);
      return prefix !== undefined && prefix.length >= MIN_PREFIX && secret.startsWith(prefix) && typeof entry.key === 'string';
    });
    if (matches.length !== 1) {
      return { ok: false, detail: `${matches.length === 0 ? 'no' : 'more than one'} listed token matches; nothing deleted` };
    }
    const key = (matches[0] as { key: string }).key;
    return revokeCall(context, { method: 'DELETE', url: context.http.url(REGISTRY, `/-/npm/v1/tokens/token/${encodeURIComponent(key)}`), headers: auth }, (response) => {
      if (response.status === 200 || response.status === 204) return { ok: true, detail: 'npm deleted the token' };
      if (response.status === 401 && /otp/i.test(response.headers.get('www-authenticate') ?? '')) {
        return { ok: false, detail: 'the account requires a one-time password: revoke the token at npmjs.com (Access Tokens)' };
      }
      return failure(response, 'npm did not delete the token');
    });
  });
}

export const npm: ProviderModule = { id: 'npm', name: 'npm', verify, planRevoke, revoke };
