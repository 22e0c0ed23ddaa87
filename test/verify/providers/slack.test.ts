/**
 * Slack's verification module against a fake Slack API: the contract every provider module keeps
 * (contract.ts), and what is particular to Slack.
 */
import { describe, expect, it } from 'vitest';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { on, useFakeProvider, verifyContract, type Case } from './contract.js';

const SLACK_WEBHOOK = join('https://hooks.slack.com/services/', 'T0', body(63, 9, 'hex').toUpperCase(), '/B0', body(64, 9, 'hex').toUpperCase(), '/', body(65, 24));

const CASES: Case[] = [
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
];

const { run } = useFakeProvider();

verifyContract('slack', CASES, run);

describe('provider-specific verdicts', () => {
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
});
