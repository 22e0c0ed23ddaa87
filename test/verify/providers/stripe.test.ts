/**
 * Stripe's verification module against a fake Stripe API: the contract every provider module keeps
 * (contract.ts), and what is particular to Stripe.
 */
import { describe, expect, it } from 'vitest';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { on, useFakeProvider, verifyContract, type Case } from './contract.js';

const CASES: Case[] = [
  {
    name: 'Stripe secret key',
    provider: 'stripe',
    secret: join('sk', '_live_', body(112, 99)),
    live: on('GET', '/v1/account', json(200, { id: 'acct_1Synth', object: 'account', email: 'billing@synth.test', settings: { dashboard: { display_name: 'Synth Ltd' } } })),
    dead: on('GET', '/v1/account', json(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } })),
    request: (req, secret) => expect(req.headers.authorization).toBe(`Bearer ${secret}`),
    identity: { account: 'acct_1Synth', mode: 'live', name: 'Synth Ltd' },
  },
];

const { run } = useFakeProvider();

verifyContract('stripe', CASES, run);

describe('provider-specific verdicts', () => {
  it('Stripe: a restricted key answering 403 permission_error is live', async () => {
    const c = CASES.find((x) => x.provider === 'stripe') as Case;
    const { result } = await run({ ...c, secret: join('rk', '_live_', body(142, 99)) }, () => json(403, { error: { type: 'permission_error' } }));
    expect(result.status).toBe('live');
  });
});
