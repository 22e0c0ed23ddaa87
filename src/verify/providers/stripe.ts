/**
 * Stripe secret and restricted keys (fact sheet §9). Verify with `GET /v1/account`; a 403
 * `permission_error` is a restricted key that works but may not read the account. Stripe has no API
 * to roll or delete a key.
 */
import { identityOf, text } from '../http.js';
import { probe } from '../probe.js';
import { dead, live, manual, type Credential, type ProviderContext, type ProviderModule, type RevokePlan, type VerifyResult } from '../provider-module.js';

const API = 'https://api.stripe.com';

function mode(secret: string): string {
  return /^[sr]k_live_/.test(secret) ? 'live' : /^[sr]k_test_/.test(secret) ? 'test' : 'unknown';
}

function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  return probe(context, { method: 'GET', url: context.http.url(API, '/v1/account'), headers: { Authorization: `Bearer ${credential.secret}` } }, (response) => {
    if (response.status === 401) {
      return dead(text(response.json, 'error', 'code') === 'api_key_expired' ? 'Stripe: the key has expired' : 'Stripe: invalid API key (HTTP 401)');
    }
    if (response.status === 403 && text(response.json, 'error', 'type') === 'permission_error') {
      return live(identityOf({ mode: mode(credential.secret) }), 'a restricted key without permission to read the account (HTTP 403)');
    }
    if (response.status !== 200) return undefined;
    const account = text(response.json, 'id');
    if (!account) return undefined;
    return live(
      identityOf({
        account,
        mode: mode(credential.secret),
        email: text(response.json, 'email'),
        name: text(response.json, 'settings', 'dashboard', 'display_name') ?? text(response.json, 'business_profile', 'name'),
      }),
    );
  });
}

function planRevoke(): RevokePlan {
  return manual(
    'Roll the key in the Dashboard (Developers → API keys → ⋯ → Roll key), choosing an expiry for the old one only if a migration needs it; use restricted keys per service.',
    'https://dashboard.stripe.com/apikeys',
    'Stripe has no API to roll or delete a key',
  );
}

export const stripe: ProviderModule = { id: 'stripe', name: 'Stripe', verify, planRevoke };
