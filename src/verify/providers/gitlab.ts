/**
 * GitLab tokens on gitlab.com (fact sheet §4). Personal, project and group access tokens (`glpat-`)
 * are checked with `GET /api/v4/personal_access_tokens/self` and revoke themselves with `DELETE` on
 * the same path; runner tokens (`glrt-`) with `POST /api/v4/runners/verify`; CI job tokens
 * (`glcbt-`) with `GET /api/v4/job`. Other GitLab token kinds have no read-only check.
 * Self-managed instances are not contacted: their host would have to come from configuration.
 */
import { identityOf, text, unexpected, type HttpResponse } from '../http.js';
import { eachItem, failure, probe, revokeCall } from '../probe.js';
import {
  dead,
  live,
  manual,
  unknown,
  type Credential,
  type ProviderContext,
  type ProviderModule,
  type RevokeAttempt,
  type RevokeItem,
  type RevokePlan,
  type VerifyResult,
} from '../provider-module.js';

const BASE = 'https://gitlab.com';

async function username(credential: Credential, context: ProviderContext): Promise<string | undefined> {
  const result = await context.http.request({
    method: 'GET',
    url: context.http.url(BASE, '/api/v4/user'),
    headers: { 'PRIVATE-TOKEN': credential.secret },
  });
  return result.ok && result.response.status === 200 ? text(result.response.json, 'username') : undefined;
}

function classifySelf(response: HttpResponse): VerifyResult | undefined {
  if (response.status === 401) return dead('GitLab: 401 Unauthorized (revoked, expired or never valid)');
  if (response.status !== 200) return undefined;
  const id = text(response.json, 'id');
  if (id === undefined) return undefined;
  if (text(response.json, 'revoked') === 'true' || text(response.json, 'active') === 'false') {
    return dead('GitLab reports the token as revoked or inactive');
  }
  const scopes = (response.json as { scopes?: unknown }).scopes;
  return live(
    identityOf({
      tokenName: text(response.json, 'name'),
      tokenId: id,
      userId: text(response.json, 'user_id'),
      scopes: Array.isArray(scopes) ? scopes.filter((s) => typeof s === 'string').join(',') : undefined,
      expires: text(response.json, 'expires_at'),
    }),
  );
}

async function verifyAccessToken(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  const headers = { 'PRIVATE-TOKEN': credential.secret };
  const result = await context.http.request({ method: 'GET', url: context.http.url(BASE, '/api/v4/personal_access_tokens/self'), headers });
  if (!result.ok) return unknown(result.reason);
  if (result.response.status === 403) {
    // Some tokens may not read themselves; GET /user answers 403 for a valid token lacking scope.
    return probe(context, { method: 'GET', url: context.http.url(BASE, '/api/v4/user'), headers }, (response) => {
      if (response.status === 401) return dead('GitLab: 401 Unauthorized');
      if (response.status === 403) return live(undefined, 'valid, but lacks the scope to read its user (HTTP 403)');
      if (response.status === 200) return live(identityOf({ username: text(response.json, 'username'), userId: text(response.json, 'id') }));
      return undefined;
    });
  }
  const verdict = classifySelf(result.response) ?? unknown(unexpected(result.response));
  if (verdict.status !== 'live') return verdict;
  const login = await username(credential, context);
  return login ? { ...verdict, identity: { username: login, ...verdict.identity } } : verdict;
}

async function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  const secret = credential.secret;
  if (secret.startsWith('glpat-')) return verifyAccessToken(credential, context);
  if (secret.startsWith('glrt-')) {
    return probe(
      context,
      {
        method: 'POST',
        url: context.http.url(BASE, '/api/v4/runners/verify'),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: secret }).toString(),
      },
      (response) => {
        if (response.status === 200) return live(identityOf({ kind: 'runner', runnerId: text(response.json, 'id'), expires: text(response.json, 'token_expires_at') }));
        if (response.status === 403) return dead('GitLab: runner token not valid (HTTP 403)');
        return undefined;
      },
    );
  }
  if (secret.startsWith('glcbt-')) {
    return probe(context, { method: 'GET', url: context.http.url(BASE, '/api/v4/job'), headers: { 'JOB-TOKEN': secret } }, (response) => {
      if (response.status === 200) return live(identityOf({ kind: 'CI job token', jobId: text(response.json, 'id'), project: text(response.json, 'pipeline', 'project_id') }));
      if (response.status === 401) return dead('GitLab: the job has finished or the token is not valid (HTTP 401)');
      return undefined;
    });
  }
  const prefix = /^[a-zA-Z]+-/.exec(secret)?.[0] ?? 'this';
  return unknown(`GitLab has no read-only check for ${prefix} tokens`);
}

function planRevoke(item: RevokeItem): RevokePlan {
  if (item.credential.secret.startsWith('glpat-')) {
    return { kind: 'api', description: 'DELETE /api/v4/personal_access_tokens/self with the token (it revokes itself)' };
  }
  return manual(
    'Revoke the token where it was created (user, project or group Settings → Access tokens; CI/CD → Runners for runner tokens).',
    'https://gitlab.com/-/user_settings/personal_access_tokens',
    'only access tokens (glpat-) can revoke themselves',
  );
}

async function revoke(items: readonly RevokeItem[], context: ProviderContext): Promise<RevokeAttempt[]> {
  return eachItem(items, (item) =>
    revokeCall(
      context,
      { method: 'DELETE', url: context.http.url(BASE, '/api/v4/personal_access_tokens/self'), headers: { 'PRIVATE-TOKEN': item.credential.secret } },
      (response) => {
        if (response.status === 204) return { ok: true, detail: 'the token revoked itself (HTTP 204)' };
        if (response.status === 401) return { ok: true, detail: 'the token was already invalid (HTTP 401)' };
        if (response.status === 400) return failure(response, 'GitLab did not revoke the token');
        return failure(response, 'GitLab revocation failed');
      },
    ),
  );
}

export const gitlab: ProviderModule = { id: 'gitlab', name: 'GitLab', verify, planRevoke, revoke };
