/**
 * Mailgun private API keys (fact sheet §18). `GET /v3/domains` with Basic `api:<key>`, on the US
 * host and then the EU host; a key is dead only when both refuse it. Whether a key can delete itself
 * is not established, so revocation is manual.
 */
import { basicAuth, identityOf, text } from '../http.js';
import { dead, live, manual, unknown, type Credential, type ProviderContext, type ProviderModule, type RevokePlan, type VerifyResult } from '../provider-module.js';

const REGIONS: readonly [string, string][] = [
  ['US', 'https://api.mailgun.net'],
  ['EU', 'https://api.eu.mailgun.net'],
];

async function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  if (credential.secret.startsWith('pubkey-')) return unknown('public validation keys are not secret API keys; not checked');
  const unclear: string[] = [];
  for (const [region, origin] of REGIONS) {
    const result = await context.http.request({
      method: 'GET',
      url: context.http.url(origin, '/v3/domains?limit=1'),
      headers: { Authorization: basicAuth('api', credential.secret) },
    });
    if (!result.ok) {
      unclear.push(`${region}: ${result.reason}`);
      continue;
    }
    const response = result.response;
    if (response.status === 200 && response.json !== undefined) {
      return live(identityOf({ region, domains: text(response.json, 'total_count') }));
    }
    if (response.status === 401 || response.status === 403) continue;
    unclear.push(`${region}: HTTP ${response.status}`);
  }
  if (unclear.length > 0) return unknown(`neither Mailgun region accepted the key, and some could not tell (${unclear.join('; ')})`);
  return dead('Mailgun: forbidden in the US and EU regions (HTTP 401)');
}

function planRevoke(): RevokePlan {
  return manual(
    'Delete or rotate the key under Account settings → API security, then give each service its own domain sending key.',
    'https://app.mailgun.com/settings/api_security',
    'whether a Mailgun key can delete itself is not established',
  );
}

export const mailgun: ProviderModule = { id: 'mailgun', name: 'Mailgun', verify, planRevoke };
