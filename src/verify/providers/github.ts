/**
 * GitHub tokens (fact sheet §3). Verify with `GET /user` (installation tokens: `GET
 * /installation/repositories`); revoke with the public credential-revocation API, which takes no
 * authentication and up to 1000 tokens per call, or, for installation tokens, `DELETE
 * /installation/token` with the token itself.
 *
 * `ghr_` refresh tokens are never verified: the only check is a refresh grant, which consumes and
 * rotates the token.
 */
import { identityOf, text, type HttpResponse } from '../http.js';
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

const API = 'https://api.github.com';
const BATCH_LIMIT = 1000;
const HEADERS = { Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' };
/** Prefixes `/credentials/revoke` accepts. */
const REVOCABLE = ['ghp_', 'github_pat_', 'gho_', 'ghu_', 'ghr_'];

function tokenKind(secret: string): 'refresh' | 'installation' | 'user' | 'legacy' {
  if (secret.startsWith('ghr_')) return 'refresh';
  if (secret.startsWith('ghs_')) return 'installation';
  if (REVOCABLE.some((p) => secret.startsWith(p))) return 'user';
  return 'legacy';
}

/** A 403 from GitHub: SSO enforcement and integration limits mean the token works; a spent rate limit does not tell. */
function classifyForbidden(response: HttpResponse): VerifyResult {
  if (response.headers.get('x-ratelimit-remaining') === '0') return unknown('GitHub rate limit reached (HTTP 403)');
  if (response.headers.get('x-github-sso') !== null) {
    return live({ sso: 'required by an organisation; the token is valid but not authorised for it' }, 'valid; SAML SSO authorisation pending (HTTP 403)');
  }
  const message = text(response.json, 'message') ?? '';
  if (/resource not accessible by integration/i.test(message)) return live(undefined, 'valid, but not allowed to read this resource (HTTP 403)');
  if (/rate limit/i.test(message)) return unknown('GitHub secondary rate limit (HTTP 403)');
  return unknown(`HTTP 403 from GitHub${message ? `: ${message}` : ''}`);
}

async function verifyUserToken(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  return probe(
    context,
    { method: 'GET', url: context.http.url(API, '/user'), headers: { ...HEADERS, Authorization: `token ${credential.secret}` } },
    (response) => {
      if (response.status === 401) return dead('GitHub: bad credentials (HTTP 401)');
      if (response.status === 403) return classifyForbidden(response);
      if (response.status !== 200) return undefined;
      const login = text(response.json, 'login');
      const id = text(response.json, 'id');
      if (login === undefined || id === undefined) return undefined;
      return live(
        identityOf({
          login,
          id,
          type: text(response.json, 'type'),
          name: text(response.json, 'name'),
          scopes: response.headers.get('x-oauth-scopes') ?? undefined,
          expires: response.headers.get('github-authentication-token-expiration') ?? undefined,
        }),
      );
    },
  );
}

async function verifyInstallationToken(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  return probe(
    context,
    {
      method: 'GET',
      url: context.http.url(API, '/installation/repositories?per_page=1'),
      headers: { ...HEADERS, Authorization: `token ${credential.secret}` },
    },
    (response) => {
      if (response.status === 401) return dead('GitHub: bad credentials (HTTP 401)');
      if (response.status === 403) return classifyForbidden(response);
      if (response.status !== 200) return undefined;
      const count = text(response.json, 'total_count');
      if (count === undefined) return undefined;
      return live(identityOf({ kind: 'app installation token', repositories: count }));
    },
  );
}

async function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  switch (tokenKind(credential.secret)) {
    case 'refresh':
      return unverifiable('GitHub refresh tokens can only be checked by a refresh grant, which consumes and rotates them');
    case 'installation':
      return verifyInstallationToken(credential, context);
    default:
      return verifyUserToken(credential, context);
  }
}

function planRevoke(item: RevokeItem): RevokePlan {
  switch (tokenKind(item.credential.secret)) {
    case 'installation':
      return { kind: 'api', description: 'DELETE /installation/token with the token itself (it revokes itself)' };
    case 'legacy':
      return manual(
        'Delete the token under Settings → Developer settings → Personal access tokens (tokens (classic)).',
        'https://github.com/settings/tokens',
        'GitHub’s revocation API does not accept tokens without a prefix',
      );
    default:
      return {
        kind: 'api',
        description: 'POST /credentials/revoke (GitHub’s public revocation API, batches of up to 1000, no authentication; the owner is notified)',
      };
  }
}

async function revoke(items: readonly RevokeItem[], context: ProviderContext): Promise<RevokeAttempt[]> {
  const attempts: RevokeAttempt[] = new Array<RevokeAttempt>(items.length);
  const batchable: number[] = [];
  const installation: number[] = [];
  items.forEach((item, index) => {
    const kind = tokenKind(item.credential.secret);
    if (kind === 'installation') installation.push(index);
    else if (kind === 'legacy') attempts[index] = { ok: false, detail: 'no revocation API for tokens without a prefix' };
    else batchable.push(index);
  });

  for (let start = 0; start < batchable.length; start += BATCH_LIMIT) {
    const batch = batchable.slice(start, start + BATCH_LIMIT);
    // No Authorization header: an authenticated request to this endpoint is refused (HTTP 403).
    const attempt = await revokeCall(
      context,
      {
        method: 'POST',
        url: context.http.url(API, '/credentials/revoke'),
        headers: { ...HEADERS, 'Content-Type': 'application/json' },
        body: JSON.stringify({ credentials: batch.map((i) => (items[i] as RevokeItem).credential.secret) }),
      },
      (response) => {
        if (response.status === 202 || response.status === 200 || response.status === 204) {
          return { ok: true, detail: `GitHub accepted the revocation request (HTTP ${response.status}, batch of ${batch.length})` };
        }
        if (response.status === 422) return failure(response, 'GitHub refused the batch: validation failed or spam protection tripped');
        if (response.status === 403) return failure(response, 'GitHub refused the batch as authenticated');
        return failure(response, 'GitHub revocation failed');
      },
    );
    for (const i of batch) attempts[i] = attempt;
  }

  const deleted = await eachItem(
    installation.map((i) => items[i] as RevokeItem),
    (item) =>
      revokeCall(
        context,
        { method: 'DELETE', url: context.http.url(API, '/installation/token'), headers: { ...HEADERS, Authorization: `token ${item.credential.secret}` } },
        (response) => {
          if (response.status === 204) return { ok: true, detail: 'the installation token revoked itself (HTTP 204)' };
          if (response.status === 401) return { ok: true, detail: 'the token was already invalid (HTTP 401)' };
          return failure(response, 'DELETE /installation/token failed');
        },
      ),
  );
  installation.forEach((i, n) => (attempts[i] = deleted[n] as RevokeAttempt));
  return attempts;
}

export const github: ProviderModule = { id: 'github', name: 'GitHub', verify, planRevoke, revoke };
