/** Postman API keys (fact sheet §25): `GET /me` with `X-Api-Key`. No API revokes a key. */
import { identityOf, text } from '../http.js';
import { probe } from '../probe.js';
import { dead, live, manual, type Credential, type ProviderContext, type ProviderModule, type RevokePlan, type VerifyResult } from '../provider-module.js';

const API = 'https://api.getpostman.com';

function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  return probe(context, { method: 'GET', url: context.http.url(API, '/me'), headers: { 'X-Api-Key': credential.secret } }, (response) => {
    if (response.status === 401) return dead('Postman: AuthenticationError (HTTP 401)');
    if (response.status !== 200 || !text(response.json, 'user', 'id')) return undefined;
    return live(
      identityOf({
        userId: text(response.json, 'user', 'id'),
        username: text(response.json, 'user', 'username'),
        email: text(response.json, 'user', 'email'),
        teamId: text(response.json, 'user', 'teamId'),
      }),
    );
  });
}

function planRevoke(): RevokePlan {
  return manual(
    'Delete the key under Settings → API keys, and give each integration its own key with an expiry.',
    'https://go.postman.co/settings/me/api-keys',
    'Postman has no API to revoke an API key',
  );
}

export const postman: ProviderModule = { id: 'postman', name: 'Postman', verify, planRevoke };
