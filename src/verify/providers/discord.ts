/**
 * Discord bot tokens and webhooks (fact sheet §17). Bot tokens: `GET /api/v10/users/@me`; only the
 * owner can reset one. Webhooks: `GET` on the URL, never POST (which would send a message); a
 * webhook deletes itself with `DELETE` on its URL. The webhook's own answer echoes its token, so only
 * named fields are kept.
 */
import { identityOf, text } from '../http.js';
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
  type RevokePlan,
  type VerifyResult,
} from '../provider-module.js';

const API = 'https://discord.com';
const WEBHOOK_HOSTS = ['discord.com', 'discordapp.com', 'ptb.discord.com', 'canary.discord.com'];
const WEBHOOK_PATH = /^\/api\/(?:v[0-9]{1,2}\/)?webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,80}$/;

const isWebhook = (secret: string): boolean => /^https:\/\//i.test(secret);

/** The request URL for a webhook, on discord.com whichever alias the secret used. */
function webhookRequestUrl(credential: Credential, context: ProviderContext): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(credential.secret);
  } catch {
    return undefined;
  }
  if (!WEBHOOK_PATH.test(parsed.pathname)) return undefined;
  return context.http.webhookUrl(credential.secret, WEBHOOK_HOSTS);
}

function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  if (isWebhook(credential.secret)) {
    const url = webhookRequestUrl(credential, context);
    if (!url) return Promise.resolve(unknown('not a Discord webhook URL; not sent anywhere'));
    return probe(context, { method: 'GET', url }, (response) => {
      if (response.status === 401 || response.status === 404) return dead(`Discord: ${text(response.json, 'message') ?? 'unknown webhook'} (HTTP ${response.status})`);
      if (response.status !== 200 || !text(response.json, 'id')) return undefined;
      return live(
        identityOf({
          webhookId: text(response.json, 'id'),
          name: text(response.json, 'name'),
          channelId: text(response.json, 'channel_id'),
          guildId: text(response.json, 'guild_id'),
        }),
      );
    });
  }
  return probe(context, { method: 'GET', url: context.http.url(API, '/api/v10/users/@me'), headers: { Authorization: `Bot ${credential.secret}` } }, (response) => {
    if (response.status === 401) return dead('Discord: 401 Unauthorized');
    if (response.status !== 200 || !text(response.json, 'id')) return undefined;
    return live(identityOf({ botId: text(response.json, 'id'), username: text(response.json, 'username'), bot: text(response.json, 'bot') }));
  });
}

function planRevoke(item: RevokeItem): RevokePlan {
  if (isWebhook(item.credential.secret)) return { kind: 'api', description: 'DELETE on the webhook URL (no authentication; the webhook deletes itself)' };
  return manual(
    'Reset the token in the Developer Portal (Applications → the bot → Bot → Reset Token) and deploy the new one from a secrets manager.',
    'https://discord.com/developers/applications',
    'Discord has no API to reset a bot token',
  );
}

async function revoke(items: readonly RevokeItem[], context: ProviderContext): Promise<RevokeAttempt[]> {
  return eachItem(items, async (item) => {
    const url = webhookRequestUrl(item.credential, context);
    if (!url) return { ok: false, detail: 'not a Discord webhook URL' };
    return revokeCall(context, { method: 'DELETE', url }, (response) => {
      if (response.status === 204) return { ok: true, detail: 'Discord deleted the webhook' };
      if (response.status === 404) return { ok: true, detail: 'the webhook was already gone (HTTP 404)' };
      return failure(response, 'Discord did not delete the webhook');
    });
  });
}

export const discord: ProviderModule = { id: 'discord', name: 'Discord', verify, planRevoke, revoke };
