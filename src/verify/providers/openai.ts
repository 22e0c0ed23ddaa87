/**
 * OpenAI API keys (fact sheet §14). Verify with `GET /v1/models` (admin keys: `GET
 * /v1/organization/admin_api_keys`); a 429 `insufficient_quota` is a working key without credit.
 * Identity comes from `GET /v1/me` when the key may read it. Keys cannot revoke themselves.
 */
import { identityOf, isRecord, text, type HttpResponse } from '../http.js';
import { probe } from '../probe.js';
import { dead, live, manual, type Credential, type ProviderContext, type ProviderModule, type RevokePlan, type VerifyResult } from '../provider-module.js';

const API = 'https://api.openai.com';

const isQuotaError = (response: HttpResponse): boolean => response.status === 429 && text(response.json, 'error', 'code') === 'insufficient_quota';

async function identity(credential: Credential, context: ProviderContext): Promise<Record<string, string>> {
  const result = await context.http.request({ method: 'GET', url: context.http.url(API, '/v1/me'), headers: { Authorization: `Bearer ${credential.secret}` }, retryable: () => false });
  if (!result.ok || result.response.status !== 200) return {};
  const orgs = isRecord(result.response.json) ? (result.response.json.orgs as { data?: unknown } | undefined)?.data : undefined;
  const firstOrg = Array.isArray(orgs) && isRecord(orgs[0]) ? orgs[0] : undefined;
  return identityOf({
    user: text(result.response.json, 'id'),
    email: text(result.response.json, 'email'),
    name: text(result.response.json, 'name'),
    organization: text(firstOrg, 'title') ?? text(firstOrg, 'id'),
  });
}

async function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  const admin = credential.secret.startsWith('sk-admin-');
  const path = admin ? '/v1/organization/admin_api_keys?limit=1' : '/v1/models';
  const verdict = await probe(
    context,
    {
      method: 'GET',
      url: context.http.url(API, path),
      headers: { Authorization: `Bearer ${credential.secret}` },
      retryable: (response) => response.status >= 500 || (response.status === 429 && !isQuotaError(response)),
    },
    (response) => {
      if (response.status === 401) return dead(`OpenAI: ${text(response.json, 'error', 'code') ?? 'invalid_api_key'} (HTTP 401)`);
      if (isQuotaError(response)) return live(undefined, 'valid, but the account has no quota left (insufficient_quota)');
      if (response.status === 200 && isRecord(response.json)) return live(admin ? { kind: 'admin key' } : undefined);
      return undefined;
    },
  );
  if (verdict.status !== 'live' || admin) return verdict;
  const who = await identity(credential, context);
  return Object.keys(who).length > 0 ? { ...verdict, identity: { ...who, ...verdict.identity } } : verdict;
}

function planRevoke(): RevokePlan {
  return manual(
    'Delete the key in the project’s API keys page (an organisation owner can also do it with an admin key), then issue a project-scoped service-account key kept in a secrets manager.',
    'https://platform.openai.com/api-keys',
    'an OpenAI key cannot revoke itself (it needs a separate admin key)',
  );
}

export const openai: ProviderModule = { id: 'openai', name: 'OpenAI', verify, planRevoke };
