/**
 * Shopify access tokens (fact sheet §19). A token only works on its own shop, `<shop>.myshopify.com`,
 * found near it (companions.ts); the token is sent only to a host that ends in `.myshopify.com`.
 * Verify with `GET /admin/oauth/access_scopes.json`. Revoking a token uninstalls its app from the
 * store (irreversible; webhooks and script tags go with it), so it needs `--shopify-uninstall`.
 */
import { identityOf, isRecord } from '../http.js';
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
  type RevokeOptions,
  type RevokePlan,
  type VerifyResult,
} from '../provider-module.js';

const SHOP_HOST = /^[a-z0-9][a-z0-9-]{0,60}\.myshopify\.com$/;

function shopOf(credential: Credential): string | undefined {
  const shop = credential.companions.shopifyDomain?.toLowerCase();
  return shop !== undefined && SHOP_HOST.test(shop) ? shop : undefined;
}

function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  if (credential.secret.startsWith('shpss_')) return Promise.resolve(unknown('an app shared secret signs requests; it is not an API token and is not checked'));
  const shop = shopOf(credential);
  if (!shop) return Promise.resolve(unknown('the shop (<shop>.myshopify.com) was not found near the token'));
  return probe(
    context,
    { method: 'GET', url: context.http.url(`https://${shop}`, '/admin/oauth/access_scopes.json'), headers: { 'X-Shopify-Access-Token': credential.secret } },
    (response) => {
      if (response.status === 401) return dead('Shopify: invalid API key or access token (HTTP 401)');
      if (response.status === 404) return unknown(`Shopify: no shop at ${shop} (HTTP 404)`);
      if (response.status !== 200 || !isRecord(response.json) || !Array.isArray(response.json.access_scopes)) return undefined;
      const scopes = response.json.access_scopes
        .map((s) => (isRecord(s) && typeof s.handle === 'string' ? s.handle : undefined))
        .filter((s): s is string => s !== undefined);
      return live(identityOf({ shop, scopes: scopes.join(',') }));
    },
  );
}

function planRevoke(item: RevokeItem, options: RevokeOptions): RevokePlan {
  const steps = 'In the shop admin, uninstall the app (Settings → Apps and sales channels) or, for a custom app, rotate its Admin API access token (Develop apps → the app → API credentials).';
  const url = 'https://admin.shopify.com/';
  if (!shopOf(item.credential)) return manual(steps, url, 'the shop was not found near the token');
  if (!options.shopifyUninstall) {
    return { kind: 'blocked', description: 'revoking a Shopify token uninstalls its app from the store (irreversible): pass --shopify-uninstall', steps, url };
  }
  return { kind: 'api', description: 'DELETE /admin/api_permissions/current.json on the shop (uninstalls the app and deletes its webhooks)' };
}

async function revoke(items: readonly RevokeItem[], context: ProviderContext, options: RevokeOptions): Promise<RevokeAttempt[]> {
  return eachItem(items, async (item) => {
    const shop = shopOf(item.credential);
    if (!shop || !options.shopifyUninstall) return { ok: false, detail: 'needs the shop and --shopify-uninstall' };
    return revokeCall(
      context,
      { method: 'DELETE', url: context.http.url(`https://${shop}`, '/admin/api_permissions/current.json'), headers: { 'X-Shopify-Access-Token': item.credential.secret } },
      (response) => {
        if (response.status === 200) return { ok: true, detail: 'Shopify uninstalled the app and revoked its token' };
        if (response.status === 401) return { ok: true, detail: 'the token was already invalid (HTTP 401)' };
        return failure(response, 'Shopify did not revoke the token');
      },
    );
  });
}

export const shopify: ProviderModule = { id: 'shopify', name: 'Shopify', companions: ['shopifyDomain'], verify, planRevoke, revoke };
