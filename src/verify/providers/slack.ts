/**
 * Slack tokens and incoming webhooks (fact sheet §5).
 *
 * Tokens: `POST auth.test`. Slack answers HTTP 200 whatever happens, so the verdict comes from the
 * body's `ok` and `error`. Revoke with `auth.revoke`, which succeeds only when the answer has both
 * `ok: true` and `revoked: true`.
 *
 * Incoming webhooks: a POST with a deliberately malformed JSON body, which Slack rejects before
 * posting anything (`invalid_payload` means the webhook exists). A webhook can only be removed by its
 * owner in the app configuration.
 */
import { identityOf, text, type HttpResponse, type HttpResult } from '../http.js';
import { eachItem, probe, revokeCall } from '../probe.js';
import {
  dead,
  live,
  manual,
  unknown,
  unverifiable,
  type Credential,
  type ProviderContext,
  type ProviderModule,
  type RevokeAttempt,
  type RevokeItem,
  type RevokePlan,
  type VerifyResult,
} from '../provider-module.js';

const API = 'https://slack.com';
const WEBHOOK_HOSTS = ['hooks.slack.com'];
const DEAD_ERRORS = new Set(['invalid_auth', 'token_revoked', 'account_inactive', 'not_authed', 'token_expired', 'org_login_required']);
/** Truncated JSON: never a valid message, so a live webhook answers 400 invalid_payload without posting. */
const MALFORMED_BODY = '{"text": ';

const isWebhook = (secret: string): boolean => /^https?:\/\//i.test(secret);

function slackCall(context: ProviderContext, method: string, token: string): Promise<HttpResult> {
  return context.http.request({
    method: 'POST',
    url: context.http.url(API, `/api/${method}`),
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: '',
  });
}

function classifyAuthTest(response: HttpResponse): VerifyResult | undefined {
  if (response.status !== 200 || typeof (response.json as { ok?: unknown } | undefined)?.ok !== 'boolean') return undefined;
  const json = response.json as { ok: boolean; error?: unknown };
  if (json.ok) {
    return live(
      identityOf({
        team: text(json, 'team'),
        teamId: text(json, 'team_id'),
        user: text(json, 'user'),
        userId: text(json, 'user_id'),
        botId: text(json, 'bot_id'),
        url: text(json, 'url'),
        scopes: response.headers.get('x-oauth-scopes') ?? undefined,
      }),
    );
  }
  const error = typeof json.error === 'string' ? json.error : 'unknown_error';
  if (DEAD_ERRORS.has(error)) return dead(`Slack: ${error}`);
  return unknown(`Slack: ${error}`);
}

async function verifyToken(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  const secret = credential.secret;
  if (secret.startsWith('xoxe-') || secret.startsWith('xoxr-')) {
    return unverifiable('Slack refresh tokens can only be checked by exchanging them, which rotates them');
  }
  if (secret.startsWith('xoxc-') || secret.startsWith('xoxd-')) return unknown('Slack browser session tokens need their session cookie; not checked');
  const result = await slackCall(context, 'auth.test', secret);
  if (!result.ok) return unknown(result.reason);
  return classifyAuthTest(result.response) ?? unknown(`unexpected answer from auth.test (HTTP ${result.response.status})`);
}

async function verifyWebhook(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  const url = context.http.webhookUrl(credential.secret, WEBHOOK_HOSTS);
  if (url === undefined) return unknown('not an https://hooks.slack.com URL; not sent anywhere');
  if (!new URL(credential.secret).pathname.startsWith('/services/')) {
    return unknown('only incoming webhooks (/services/…) can be checked without posting');
  }
  return probe(context, { method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body: MALFORMED_BODY }, (response) => {
    const body = response.body.trim();
    if (response.status >= 200 && response.status < 300) {
      // Slack accepted a body that is not JSON: the webhook exists, and the probe should never succeed.
      return live(undefined, `Slack accepted a malformed probe (HTTP ${response.status})`);
    }
    if (response.status === 400 && body.includes('invalid_payload')) return live(undefined, 'the webhook exists (Slack rejected the malformed probe: invalid_payload)');
    if (response.status === 400 && body.includes('invalid_token')) return dead('Slack: invalid_token');
    if (response.status === 403 || response.status === 404 || response.status === 410) {
      return dead(`Slack: ${/^[a-z_]{3,40}$/.test(body) ? body : `HTTP ${response.status}`}`);
    }
    return undefined;
  });
}

function verify(credential: Credential, context: ProviderContext): Promise<VerifyResult> {
  return isWebhook(credential.secret) ? verifyWebhook(credential, context) : verifyToken(credential, context);
}

function planRevoke(item: RevokeItem): RevokePlan {
  if (isWebhook(item.credential.secret)) {
    return manual(
      'Open the Slack app that owns the webhook (api.slack.com/apps → the app → Incoming Webhooks) and remove it, or remove the app from the workspace.',
      'https://api.slack.com/apps',
      'Slack has no API to delete an incoming webhook',
    );
  }
  return { kind: 'api', description: 'POST auth.revoke with the token (it revokes itself; success needs ok and revoked)' };
}

async function revoke(items: readonly RevokeItem[], context: ProviderContext): Promise<RevokeAttempt[]> {
  return eachItem(items, async (item) =>
    revokeCall(
      context,
      {
        method: 'POST',
        url: context.http.url(API, '/api/auth.revoke'),
        headers: { Authorization: `Bearer ${item.credential.secret}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: '',
      },
      (response) => {
        const json = response.json as { ok?: unknown; revoked?: unknown; error?: unknown } | undefined;
        if (response.status !== 200 || json === undefined) return { ok: false, detail: `unexpected answer from auth.revoke (HTTP ${response.status})` };
        if (json.ok === true && json.revoked === true) return { ok: true, detail: 'Slack revoked the token' };
        if (json.ok === true) return { ok: false, detail: 'Slack answered ok but did not say revoked' };
        const error = typeof json.error === 'string' ? json.error : 'unknown_error';
        if (DEAD_ERRORS.has(error)) return { ok: true, detail: `the token was already invalid (${error})` };
        return { ok: false, detail: `Slack refused: ${error}` };
      },
    ),
  );
}

export const slack: ProviderModule = { id: 'slack', name: 'Slack', verify, planRevoke, revoke };
