/**
 * SendGrid's verification module against a fake SendGrid API: the contract every provider module keeps
 * (contract.ts), and what is particular to SendGrid.
 */
import { describe, expect, it } from 'vitest';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { on, useFakeProvider, verifyContract, type Case } from './contract.js';

const CASES: Case[] = [
  {
    name: 'SendGrid API key',
    provider: 'sendgrid',
    secret: join('SG', '.', body(113, 22, 'b64u'), '.', body(114, 43, 'b64u')),
    live: on('GET', '/v3/scopes', json(200, { scopes: ['mail.send', 'api_keys.read', 'api_keys.delete'] })),
    dead: on('GET', '/v3/scopes', json(401, { errors: [{ field: null, message: 'authorization required' }] })),
    request: (req, secret) => expect(req.headers.authorization).toBe(`Bearer ${secret}`),
    identity: { scopes: '3 scopes (can delete API keys)' },
  },
];

const { run } = useFakeProvider();

verifyContract('sendgrid', CASES, run);

describe('provider-specific verdicts', () => {
  it('SendGrid: 403 is a valid key without the scope', async () => {
    const c = CASES.find((x) => x.provider === 'sendgrid') as Case;
    expect((await run(c, () => json(403, { errors: [{ message: 'access forbidden' }] }))).result.status).toBe('live');
  });
});
