/**
 * Mailgun's verification module against a fake Mailgun API: the contract every provider module keeps
 * (contract.ts), and what is particular to Mailgun.
 */
import { describe, expect, it } from 'vitest';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { basic, on, useFakeProvider, verifyContract, type Case } from './contract.js';

const CASES: Case[] = [
  {
    name: 'Mailgun private key',
    provider: 'mailgun',
    secret: join('key', '-', body(125, 32, 'hex')),
    live: on('GET', '/v3/domains', json(200, { total_count: 2, items: [] })),
    dead: () => ({ status: 401, body: 'Forbidden' }),
    request: (req, secret) => expect(req.headers.authorization).toBe(basic('api', secret)),
    identity: { region: 'US', domains: '2' },
  },
];

const { run } = useFakeProvider();

verifyContract('mailgun', CASES, run);

describe('provider-specific verdicts', () => {
  it('Mailgun: a key refused in the US is tried in the EU', async () => {
    const c = CASES.find((x) => x.provider === 'mailgun') as Case;
    let n = 0;
    const { result, requests } = await run(c, () => (++n === 1 ? { status: 401, body: 'Forbidden' } : json(200, { total_count: 1, items: [] })));
    expect(result.identity).toMatchObject({ region: 'EU' });
    expect(requests).toHaveLength(2);
  });
});
