/**
 * Docker Hub access tokens (fact sheet §22). Verify by exchanging the token and its username (found
 * near it) for a session token at `POST /v2/auth/token`; the session token Docker returns is thrown
 * away unread. Whether a token may manage tokens is not established, so revocation is manual.
 */
import { identityOf, text } from '../http.js';
import { probe } from '../probe.js';
import { dead, live, manual, unknown, type Credential, type ProviderContext, type ProviderModule, type RevokePlan, type VerifyResult } from '../provider-module.js';

const API = 'https://hub.docker.com';

function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  const username = credential.companions.dockerUsername;
  if (!username) return Promise.resolve(unknown('the Docker Hub username that goes with the token was not found near it'));
  return probe(
    context,
    {
      method: 'POST',
      url: context.http.url(API, '/v2/auth/token'),
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ identifier: username, secret: credential.secret }),
    },
    (response) => {
      if (response.status === 401 || response.status === 403) return dead(`Docker Hub: ${text(response.json, 'detail') ?? text(response.json, 'message') ?? 'unauthorized'} (HTTP ${response.status})`);
      if (response.status !== 200) return undefined;
      // Never keep the minted session token: only whether there was one.
      if (text(response.json, 'login_2fa_token')) return live(identityOf({ username }), 'valid; the account asks for a second factor');
      if (text(response.json, 'access_token')) return live(identityOf({ username }));
      return undefined;
    },
  );
}

function planRevoke(): RevokePlan {
  return manual(
    'Delete the token under Account settings → Personal access tokens (organisation tokens: the organisation’s Access tokens page), and use short-lived registry credentials from CI where possible.',
    'https://app.docker.com/settings/personal-access-tokens',
    'whether a Docker Hub token may revoke itself is not established',
  );
}

export const dockerhub: ProviderModule = { id: 'dockerhub', name: 'Docker Hub', companions: ['dockerUsername'], verify, planRevoke };
