/**
 * Anthropic API keys (fact sheet §15). Verify with `GET /v1/models` (admin keys: `GET
 * /v1/organizations/api_keys`). A key cannot revoke itself: that needs a separate admin key.
 */
import { identityOf, text } from '../http.js';
import { probe } from '../probe.js';
import { dead, live, manual, type Credential, type ProviderContext, type ProviderModule, type RevokePlan, type VerifyResult } from '../provider-module.js';

const API = 'https://api.anthropic.com';

function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  const admin = credential.secret.startsWith('sk-ant-admin');
  return probe(
    context,
    {
      method: 'GET',
      url: context.http.url(API, admin ? '/v1/organizations/api_keys?limit=1' : '/v1/models?limit=1'),
      headers: { 'x-api-key': credential.secret, 'anthropic-version': '2023-06-01' },
    },
    (response) => {
      if (response.status === 401) return dead(`Anthropic: ${text(response.json, 'error', 'type') ?? 'authentication_error'} (HTTP 401)`);
      if (response.status === 403 && text(response.json, 'error', 'type') === 'permission_error') {
        return live(identityOf({ kind: admin ? 'admin key' : 'API key' }), 'valid, but not permitted to list models (HTTP 403)');
      }
      if (response.status === 200 && response.json !== undefined) return live(identityOf({ kind: admin ? 'admin key' : 'API key' }));
      return undefined;
    },
  );
}

function planRevoke(): RevokePlan {
  return manual(
    'Disable or delete the key in the Console (Settings → API keys), then issue a workspace-scoped key kept in a secrets manager.',
    'https://console.anthropic.com/settings/keys',
    'an Anthropic key cannot revoke itself (it needs a separate admin key)',
  );
}

export const anthropic: ProviderModule = { id: 'anthropic', name: 'Anthropic', verify, planRevoke };
