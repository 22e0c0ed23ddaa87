/**
 * Each module's own revoke path against a fake provider: list-then-delete flows delete only an exact,
 * unique match (never "the first key"), self-revoking endpoints get the token the documented way,
 * destructive paths stay blocked without their flag, and every module without an API says how to do
 * it by hand.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadProvider, PROVIDER_IDS } from '../../src/verify/provider-registry.js';
import type { Credential, ProviderModule, RevokeAttempt, RevokeItem, RevokeOptions } from '../../src/verify/provider-module.js';
import { fakeGithubPat } from '../support/fake-secrets.js';
import { json, startFakeServer, type FakeServer, type Handler, type RecordedRequest } from './fake-server.js';
import { body, contextFor, join } from './helpers.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

function item(secret: string, identity: Record<string, string> = {}, companions: Credential['companions'] = {}): RevokeItem {
  return { credential: { secret, ruleId: 'rule', companions }, verified: { status: 'live', identity } };
}

async function revoke(provider: string, items: RevokeItem[], handler: Handler, options: RevokeOptions = {}): Promise<{ attempts: RevokeAttempt[]; requests: RecordedRequest[] }> {
  server.requests.length = 0;
  server.handle(handler);
  const module = await loadProvider(provider);
  const { context } = contextFor(provider, server, { retries: 0 });
  const attempts = await (module.revoke as NonNullable<ProviderModule['revoke']>)(items, context, options);
  return { attempts, requests: [...server.requests] };
}

const calls = (requests: RecordedRequest[]): string[] => requests.map((r) => `${r.method} ${r.path}`);

describe('list-then-delete flows', () => {
  const sendgridKey = (id: string): string => join('SG', '.', id, '.', body(801, 43, 'b64u'));
  const OURS = body(802, 22, 'b64u');

  it('SendGrid deletes the key whose id equals the token’s id segment, not the first key listed', async () => {
    const { attempts, requests } = await revoke('sendgrid', [item(sendgridKey(OURS))], (req) =>
      req.method === 'GET' ? json(200, { result: [{ name: 'innocent', api_key_id: body(803, 22, 'b64u') }, { name: 'leaked', api_key_id: OURS }] }) : { status: 204 },
    );
    expect(attempts).toEqual([{ ok: true, detail: 'SendGrid deleted the API key' }]);
    expect(calls(requests)).toEqual(['GET /v3/api_keys?limit=500', `DELETE /v3/api_keys/${OURS}`]);
  });

  it('SendGrid deletes nothing when the id is not listed, or when the key may not list keys', async () => {
    const missing = await revoke('sendgrid', [item(sendgridKey(OURS))], () => json(200, { result: [{ name: 'other', api_key_id: body(804, 22, 'b64u') }] }));
    expect(missing.attempts[0]).toMatchObject({ ok: false, detail: expect.stringContaining('nothing deleted') });
    expect(calls(missing.requests)).toEqual(['GET /v3/api_keys?limit=500']);
    const forbidden = await revoke('sendgrid', [item(sendgridKey(OURS))], () => json(403, { errors: [{ message: 'access forbidden' }] }));
    expect(forbidden.attempts[0]).toMatchObject({ ok: false, detail: expect.stringContaining('api_keys scopes') });
  });

  const NPM = join('npm', '_', body(805, 36));

  it('npm deletes the one token whose listed prefix matches', async () => {
    const { attempts, requests } = await revoke('npm', [item(NPM)], (req) =>
      req.method === 'GET'
        ? json(200, { objects: [{ key: 'k-other', token: join('npm', '_', 'zzzz') }, { key: 'k-ours', token: NPM.slice(0, 8) }], total: 2 })
        : json(200, {}),
    );
    expect(attempts).toEqual([{ ok: true, detail: 'npm deleted the token' }]);
    expect(calls(requests)).toEqual(['GET /-/npm/v1/tokens?perPage=1000&page=0', 'DELETE /-/npm/v1/tokens/token/k-ours']);
  });

  it('npm aborts on an ambiguous prefix and explains a one-time-password account', async () => {
    const ambiguous = await revoke('npm', [item(NPM)], () => json(200, { objects: [{ key: 'a', token: NPM.slice(0, 8) }, { key: 'b', token: NPM.slice(0, 10) }] }));
    expect(ambiguous.attempts[0]).toMatchObject({ ok: false, detail: expect.stringContaining('more than one') });
    expect(calls(ambiguous.requests)).toHaveLength(1);
    const otp = await revoke('npm', [item(NPM)], () => ({ status: 401, body: 'otp required', headers: { 'www-authenticate': 'OTP' } }));
    expect(otp.attempts[0]).toMatchObject({ ok: false, detail: expect.stringContaining('one-time password') });
  });

  const HEROKU = join('HRKU', '-AA', body(806, 58, 'b64u'));

  it('Heroku deletes the authorization holding exactly this token', async () => {
    const { attempts, requests } = await revoke('heroku', [item(HEROKU)], (req) =>
      req.method === 'GET'
        ? json(200, [
            { id: 'auth-1', access_token: { token: `${HEROKU}x` } },
            { id: 'auth-2', access_token: { token: HEROKU } },
          ])
        : json(200, { id: 'auth-2' }),
    );
    expect(attempts[0]).toMatchObject({ ok: true });
    expect(calls(requests)).toEqual(['GET /oauth/authorizations', 'DELETE /oauth/authorizations/auth-2']);
    expect(JSON.stringify(attempts)).not.toContain(HEROKU);
  });

  it('Heroku deletes nothing without an exact match', async () => {
    const { attempts, requests } = await revoke('heroku', [item(HEROKU)], () => json(200, [{ id: 'auth-1', access_token: { token: HEROKU.slice(0, -1) } }]));
    expect(attempts[0]).toMatchObject({ ok: false, detail: expect.stringContaining('account API key') });
    expect(calls(requests)).toEqual(['GET /oauth/authorizations']);
  });
});

describe('self-revoking endpoints', () => {
  it('GitHub sends at most 1000 tokens per revocation call', async () => {
    const items = Array.from({ length: 1001 }, (_, i) => item(fakeGithubPat(10_000 + i)));
    const { attempts, requests } = await revoke('github', items, () => ({ status: 202 }));
    expect(requests.map((r) => (JSON.parse(r.body) as { credentials: string[] }).credentials.length)).toEqual([1000, 1]);
    expect(attempts.every((a) => a.ok)).toBe(true);
  });

  it('GitHub installation tokens delete themselves', async () => {
    const token = join('ghs', '_', body(807, 36));
    const { attempts, requests } = await revoke('github', [item(token)], () => ({ status: 204 }));
    expect(attempts[0]?.ok).toBe(true);
    expect(requests[0]).toMatchObject({ method: 'DELETE', path: '/installation/token', headers: { authorization: `token ${token}` } });
  });

  it('Discord webhooks are deleted with DELETE on their URL; one already gone counts as done', async () => {
    const url = join('https://discord.com/api/webhooks/', body(808, 19, 'digits'), '/', body(809, 68, 'b64u'));
    const done = await revoke('discord', [item(url)], () => ({ status: 204 }));
    expect(done.requests[0]).toMatchObject({ method: 'DELETE', path: new URL(url).pathname });
    expect(done.attempts[0]?.ok).toBe(true);
    expect((await revoke('discord', [item(url)], () => json(404, { code: 10015 }))).attempts[0]).toMatchObject({ ok: true, detail: expect.stringContaining('already gone') });
  });

  it('DigitalOcean and Google take the token in a form body, never in the URL', async () => {
    const doToken = join('dop', '_v1_', body(810, 64, 'hex'));
    const digital = await revoke('digitalocean', [item(doToken)], () => json(200, {}));
    expect(digital.requests[0]).toMatchObject({ method: 'POST', path: '/v1/oauth/revoke', body: `token=${doToken}` });
    const ya29 = join('ya29', '.', body(811, 60, 'b64u'));
    const google = await revoke('google', [item(ya29)], () => json(200, {}));
    expect(google.requests[0]).toMatchObject({ method: 'POST', path: '/revoke' });
    expect(new URLSearchParams(google.requests[0]?.body).get('token')).toBe(ya29);
    expect((await revoke('google', [item(ya29)], () => json(400, { error: 'invalid_token' }))).attempts[0]?.ok).toBe(true);
  });

  it('Slack needs both ok and revoked', async () => {
    const token = join('xoxp', '-', body(812, 12, 'digits'), '-', body(813, 12, 'digits'), '-', body(814, 12, 'digits'), '-', body(815, 32));
    expect((await revoke('slack', [item(token)], () => json(200, { ok: true, revoked: false }))).attempts[0]?.ok).toBe(false);
    expect((await revoke('slack', [item(token)], () => json(200, { ok: true, revoked: true }))).attempts[0]?.ok).toBe(true);
  });
});

describe('destructive paths need their flag', () => {
  const TWILIO_AC = join('AC', body(816, 32, 'hex'));
  const TWILIO_SK = join('SK', body(817, 32, 'hex'));

  it('Twilio: an API key is deleted by SID; an auth token is rotated only with --twilio-rotate', async () => {
    const twilio = await loadProvider('twilio');
    const key = item(body(818, 32), { authenticatedAs: TWILIO_SK, account: TWILIO_AC });
    expect(twilio.planRevoke(key, {}).kind).toBe('api');
    const deleted = await revoke('twilio', [key], () => ({ status: 204 }));
    expect(deleted.requests[0]).toMatchObject({ method: 'DELETE', path: `/2010-04-01/Accounts/${TWILIO_AC}/Keys/${TWILIO_SK}.json` });

    const authToken = item(body(819, 32, 'hex'), { authenticatedAs: TWILIO_AC, account: TWILIO_AC });
    expect(twilio.planRevoke(authToken, {})).toMatchObject({ kind: 'blocked', description: expect.stringContaining('--twilio-rotate') });
    const newToken = body(820, 32, 'hex');
    const rotated = await revoke('twilio', [authToken], (req) => (req.path.endsWith('/Secondary') ? json(201, { secondary_auth_token: newToken }) : json(200, { auth_token: newToken })), { twilioRotate: true });
    expect(calls(rotated.requests)).toEqual(['POST /v1/AuthTokens/Secondary', 'POST /v1/AuthTokens/Promote']);
    expect(rotated.attempts[0]?.ok).toBe(true);
    expect(JSON.stringify(rotated.attempts)).not.toContain(newToken);
  });

  it('Shopify: revoking uninstalls the app, so only with --shopify-uninstall', async () => {
    const shopify = await loadProvider('shopify');
    const token = item(join('shpat', '_', body(821, 32, 'hex')), {}, { shopifyDomain: 'synth-shop.myshopify.com' });
    expect(shopify.planRevoke(token, {})).toMatchObject({ kind: 'blocked', description: expect.stringContaining('--shopify-uninstall') });
    expect(shopify.planRevoke(token, { shopifyUninstall: true }).kind).toBe('api');
    const { requests, attempts } = await revoke('shopify', [token], () => json(200, {}), { shopifyUninstall: true });
    expect(requests[0]).toMatchObject({ method: 'DELETE', path: '/admin/api_permissions/current.json' });
    expect(attempts[0]?.ok).toBe(true);
  });
});

describe('manual revocation', () => {
  const SAMPLES: Record<string, string> = {
    stripe: join('sk', '_live_', body(830, 40)),
    pypi: join('pypi', '-AgEIcHlwaS5vcmc', body(831, 80, 'b64u')),
    openai: join('sk', '-proj-', body(832, 40, 'b64u')),
    anthropic: join('sk-ant', '-api03-', body(833, 93, 'b64u'), 'AA'),
    huggingface: join('hf', '_', body(834, 34)),
    datadog: body(835, 32, 'lower36'),
    mailgun: join('key', '-', body(836, 32, 'hex')),
    atlassian: join('ATATT3', body(837, 40, 'b64u')),
    postman: join('PMAK', '-', body(838, 24, 'hex')),
    linear: join('lin', '_api_', body(839, 40)),
    dockerhub: join('dckr', '_pat_', body(840, 27, 'b64u')),
  };

  it.each(Object.keys(SAMPLES))('%s: says what to do by hand and where', async (id) => {
    const module = await loadProvider(id);
    const plan = module.planRevoke(item(SAMPLES[id] as string), {});
    expect(plan.kind).toBe('manual');
    if (plan.kind === 'manual') {
      expect(plan.url).toMatch(/^https:\/\//);
      expect(plan.steps.length).toBeGreaterThan(20);
    }
    expect(module.revoke).toBeUndefined();
  });

  it('every module whose plan is an API call can carry it out, and every plan says how', async () => {
    const samples: Record<string, string> = {
      ...SAMPLES,
      github: fakeGithubPat(850),
      gitlab: join('glpat', '-', body(851, 20, 'b64u')),
      slack: join('xoxb', '-', body(852, 12, 'digits'), '-', body(853, 12, 'digits'), '-', body(854, 24)),
      aws: join('AKIA', 'QX7NRT2BVW3LKZ4M'),
      google: join('ya29', '.', body(855, 40, 'b64u')),
      sendgrid: join('SG', '.', body(856, 22, 'b64u'), '.', body(857, 43, 'b64u')),
      twilio: body(858, 32, 'hex'),
      npm: join('npm', '_', body(859, 36)),
      digitalocean: join('dop', '_v1_', body(860, 64, 'hex')),
      discord: join('https://discord.com/api/webhooks/', body(861, 19, 'digits'), '/', body(862, 68, 'b64u')),
      shopify: join('shpat', '_', body(863, 32, 'hex')),
      heroku: join('HRKU', '-AA', body(864, 58, 'b64u')),
    };
    const options: RevokeOptions = { shopifyUninstall: true, twilioRotate: true, awsOperator: { accessKeyId: 'op', secretAccessKey: 'op', source: 'test' } };
    expect(PROVIDER_IDS.filter((id) => samples[id] === undefined)).toEqual([]);
    for (const id of PROVIDER_IDS) {
      const module = await loadProvider(id);
      const sample = item(samples[id] as string, { authenticatedAs: join('AC', body(865, 32, 'hex')), arn: 'arn:aws:iam::123456789012:user/u' }, { shopifyDomain: 'synth.myshopify.com', awsSecretAccessKey: join(body(866, 39), 'Z') });
      const plan = module.planRevoke(sample, options);
      expect(plan.description.length, id).toBeGreaterThan(10);
      if (plan.kind === 'api') expect(module.revoke, id).toBeDefined();
      else expect(plan.url, id).toMatch(/^https:\/\//);
    }
  });
});
