/**
 * Atlassian Cloud tokens (fact sheet §24). A user API token works with its account's email on its
 * site, both found near it (companions.ts); the token is sent only to a host ending in
 * `.atlassian.net`. Verify with `GET /rest/api/3/myself`. Organisation admin keys (`ATCTT3`) are
 * checked with `GET api.atlassian.com/admin/v1/orgs`. Cloud tokens cannot revoke themselves.
 */
import { basicAuth, identityOf, isRecord, text } from '../http.js';
import { probe } from '../probe.js';
import { dead, live, manual, unknown, type Credential, type ProviderContext, type ProviderModule, type RevokePlan, type VerifyResult } from '../provider-module.js';

const ADMIN_API = 'https://api.atlassian.com';
const SITE_HOST = /^[a-z0-9][a-z0-9-]{0,62}\.atlassian\.net$/;
const EMAIL = /^[^@\s:]{1,64}@[A-Za-z0-9.-]{1,253}$/;

function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  if (credential.secret.startsWith('ATCTT3')) {
    return probe(context, { method: 'GET', url: context.http.url(ADMIN_API, '/admin/v1/orgs'), headers: { Authorization: `Bearer ${credential.secret}` } }, (response) => {
      if (response.status === 401) return dead('Atlassian: unauthorized (HTTP 401)');
      if (response.status !== 200 || !isRecord(response.json)) return undefined;
      const data = response.json.data;
      const first = Array.isArray(data) && isRecord(data[0]) ? data[0] : undefined;
      return live(identityOf({ kind: 'organization admin key', organization: text(first, 'attributes', 'name') ?? text(first, 'id') }));
    });
  }
  const site = credential.companions.atlassianSite?.toLowerCase();
  const email = credential.companions.atlassianEmail;
  if (!site || !SITE_HOST.test(site)) return Promise.resolve(unknown('the site (<site>.atlassian.net) was not found near the token'));
  if (!email || !EMAIL.test(email)) return Promise.resolve(unknown('the account email that goes with the token was not found near it'));
  return probe(
    context,
    { method: 'GET', url: context.http.url(`https://${site}`, '/rest/api/3/myself'), headers: { Authorization: basicAuth(email, credential.secret), Accept: 'application/json' } },
    (response) => {
      if (response.status === 401) return dead('Atlassian: unauthorized (HTTP 401)');
      if (response.status !== 200) return undefined;
      const accountId = text(response.json, 'accountId');
      if (!accountId) return undefined;
      return live(identityOf({ site, accountId, name: text(response.json, 'displayName'), email: text(response.json, 'emailAddress') ?? email }));
    },
  );
}

function planRevoke(): RevokePlan {
  return manual(
    'The account owner revokes the token at id.atlassian.com → Security → API tokens (an organisation admin can revoke managed users’ tokens in Atlassian Administration). Use tokens with an expiry and the fewest scopes.',
    'https://id.atlassian.com/manage-profile/security/api-tokens',
    'Atlassian Cloud tokens cannot revoke themselves',
  );
}

export const atlassian: ProviderModule = { id: 'atlassian', name: 'Atlassian', companions: ['atlassianEmail', 'atlassianSite'], verify, planRevoke };
