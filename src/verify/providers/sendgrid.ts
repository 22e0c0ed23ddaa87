/**
 * SendGrid API keys (fact sheet §12). Verify with `GET /v3/scopes` (403: a valid key lacking scope).
 * Revoke by listing the account's keys and deleting the one whose id equals the middle segment of
 * `SG.<id>.<secret>`; only an exact match is deleted, never "the first key in the list".
 */
import { identityOf, isRecord } from '../http.js';
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

const API = 'https://api.sendgrid.com';

function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  return probe(context, { method: 'GET', url: context.http.url(API, '/v3/scopes'), headers: { Authorization: `Bearer ${credential.secret}` } }, (response) => {
    if (response.status === 401) return dead('SendGrid: authorization required (HTTP 401)');
    if (response.status === 403) return live(undefined, 'valid, but may not list its scopes (HTTP 403)');
    if (response.status !== 200 || !isRecord(response.json) || !Array.isArray(response.json.scopes)) return undefined;
    const scopes = response.json.scopes.filter((s): s is string => typeof s === 'string');
    return live(identityOf({ scopes: `${scopes.length} scopes${scopes.includes('api_keys.delete') ? ' (can delete API keys)' : ''}` }));
  });
}

/** The key id is the middle segment of `SG.<id>.<secret>` (widely observed, not documented). */
function keyIdOf(secret: string): string | undefined {
  return /^SG\.([A-Za-z0-9_-]{16,32})\.[A-Za-z0-9_-]{16,64}$/.exec(secret)?.[1];
}

function planRevoke(item: RevokeItem): RevokePlan {
  const steps = 'Delete the key under Settings → API Keys, then create a replacement with only the scopes its service needs.';
  const url = 'https://app.sendgrid.com/settings/api_keys';
  if (!keyIdOf(item.credential.secret)) return { kind: 'manual', description: 'the key id cannot be read from this key', steps, url };
  return {
    kind: 'api',
    description: 'list the account’s API keys with the key itself, then DELETE /v3/api_keys/<id> for the one whose id equals the key’s id segment (exact match only; needs the api_keys scopes)',
  };
}

async function revoke(items: readonly RevokeItem[], context: ProviderContext): Promise<RevokeAttempt[]> {
  return eachItem(items, async (item) => {
    const keyId = keyIdOf(item.credential.secret);
    const auth = { Authorization: `Bearer ${item.credential.secret}` };
    const list = await context.http.request({ method: 'GET', url: context.http.url(API, '/v3/api_keys?limit=500'), headers: auth });
    if (!list.ok) return { ok: false, detail: list.reason };
    if (list.response.status !== 200) return failure(list.response, 'cannot list API keys with this key (it needs the api_keys scopes)');
    const result = isRecord(list.response.json) ? list.response.json.result : undefined;
    if (!Array.isArray(result)) return { ok: false, detail: 'malformed API key list' };
    const matches = result.filter((entry) => isRecord(entry) && entry.api_key_id === keyId);
    if (matches.length !== 1) {
      return { ok: false, detail: `${matches.length === 0 ? 'no' : 'more than one'} API key in the list has this key’s id; nothing deleted` };
    }
    return revokeCall(context, { method: 'DELETE', url: context.http.url(API, `/v3/api_keys/${encodeURIComponent(keyId as string)}`), headers: auth }, (response) => {
      if (response.status === 204 || response.status === 200) return { ok: true, detail: 'SendGrid deleted the API key' };
      return failure(response, 'SendGrid did not delete the key');
    });
  });
}

export const sendgrid: ProviderModule = { id: 'sendgrid', name: 'SendGrid', verify, planRevoke, revoke };
