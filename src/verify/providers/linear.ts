/**
 * Linear personal API keys (fact sheet §26): a GraphQL `viewer` query, with the key as the whole
 * `Authorization` header (no `Bearer`). `data.viewer` present means live; an authentication error
 * means dead. No API revokes a key.
 */
import { identityOf, isRecord, pick, text } from '../http.js';
import { probe } from '../probe.js';
import { dead, live, manual, type Credential, type ProviderContext, type ProviderModule, type RevokePlan, type VerifyResult } from '../provider-module.js';

const API = 'https://api.linear.app';

function isAuthError(json: unknown): boolean {
  const errors = pick(json, 'errors');
  return Array.isArray(errors) && errors.some((e) => isRecord(e) && (text(e, 'extensions', 'code') === 'AUTHENTICATION_ERROR' || /authenticat/i.test(text(e, 'message') ?? '')));
}

function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  return probe(
    context,
    {
      method: 'POST',
      url: context.http.url(API, '/graphql'),
      headers: { Authorization: credential.secret, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { id name email } }' }),
    },
    (response) => {
      const viewer = pick(response.json, 'data', 'viewer');
      if (response.status === 200 && isRecord(viewer)) {
        return live(identityOf({ id: text(viewer, 'id'), name: text(viewer, 'name'), email: text(viewer, 'email') }));
      }
      if (response.status === 401 || ((response.status === 400 || response.status === 200) && isAuthError(response.json))) {
        return dead('Linear: authentication error');
      }
      return undefined;
    },
  );
}

function planRevoke(): RevokePlan {
  return manual('Revoke the key under Settings → Account → Security & access → Personal API keys.', 'https://linear.app/settings/account/security', 'Linear documents no API to revoke a key');
}

export const linear: ProviderModule = { id: 'linear', name: 'Linear', verify, planRevoke };
