/**
 * Datadog's verification module against a fake Datadog API: the contract every provider module keeps
 * (contract.ts), and what is particular to Datadog.
 */
import { describe, expect, it } from 'vitest';
import { json } from '../fake-server.js';
import { body } from '../helpers.js';
import { on, useFakeProvider, verifyContract, type Case } from './contract.js';

const CASES: Case[] = [
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
];

const { run } = useFakeProvider();

verifyContract('datadog', CASES, run);

describe('provider-specific verdicts', () => {
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
});
