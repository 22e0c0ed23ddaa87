/**
 * OpenAI's verification module against a fake OpenAI API: the contract every provider module keeps
 * (contract.ts), and what is particular to OpenAI.
 */
import { describe, expect, it } from 'vitest';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { useFakeProvider, verifyContract, type Case } from './contract.js';

const CASES: Case[] = [
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
];

const { run } = useFakeProvider();

verifyContract('openai', CASES, run);

describe('provider-specific verdicts', () => {
  it('OpenAI: 429 insufficient_quota is a working key, not a rate limit', async () => {
    const c = CASES.find((x) => x.provider === 'openai') as Case;
    const { result, requests } = await run(c, () => json(429, { error: { code: 'insufficient_quota', message: 'You exceeded your current quota' } }));
    expect(result.status).toBe('live');
    expect(requests.filter((r) => r.path === '/v1/models')).toHaveLength(1);
  });
});
