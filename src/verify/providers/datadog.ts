/**
 * Datadog API keys (fact sheet §23). `GET /api/v1/validate` with the key, on the account's site when
 * it is written near the key, else on each Datadog site in turn: a key is dead only when every site
 * rejects it. Application keys (40 characters) need their API key too and are not checked. Neither
 * can revoke itself.
 */
import { identityOf, pick } from '../http.js';
import { dead, live, manual, unknown, type Credential, type ProviderContext, type ProviderModule, type RevokePlan, type VerifyResult } from '../provider-module.js';

/** Every Datadog site's API host. */
export const DATADOG_SITES = [
  'api.datadoghq.com',
  'api.us3.datadoghq.com',
  'api.us5.datadoghq.com',
  'api.datadoghq.eu',
  'api.ap1.datadoghq.com',
  'api.ddog-gov.com',
];

async function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  if (!/^[a-z0-9]{32}$/.test(credential.secret)) return unknown('only 32-character API keys are checked (application keys need their API key)');
  const site = credential.companions.datadogSite;
  const sites = site && DATADOG_SITES.includes(site) ? [site] : DATADOG_SITES;
  const unclear: string[] = [];
  for (const host of sites) {
    const result = await context.http.request({
      method: 'GET',
      url: context.http.url(`https://${host}`, '/api/v1/validate'),
      headers: { 'DD-API-KEY': credential.secret, Accept: 'application/json' },
    });
    if (!result.ok) {
      unclear.push(`${host}: ${result.reason}`);
      continue;
    }
    const response = result.response;
    if (response.status === 200 && pick(response.json, 'valid') === true) return live(identityOf({ site: host.replace(/^api\./, '') }));
    if (response.status === 403 || response.status === 401) continue;
    unclear.push(`${host}: HTTP ${response.status}`);
  }
  if (unclear.length > 0) return unknown(`no Datadog site accepted the key, and some could not tell (${unclear.join('; ')})`);
  return dead(sites.length === 1 ? 'Datadog: forbidden (HTTP 403)' : 'every Datadog site rejected the key (HTTP 403)');
}

function planRevoke(): RevokePlan {
  return manual(
    'Revoke the key under Organization Settings → API Keys (and Application Keys), after creating a replacement for the services that need it.',
    'https://app.datadoghq.com/organization-settings/api-keys',
    'a Datadog API key cannot revoke itself (it needs an application key with api_keys_delete)',
  );
}

export const datadog: ProviderModule = { id: 'datadog', name: 'Datadog', companions: ['datadogSite'], verify, planRevoke };
