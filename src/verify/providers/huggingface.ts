/**
 * Hugging Face user and organisation tokens (fact sheet §16). Verify with `GET /api/whoami-v2`,
 * which names the user, the token and its role. There is no public API to revoke a token.
 */
import { identityOf, text } from '../http.js';
import { probe } from '../probe.js';
import { dead, live, manual, type Credential, type ProviderContext, type ProviderModule, type RevokePlan, type VerifyResult } from '../provider-module.js';

const API = 'https://huggingface.co';

function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  return probe(context, { method: 'GET', url: context.http.url(API, '/api/whoami-v2'), headers: { Authorization: `Bearer ${credential.secret}` } }, (response) => {
    if (response.status === 401) return dead('Hugging Face: invalid token (HTTP 401)');
    if (response.status !== 200) return undefined;
    const name = text(response.json, 'name');
    if (!name) return undefined;
    return live(
      identityOf({
        name,
        type: text(response.json, 'type'),
        email: text(response.json, 'email'),
        tokenName: text(response.json, 'auth', 'accessToken', 'displayName'),
        role: text(response.json, 'auth', 'accessToken', 'role'),
        expires: text(response.json, 'auth', 'expiresAt'),
      }),
    );
  });
}

function planRevoke(): RevokePlan {
  return manual(
    'Invalidate or delete the token under Settings → Access Tokens, and replace it with a fine-grained token scoped to the repositories it needs.',
    'https://huggingface.co/settings/tokens',
    'Hugging Face has no public API to revoke a token',
  );
}

export const huggingface: ProviderModule = { id: 'huggingface', name: 'Hugging Face', verify, planRevoke };
