/**
 * Every provider module against a fake server that answers the way the provider does: a valid
 * credential (live, with identity), a rejected one (dead), and a provider error or an answer it does
 * not recognise (unknown). Each case also checks the request went to the provider's documented path
 * with the documented authentication, and that no verdict carries the secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProvider, PROVIDER_IDS } from '../../src/verify/provider-registry.js';
import type { Companions, Credential, VerifyResult } from '../../src/verify/provider-module.js';
import { fakeGithubPat, fakeGithubToken } from '../support/fake-secrets.js';
import { json, startFakeServer, type FakeServer, type Handler, type RecordedRequest } from './fake-server.js';
import { body, contextFor, join } from './helpers.js';

interface Case {
  name: string;
  provider: string;
  secret: string;
  companions?: Companions;
  ruleId?: string;
  /** The answer of the provider for a valid credential (only for the documented request). */
  live: Handler;
  dead: Handler;
  /** Checks on the request for the live case (path, method, authentication). */
  request: (req: RecordedRequest, secret: string) => void;
  identity?: Record<string, string>;
}

const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Answer `reply` only for `method path` (query ignored); 404 otherwise, as a real API would. */
function on(method: string, path: string, reply: ReturnType<typeof json>): Handler {
  return (req) => (req.method === method && req.path.split('?')[0] === path ? reply : json(404, { message: 'Not Found' }));
}

const ATLASSIAN = join('ATATT3', 'xFfGF0', body(51, 171, 'b64u'), '=', 'A1B2C3D4');
const DISCORD_WEBHOOK = join('https://discord.com/api/webhooks/', body(61, 19, 'digits'), '/', body(62, 68, 'b64u'));
const SLACK_WEBHOOK = join('https://hooks.slack.com/services/', 'T0', body(63, 9, 'hex').toUpperCase(), '/B0', body(64, 9, 'hex').toUpperCase(), '/', body(65, 24));
const TWILIO_SID = join('AC', body(71, 32, 'hex'));

const CASES: Case[] = [
  {
    name: 'GitHub classic PAT',
    provider: 'github',
    secret: fakeGithubPat(101),
    live: on('GET', '/user', json(200, { login: 'octo-synth', id: 4242, type: 'User' }, { 'X-OAuth-Scopes': 'repo, gist', 'github-authentication-token-expiration': '2027-01-01 00:00:00 UTC' })),
    dead: on('GET', '/user', json(401, { message: 'Bad credentials' })),
    request: (req, secret) => {
      expect(req.headers.authorization).toBe(`token ${secret}`);
      expect(req.headers.accept).toBe('application/vnd.github+json');
    },
    identity: { login: 'octo-synth', id: '4242', scopes: 'repo, gist', expires: '2027-01-01 00:00:00 UTC' },
  },
  {
    name: 'GitHub installation token',
    provider: 'github',
    secret: join('ghs', '_', body(102, 36)),
    live: on('GET', '/installation/repositories', json(200, { total_count: 3, repositories: [] })),
    dead: on('GET', '/installation/repositories', json(401, { message: 'Bad credentials' })),
    request: (req, secret) => expect(req.headers.authorization).toBe(`token ${secret}`),
    identity: { repositories: '3' },
  },
  {
    name: 'GitLab access token',
    provider: 'gitlab',
    secret: join('glpat', '-', body(103, 20, 'b64u')),
    live: (req) =>
      req.path === '/api/v4/personal_access_tokens/self'
        ? json(200, { id: 77, name: 'deploy', revoked: false, scopes: ['api', 'read_repository'], user_id: 9, active: true, expires_at: '2027-02-01' })
        : req.path === '/api/v4/user'
          ? json(200, { id: 9, username: 'synth-dev' })
          : json(404, {}),
    dead: () => json(401, { message: '401 Unauthorized' }),
    request: (req, secret) => {
      expect(req.path).toBe('/api/v4/personal_access_tokens/self');
      expect(req.headers['private-token']).toBe(secret);
    },
    identity: { username: 'synth-dev', tokenName: 'deploy', scopes: 'api,read_repository', expires: '2027-02-01' },
  },
  {
    name: 'Slack bot token',
    provider: 'slack',
    secret: join('xoxb', '-', body(104, 12, 'digits'), '-', body(105, 13, 'digits'), '-', body(106, 24)),
    live: on('POST', '/api/auth.test', json(200, { ok: true, url: 'https://synth.slack.com/', team: 'Synth', user: 'ci-bot', team_id: 'T01', user_id: 'U01', bot_id: 'B01' }, { 'x-oauth-scopes': 'chat:write' })),
    dead: on('POST', '/api/auth.test', json(200, { ok: false, error: 'invalid_auth' })),
    request: (req, secret) => expect(req.headers.authorization).toBe(`Bearer ${secret}`),
    identity: { team: 'Synth', user: 'ci-bot', scopes: 'chat:write' },
  },
  {
    name: 'Slack incoming webhook',
    provider: 'slack',
    secret: SLACK_WEBHOOK,
    live: (req) => (req.path === new URL(SLACK_WEBHOOK).pathname ? { status: 400, body: 'invalid_payload' } : { status: 404, body: 'no_service' }),
    dead: () => ({ status: 404, body: 'no_service' }),
    request: (req) => {
      expect(req.method).toBe('POST');
      // The probe body is deliberately not JSON, so Slack can never post it.
      expect(() => JSON.parse(req.body) as unknown).toThrow();
    },
  },
  {
    name: 'Google API key',
    provider: 'google',
    secret: join('AIza', 'Sy', body(107, 33, 'b64u')),
    live: on('GET', '/v1/models', json(200, { models: [] })),
    dead: on('GET', '/v1/models', json(400, { error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT', details: [{ reason: 'API_KEY_INVALID' }] } })),
    request: (req, secret) => {
      expect(req.headers['x-goog-api-key']).toBe(secret);
      expect(req.path).not.toContain(secret);
    },
  },
  {
    name: 'Google service-account key',
    provider: 'google',
    secret: join('-----BEGIN PRIVATE', ' KEY-----\\n', body(108, 120, 'b64u'), '\\n-----END PRIVATE', ' KEY-----\\n'),
    companions: { googleClientEmail: 'deployer@synth-project.iam.gserviceaccount.com', googlePrivateKeyId: body(109, 40, 'hex') },
    live: (req) =>
      req.path === `/robot/v1/metadata/x509/${encodeURIComponent('deployer@synth-project.iam.gserviceaccount.com')}`
        ? json(200, { [body(109, 40, 'hex')]: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' })
        : json(404, {}),
    dead: () => json(200, { [body(110, 40, 'hex')]: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' }),
    request: (req, secret) => {
      // This check sends nothing secret at all.
      expect(req.method).toBe('GET');
      expect(JSON.stringify(req)).not.toContain(secret.slice(40, 80));
    },
    identity: { serviceAccount: 'deployer@synth-project.iam.gserviceaccount.com', project: 'synth-project' },
  },
  {
    name: 'Google OAuth access token',
    provider: 'google',
    secret: join('ya29', '.', body(111, 60, 'b64u')),
    live: on('POST', '/tokeninfo', json(200, { azp: '123.apps.googleusercontent.com', scope: 'openid email', expires_in: '1800', email: 'synth@example.org' })),
    dead: on('POST', '/tokeninfo', json(400, { error: 'invalid_token', error_description: 'Invalid Value' })),
    request: (req, secret) => expect(new URLSearchParams(req.body).get('access_token')).toBe(secret),
    identity: { email: 'synth@example.org', expires: '2026-05-01T12:30:00.000Z' },
  },
  {
    name: 'Stripe secret key',
    provider: 'stripe',
    secret: join('sk', '_live_', body(112, 99)),
    live: on('GET', '/v1/account', json(200, { id: 'acct_1Synth', object: 'account', email: 'billing@synth.test', settings: { dashboard: { display_name: 'Synth Ltd' } } })),
    dead: on('GET', '/v1/account', json(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } })),
    request: (req, secret) => expect(req.headers.authorization).toBe(`Bearer ${secret}`),
    identity: { account: 'acct_1Synth', mode: 'live', name: 'Synth Ltd' },
  },
  {
    name: 'SendGrid API key',
    provider: 'sendgrid',
    secret: join('SG', '.', body(113, 22, 'b64u'), '.', body(114, 43, 'b64u')),
    live: on('GET', '/v3/scopes', json(200, { scopes: ['mail.send', 'api_keys.read', 'api_keys.delete'] })),
    dead: on('GET', '/v3/scopes', json(401, { errors: [{ field: null, message: 'authorization required' }] })),
    request: (req, secret) => expect(req.headers.authorization).toBe(`Bearer ${secret}`),
    identity: { scopes: '3 scopes (can delete API keys)' },
  },
  {
    name: 'Twilio auth token',
    provider: 'twilio',
    ruleId: 'twilio-auth-token',
    secret: body(115, 32, 'hex'),
    companions: { twilioAccountSid: TWILIO_SID },
    live: on('GET', '/2010-04-01/Accounts.json', json(200, { accounts: [{ sid: TWILIO_SID, friendly_name: 'Synth', status: 'active', type: 'Full' }] })),
    dead: on('GET', '/2010-04-01/Accounts.json', json(401, { code: 20003, message: 'Authenticate', status: 401 })),
    request: (req, secret) => expect(req.headers.authorization).toBe(basic(TWILIO_SID, secret)),
    identity: { account: TWILIO_SID, name: 'Synth', kind: 'auth token' },
  },
  {
    name: 'npm token',
    provider: 'npm',
    secret: join('npm', '_', body(116, 36)),
    live: on('GET', '/-/whoami', json(200, { username: 'synth-publisher' })),
    dead: on('GET', '/-/whoami', json(401, { error: 'Unauthorized' })),
    request: (req, secret) => expect(req.headers.authorization).toBe(`Bearer ${secret}`),
    identity: { username: 'synth-publisher' },
  },
  {
    name: 'OpenAI project key',
    provider: 'openai',
    secret: join('sk', '-proj-', body(117, 74, 'b64u'), 'T3Blbk', 'FJ', body(118, 74, 'b64u')),
    live: (req) =>
      req.path === '/v1/models' ? json(200, { object: 'list', data: [] }) : req.path === '/v1/me' ? json(200, { object: 'user', id: 'user-synth', email: 'ml@synth.test' }) : json(404, {}),
    dead: () => json(401, { error: { message: 'Incorrect API key provided', code: 'invalid_api_key' } }),
    request: (req, secret) => {
      expect(req.path).toBe('/v1/models');
      expect(req.headers.authorization).toBe(`Bearer ${secret}`);
    },
    identity: { user: 'user-synth', email: 'ml@synth.test' },
  },
  {
    name: 'Anthropic API key',
    provider: 'anthropic',
    secret: join('sk-ant', '-api03-', body(119, 93, 'b64u'), 'AA'),
    live: on('GET', '/v1/models', json(200, { data: [{ type: 'model', id: 'm1' }], has_more: false })),
    dead: on('GET', '/v1/models', json(401, { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } })),
    request: (req, secret) => {
      expect(req.headers['x-api-key']).toBe(secret);
      expect(req.headers['anthropic-version']).toBe('2023-06-01');
    },
    identity: { kind: 'API key' },
  },
  {
    name: 'Hugging Face token',
    provider: 'huggingface',
    secret: join('hf', '_', body(120, 34)),
    live: on('GET', '/api/whoami-v2', json(200, { type: 'user', name: 'synth-ml', auth: { type: 'access_token', accessToken: { displayName: 'ci', role: 'write' } } })),
    dead: on('GET', '/api/whoami-v2', json(401, { error: 'Invalid credentials in Authorization header' })),
    request: (req, secret) => expect(req.headers.authorization).toBe(`Bearer ${secret}`),
    identity: { name: 'synth-ml', tokenName: 'ci', role: 'write' },
  },
  {
    name: 'DigitalOcean personal access token',
    provider: 'digitalocean',
    secret: join('dop', '_v1_', body(121, 64, 'hex')),
    live: on('GET', '/v2/account', json(200, { account: { uuid: 'u-123', email: 'ops@synth.test', status: 'active', team: { name: 'Synth' } } })),
    dead: on('GET', '/v2/account', json(401, { id: 'unauthorized', message: 'Unable to authenticate you' })),
    request: (req, secret) => expect(req.headers.authorization).toBe(`Bearer ${secret}`),
    identity: { email: 'ops@synth.test', uuid: 'u-123', team: 'Synth' },
  },
  {
    name: 'Datadog API key (site known)',
    provider: 'datadog',
    secret: body(122, 32, 'lower36'),
    companions: { datadogSite: 'api.datadoghq.eu' },
    live: on('GET', '/api/v1/validate', json(200, { valid: true })),
    dead: on('GET', '/api/v1/validate', json(403, { errors: ['Forbidden'] })),
    request: (req, secret) => expect(req.headers['dd-api-key']).toBe(secret),
    identity: { site: 'datadoghq.eu' },
  },
  {
    name: 'Discord bot token',
    provider: 'discord',
    secret: join(Buffer.from('104729384756102938').toString('base64url'), '.', body(123, 6, 'b64u'), '.', body(124, 38, 'b64u')),
    live: on('GET', '/api/v10/users/@me', json(200, { id: '104729384756102938', username: 'synth-bot', discriminator: '0', bot: true })),
    dead: on('GET', '/api/v10/users/@me', json(401, { message: '401: Unauthorized', code: 0 })),
    request: (req, secret) => expect(req.headers.authorization).toBe(`Bot ${secret}`),
    identity: { botId: '104729384756102938', username: 'synth-bot' },
  },
  {
    name: 'Discord webhook',
    provider: 'discord',
    secret: DISCORD_WEBHOOK,
    // The real answer echoes the webhook's token; the identity must not.
    live: (req) => (req.path === new URL(DISCORD_WEBHOOK).pathname ? json(200, { type: 1, id: '1', name: 'alerts', channel_id: '2', guild_id: '3', token: DISCORD_WEBHOOK.split('/').pop() }) : json(404, {})),
    dead: () => json(404, { message: 'Unknown Webhook', code: 10015 }),
    request: (req) => expect(req.method).toBe('GET'),
    identity: { name: 'alerts', channelId: '2' },
  },
  {
    name: 'Mailgun private key',
    provider: 'mailgun',
    secret: join('key', '-', body(125, 32, 'hex')),
    live: on('GET', '/v3/domains', json(200, { total_count: 2, items: [] })),
    dead: () => ({ status: 401, body: 'Forbidden' }),
    request: (req, secret) => expect(req.headers.authorization).toBe(basic('api', secret)),
    identity: { region: 'US', domains: '2' },
  },
  {
    name: 'Shopify admin token',
    provider: 'shopify',
    secret: join('shpat', '_', body(126, 32, 'hex')),
    companions: { shopifyDomain: 'synth-shop.myshopify.com' },
    live: on('GET', '/admin/oauth/access_scopes.json', json(200, { access_scopes: [{ handle: 'read_products' }, { handle: 'write_orders' }] })),
    dead: () => json(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' }),
    request: (req, secret) => expect(req.headers['x-shopify-access-token']).toBe(secret),
    identity: { shop: 'synth-shop.myshopify.com', scopes: 'read_products,write_orders' },
  },
  {
    name: 'Atlassian Cloud API token',
    provider: 'atlassian',
    secret: ATLASSIAN,
    companions: { atlassianEmail: 'dev@synth.test', atlassianSite: 'synth.atlassian.net' },
    live: on('GET', '/rest/api/3/myself', json(200, { accountId: '5b10a', emailAddress: 'dev@synth.test', displayName: 'Synth Dev', active: true })),
    dead: () => ({ status: 401, body: 'Unauthorized' }),
    request: (req, secret) => expect(req.headers.authorization).toBe(basic('dev@synth.test', secret)),
    identity: { site: 'synth.atlassian.net', accountId: '5b10a', name: 'Synth Dev' },
  },
  {
    name: 'Postman API key',
    provider: 'postman',
    secret: join('PMAK', '-', body(127, 24, 'hex'), '-', body(128, 34, 'hex')),
    live: on('GET', '/me', json(200, { user: { id: 12, username: 'synth', email: 'qa@synth.test' }, operations: [] })),
    dead: on('GET', '/me', json(401, { error: { name: 'AuthenticationError', message: 'Invalid API Key.' } })),
    request: (req, secret) => expect(req.headers['x-api-key']).toBe(secret),
    identity: { userId: '12', username: 'synth' },
  },
  {
    name: 'Linear API key',
    provider: 'linear',
    secret: join('lin', '_api_', body(129, 40)),
    live: on('POST', '/graphql', json(200, { data: { viewer: { id: 'v1', name: 'Synth', email: 'pm@synth.test' } } })),
    dead: on('POST', '/graphql', json(400, { errors: [{ message: 'Authentication required, not authenticated', extensions: { code: 'AUTHENTICATION_ERROR' } }] })),
    request: (req, secret) => {
      expect(req.headers.authorization).toBe(secret);
      expect(JSON.parse(req.body)).toEqual({ query: '{ viewer { id name email } }' });
    },
    identity: { id: 'v1', name: 'Synth' },
  },
  {
    name: 'Heroku API token',
    provider: 'heroku',
    secret: join('HRKU', '-AA', body(130, 58, 'b64u')),
    live: on('GET', '/account', json(200, { id: 'acc-1', email: 'ops@synth.test', name: 'Synth Ops' })),
    dead: on('GET', '/account', json(401, { id: 'unauthorized', message: 'Invalid credentials provided.' })),
    request: (req, secret) => {
      expect(req.headers.authorization).toBe(`Bearer ${secret}`);
      expect(req.headers.accept).toBe('application/vnd.heroku+json; version=3');
    },
    identity: { email: 'ops@synth.test', id: 'acc-1' },
  },
  {
    name: 'Docker Hub access token',
    provider: 'dockerhub',
    secret: join('dckr', '_pat_', body(131, 27, 'b64u')),
    companions: { dockerUsername: 'synthci' },
    live: on('POST', '/v2/auth/token', json(200, { access_token: join('eyJhbGciOiJSUzI1NiJ9', '.', 'eyJzdWIiOiJzeW50aCJ9', '.', 'c2lnbmF0dXJl') })),
    dead: on('POST', '/v2/auth/token', json(401, { detail: 'Incorrect authentication credentials' })),
    request: (req, secret) => expect(JSON.parse(req.body)).toEqual({ identifier: 'synthci', secret }),
    identity: { username: 'synthci' },
  },
];

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(async () => {
  await server.close();
});

async function run(c: Case, handler: Handler, settings = {}): Promise<{ result: VerifyResult; requests: RecordedRequest[]; notices: string[] }> {
  server.requests.length = 0;
  server.handle(handler);
  const module = await loadProvider(c.provider);
  const { context, notices } = contextFor(c.provider, server, settings);
  const credential: Credential = { secret: c.secret, ruleId: c.ruleId ?? `${c.provider}-rule`, companions: c.companions ?? {} };
  const result = await module.verify(credential, context);
  return { result, requests: [...server.requests], notices };
}

function expectNoSecret(result: VerifyResult, secret: string): void {
  expect(JSON.stringify(result)).not.toContain(secret);
}

it('covers every provider module with at least one case', () => {
  const covered = new Set([...CASES.map((c) => c.provider), 'aws', 'pypi']); // aws and pypi have their own tests
  expect([...PROVIDER_IDS].filter((id) => !covered.has(id))).toEqual([]);
});

describe.each(CASES)('$name', (c) => {
  it('is live when the provider accepts it, with the identity the provider reports', async () => {
    const { result, requests, notices } = await run(c, c.live);
    expect(result.status, result.reason).toBe('live');
    expect(requests.length).toBeGreaterThan(0);
    c.request(requests[0] as RecordedRequest, c.secret);
    expect(requests[0]?.headers['user-agent']).toMatch(/^sprawlguard/);
    if (c.identity) expect(result.identity).toMatchObject(c.identity);
    expect(notices).toHaveLength(1);
    expectNoSecret(result, c.secret);
  });

  it('is dead when the provider rejects it', async () => {
    const { result } = await run(c, c.dead);
    expect(result.status, result.reason).toBe('dead');
    expect(result.reason).toBeTruthy();
    expectNoSecret(result, c.secret);
  });

  it('is unknown when the provider keeps failing (HTTP 500)', async () => {
    const { result } = await run(c, () => json(500, { message: 'internal error' }), { retries: 0 });
    expect(result.status).toBe('unknown');
    expect(result.reason).toMatch(/HTTP 500/);
    expectNoSecret(result, c.secret);
  });

  it('waits out a 429 with Retry-After and then gets the verdict', async () => {
    let first = true;
    const { result } = await run(c, (req) => {
      if (first) {
        first = false;
        return json(429, { error: { code: 'rate_limit_exceeded', message: 'slow down' } }, { 'Retry-After': '0' });
      }
      return c.live(req);
    });
    expect(result.status, result.reason).toBe('live');
  });

  it('is unknown when the provider does not answer in time', async () => {
    const { result } = await run(c, () => ({ status: 200, hang: true }), { retries: 0, timeoutMs: 150 });
    expect(result.status).toBe('unknown');
    expect(result.reason).toMatch(/no answer within/);
  });

  it('is not live when the endpoint is not found (HTTP 404)', async () => {
    const { result } = await run(c, () => json(404, { message: 'Not Found' }));
    expect(result.status).not.toBe('live');
    expectNoSecret(result, c.secret);
  });

  it('is unknown when the provider answers 200 with a malformed body', async () => {
    const { result } = await run(c, () => ({ status: 200, body: '{"truncated": ' }));
    // Slack's webhook probe is the one place a 2xx means "the webhook exists".
    expect(result.status).toBe(c.name === 'Slack incoming webhook' ? 'live' : 'unknown');
    expectNoSecret(result, c.secret);
  });
});

describe('provider-specific verdicts', () => {
  const github = CASES[0] as Case;

  it('GitHub: 403 with SSO enforcement is live, a spent rate limit is unknown', async () => {
    const sso = await run(github, () => json(403, { message: 'Resource protected by organization SAML enforcement.' }, { 'X-GitHub-SSO': 'required; url=https://github.com/orgs/o/sso' }));
    expect(sso.result.status).toBe('live');
    const limited = await run(github, () => json(403, { message: 'API rate limit exceeded' }, { 'X-RateLimit-Remaining': '0' }));
    expect(limited.result).toMatchObject({ status: 'unknown', reason: expect.stringContaining('rate limit') });
  });

  it('GitHub: refresh tokens are unverifiable and never sent', async () => {
    const c: Case = { ...github, secret: fakeGithubToken('ghr', 5) };
    const { result, requests } = await run(c, github.live);
    expect(result).toMatchObject({ status: 'unknown', unverifiable: true });
    expect(requests).toEqual([]);
  });

  it('GitHub: a 200 without login and id is not taken as live', async () => {
    const { result } = await run(github, () => json(200, { message: 'ok' }));
    expect(result.status).toBe('unknown');
  });

  it('DigitalOcean: refresh tokens are unverifiable and never sent', async () => {
    const c = CASES.find((x) => x.provider === 'digitalocean') as Case;
    const { result, requests } = await run({ ...c, secret: join('dor', '_v1_', body(140, 64, 'hex')) }, c.live);
    expect(result).toMatchObject({ status: 'unknown', unverifiable: true });
    expect(requests).toEqual([]);
  });

  it('PyPI: unverifiable with the reason, without any request', async () => {
    const { result, requests } = await run({ ...github, provider: 'pypi', secret: join('pypi', '-AgEIcHlwaS5vcmc', body(141, 120, 'b64u')) }, () => json(200, {}));
    expect(result).toMatchObject({ status: 'unknown', unverifiable: true, reason: expect.stringContaining('upload') });
    expect(requests).toEqual([]);
  });

  it('OpenAI: 429 insufficient_quota is a working key, not a rate limit', async () => {
    const c = CASES.find((x) => x.provider === 'openai') as Case;
    const { result, requests } = await run(c, () => json(429, { error: { code: 'insufficient_quota', message: 'You exceeded your current quota' } }));
    expect(result.status).toBe('live');
    expect(requests.filter((r) => r.path === '/v1/models')).toHaveLength(1);
  });

  it('Stripe: a restricted key answering 403 permission_error is live', async () => {
    const c = CASES.find((x) => x.provider === 'stripe') as Case;
    const { result } = await run({ ...c, secret: join('rk', '_live_', body(142, 99)) }, () => json(403, { error: { type: 'permission_error' } }));
    expect(result.status).toBe('live');
  });

  it('SendGrid: 403 is a valid key without the scope', async () => {
    const c = CASES.find((x) => x.provider === 'sendgrid') as Case;
    expect((await run(c, () => json(403, { errors: [{ message: 'access forbidden' }] }))).result.status).toBe('live');
  });

  it('Google API key: 403 means the key exists but may not call that API', async () => {
    const c = CASES.find((x) => x.name === 'Google API key') as Case;
    const { result } = await run(c, () => json(403, { error: { code: 403, status: 'PERMISSION_DENIED', details: [{ reason: 'SERVICE_DISABLED' }] } }));
    expect(result).toMatchObject({ status: 'live', reason: expect.stringContaining('SERVICE_DISABLED') });
  });

  it('Slack: a rate-limited auth.test is unknown, a revoked token dead', async () => {
    const c = CASES.find((x) => x.name === 'Slack bot token') as Case;
    expect((await run(c, () => json(200, { ok: false, error: 'ratelimited' }))).result.status).toBe('unknown');
    expect((await run(c, () => json(200, { ok: false, error: 'token_revoked' }))).result.status).toBe('dead');
  });

  it('Slack: workflow webhooks are not probed (only /services/ webhooks can be checked without posting)', async () => {
    const c = CASES.find((x) => x.name === 'Slack incoming webhook') as Case;
    const { result, requests } = await run({ ...c, secret: SLACK_WEBHOOK.replace('/services/', '/workflows/') }, c.live);
    expect(result.status).toBe('unknown');
    expect(requests).toEqual([]);
  });

  it('Shopify and Atlassian: without the shop or site nearby nothing is sent', async () => {
    for (const name of ['Shopify admin token', 'Atlassian Cloud API token']) {
      const c = CASES.find((x) => x.name === name) as Case;
      const { result, requests } = await run({ ...c, companions: {} }, c.live);
      expect(result.status).toBe('unknown');
      expect(requests).toEqual([]);
    }
  });

  it('Shopify: a shop that is not on myshopify.com is never contacted', async () => {
    const c = CASES.find((x) => x.name === 'Shopify admin token') as Case;
    const { result, requests } = await run({ ...c, companions: { shopifyDomain: 'shop.evil.test' } }, c.live);
    expect(result.status).toBe('unknown');
    expect(requests).toEqual([]);
  });

  it('Datadog: without a site every site is tried, and the key is dead only if all refuse it', async () => {
    const c = CASES.find((x) => x.provider === 'datadog') as Case;
    const all = await run({ ...c, companions: {} }, c.dead);
    expect(all.result.status).toBe('dead');
    expect(all.requests).toHaveLength(6);
    let n = 0;
    const third = await run({ ...c, companions: {} }, () => (++n === 3 ? json(200, { valid: true }) : json(403, { errors: ['Forbidden'] })));
    expect(third.result.status).toBe('live');
    expect(third.requests).toHaveLength(3);
  });

  it('Mailgun: a key refused in the US is tried in the EU', async () => {
    const c = CASES.find((x) => x.provider === 'mailgun') as Case;
    let n = 0;
    const { result, requests } = await run(c, () => (++n === 1 ? { status: 401, body: 'Forbidden' } : json(200, { total_count: 1, items: [] })));
    expect(result.identity).toMatchObject({ region: 'EU' });
    expect(requests).toHaveLength(2);
  });

  it('Twilio: without a SID nearby nothing is sent; a SID is not a secret', async () => {
    const c = CASES.find((x) => x.provider === 'twilio') as Case;
    expect((await run({ ...c, companions: {} }, c.live)).requests).toEqual([]);
    expect((await run({ ...c, secret: TWILIO_SID }, c.live)).result.reason).toContain('SID');
  });

  it('Docker Hub: the session token it mints is never kept', async () => {
    const c = CASES.find((x) => x.provider === 'dockerhub') as Case;
    const { result } = await run(c, c.live);
    expect(JSON.stringify(result)).not.toContain('eyJ');
  });
});
