/**
 * Twilio auth tokens and API key secrets (fact sheet §13). Both authenticate with HTTP Basic: the
 * account SID (`AC…`) with the auth token, or the key SID (`SK…`) with the key secret. The SIDs are
 * identifiers, found next to the secret (companions.ts).
 *
 * Revoke: an API key is deleted with `DELETE /Accounts/{AC}/Keys/{SK}.json`, which only a Main key
 * (or the auth token) may do. An auth token cannot be deleted, only rotated (create a secondary token,
 * promote it), which breaks every service still using the old one: that needs `--twilio-rotate`.
 * The new token Twilio returns is thrown away unread; the owner finds it in the Console.
 */
import { basicAuth, identityOf, isRecord, text } from '../http.js';
import { eachItem, failure, revokeCall } from '../probe.js';
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

const API = 'https://api.twilio.com';
const ACCOUNTS = 'https://accounts.twilio.com';

/** Usernames to try, most likely first: a key secret goes with an SK SID, an auth token with the AC SID. */
function usernames(credential: Credential): string[] {
  const { twilioAccountSid, twilioKeySid } = credential.companions;
  // Auth tokens are 32 lower-case hex characters; key secrets use the whole base62 alphabet.
  const keyFirst = credential.ruleId.includes('api-key') || !/^[0-9a-f]{32}$/.test(credential.secret);
  const order = keyFirst ? [twilioKeySid, twilioAccountSid] : [twilioAccountSid, twilioKeySid];
  return order.filter((sid): sid is string => sid !== undefined);
}

async function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  if (/^(?:AC|SK)[0-9a-f]{32}$/.test(credential.secret)) return unknown('this is a SID (an identifier), not a secret');
  const candidates = usernames(credential);
  if (candidates.length === 0) return unknown('the account SID (AC…) or API key SID (SK…) that goes with this secret was not found near it');
  let lastDead: VerifyResult | undefined;
  for (const sid of candidates) {
    const result = await context.http.request({
      method: 'GET',
      url: context.http.url(API, '/2010-04-01/Accounts.json?PageSize=1'),
      headers: { Authorization: basicAuth(sid, credential.secret) },
    });
    if (!result.ok) return unknown(result.reason);
    const response = result.response;
    if (response.status === 401 || response.status === 403) {
      lastDead = dead(`Twilio: authentication failed with ${sid.slice(0, 2)}… SID (HTTP ${response.status})`);
      continue;
    }
    if (response.status !== 200 || !isRecord(response.json)) return unknown(`unexpected answer from Twilio (HTTP ${response.status})`);
    const accounts = response.json.accounts;
    const first = Array.isArray(accounts) && isRecord(accounts[0]) ? accounts[0] : undefined;
    return live(
      identityOf({
        authenticatedAs: sid,
        account: text(first, 'sid') ?? credential.companions.twilioAccountSid,
        name: text(first, 'friendly_name'),
        status: text(first, 'status'),
        kind: sid.startsWith('SK') ? 'API key' : 'auth token',
      }),
    );
  }
  return lastDead ?? unknown('no SID to authenticate with');
}

function planRevoke(item: RevokeItem, options: RevokeOptions): RevokePlan {
  const identity = item.verified.identity ?? {};
  if (identity.authenticatedAs?.startsWith('SK')) {
    if (!identity.account) return manual('Delete the key under Account → API keys & tokens.', 'https://console.twilio.com/us1/account/keys-credentials/api-keys');
    return { kind: 'api', description: `DELETE /2010-04-01/Accounts/${identity.account}/Keys/${identity.authenticatedAs}.json with the key (works only for a Main key)` };
  }
  const steps =
    'Create a secondary auth token (Account → API keys & tokens → Auth tokens), move every service to it or better to per-service API keys, then promote it so the leaked token dies.';
  const url = 'https://console.twilio.com/us1/account/keys-credentials/api-keys';
  if (!options.twilioRotate) {
    return { kind: 'blocked', description: 'rotating the auth token breaks every service still using it: pass --twilio-rotate to create and promote a secondary token', steps, url };
  }
  return { kind: 'api', description: 'POST accounts.twilio.com/v1/AuthTokens/Secondary, then /v1/AuthTokens/Promote (the new token is not read or stored)' };
}

async function revoke(items: readonly RevokeItem[], context: ProviderContext, options: RevokeOptions): Promise<RevokeAttempt[]> {
  return eachItem(items, async (item) => {
    const identity = item.verified.identity ?? {};
    const sid = identity.authenticatedAs;
    if (!sid) return { ok: false, detail: 'no SID from verification' };
    const auth = { Authorization: basicAuth(sid, item.credential.secret) };
    if (sid.startsWith('SK')) {
      return revokeCall(context, { method: 'DELETE', url: context.http.url(API, `/2010-04-01/Accounts/${identity.account}/Keys/${sid}.json`), headers: auth }, (response) => {
        if (response.status === 204) return { ok: true, detail: 'Twilio deleted the API key' };
        if (response.status === 401 || response.status === 403) return failure(response, 'Twilio refused: only a Main key may delete keys; delete it in the Console');
        return failure(response, 'Twilio did not delete the key');
      });
    }
    if (!options.twilioRotate) return { ok: false, detail: 'auth token rotation needs --twilio-rotate' };
    const form = { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' };
    const secondary = await context.http.request({ method: 'POST', url: context.http.url(ACCOUNTS, '/v1/AuthTokens/Secondary'), headers: form, body: '' });
    if (!secondary.ok) return { ok: false, detail: secondary.reason };
    if (secondary.response.status !== 201 && secondary.response.status !== 200) return failure(secondary.response, 'Twilio did not create a secondary token');
    return revokeCall(context, { method: 'POST', url: context.http.url(ACCOUNTS, '/v1/AuthTokens/Promote'), headers: form, body: '' }, (response) => {
      if (response.status === 200) return { ok: true, detail: 'Twilio promoted a new auth token; find it in the Console' };
      return failure(response, 'Twilio did not promote the secondary token');
    });
  });
}

export const twilio: ProviderModule = { id: 'twilio', name: 'Twilio', companions: ['twilioAccountSid', 'twilioKeySid'], verify, planRevoke, revoke };
