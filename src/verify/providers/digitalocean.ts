/**
 * DigitalOcean tokens (fact sheet §20). Personal access and OAuth access tokens are checked with
 * `GET /v2/account` and revoke themselves with `POST cloud.digitalocean.com/v1/oauth/revoke`.
 * Refresh tokens (`dor_v1_`) are never sent: their only check is a refresh grant, which consumes and
 * rotates them.
 */
import { identityOf, text } from '../http.js';
import { eachItem, failure, probe, revokeCall } from '../probe.js';
import {
  dead,
  live,
  manual,
  unverifiable,
  type Credential,
  type ProviderContext,
  type ProviderModule,
  type RevokeAttempt,
  type RevokeItem,
  type RevokePlan,
  type VerifyResult,
} from '../provider-module.js';

const API = 'https://api.digitalocean.com';
const CLOUD = 'https://cloud.digitalocean.com';

const isRefreshToken = (secret: string): boolean => secret.startsWith('dor_');

function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  if (isRefreshToken(credential.secret)) {
    return Promise.resolve(unverifiable('DigitalOcean refresh tokens can only be checked by a refresh grant, which consumes and rotates them'));
  }
  return probe(context, { method: 'GET', url: context.http.url(API, '/v2/account'), headers: { Authorization: `Bearer ${credential.secret}` } }, (response) => {
    if (response.status === 401) return dead('DigitalOcean: unable to authenticate (HTTP 401)');
    if (response.status !== 200) return undefined;
    const uuid = text(response.json, 'account', 'uuid');
    if (!uuid) return undefined;
    return live(
      identityOf({
        email: text(response.json, 'account', 'email'),
        uuid,
        status: text(response.json, 'account', 'status'),
        team: text(response.json, 'account', 'team', 'name'),
      }),
    );
  });
}

function planRevoke(item: RevokeItem): RevokePlan {
  if (isRefreshToken(item.credential.secret)) {
    return manual('Revoke the app’s authorization under Settings → Applications & API → Authorized applications.', 'https://cloud.digitalocean.com/account/api/tokens');
  }
  return { kind: 'api', description: 'POST cloud.digitalocean.com/v1/oauth/revoke with the token (it revokes itself)' };
}

async function revoke(items: readonly RevokeItem[], context: ProviderContext): Promise<RevokeAttempt[]> {
  return eachItem(items, (item) =>
    revokeCall(
      context,
      {
        method: 'POST',
        url: context.http.url(CLOUD, '/v1/oauth/revoke'),
        headers: { Authorization: `Bearer ${item.credential.secret}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: item.credential.secret }).toString(),
      },
      (response) => {
        if (response.status === 200 || response.status === 204) return { ok: true, detail: 'DigitalOcean revoked the token' };
        if (response.status === 401) return { ok: true, detail: 'the token was already invalid (HTTP 401)' };
        return failure(response, 'DigitalOcean revocation failed');
      },
    ),
  );
}

export const digitalocean: ProviderModule = { id: 'digitalocean', name: 'DigitalOcean', verify, planRevoke, revoke };
