/**
 * DigitalOcean's verification module against a fake DigitalOcean API: the contract every provider module keeps
 * (contract.ts), and what is particular to DigitalOcean.
 */
import { describe, expect, it } from 'vitest';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { on, useFakeProvider, verifyContract, type Case } from './contract.js';

const CASES: Case[] = [
  {
    name: 'DigitalOcean personal access token',
    provider: 'digitalocean',
    secret: join('dop', '_v1_', body(121, 64, 'hex')),
    live: on('GET', '/v2/account', json(200, { account: { uuid: 'u-123', email: 'ops@synth.test', status: 'active', team: { name: 'Synth' } } })),
    dead: on('GET', '/v2/account', json(401, { id: 'unauthorized', message: 'Unable to authenticate you' })),
    request: (req, secret) => expect(req.headers.authorization).toBe(`Bearer ${secret}`),
    identity: { email: 'ops@synth.test', uuid: 'u-123', team: 'Synth' },
  },
];

const { run } = useFakeProvider();

verifyContract('digitalocean', CASES, run);

describe('provider-specific verdicts', () => {
  it('DigitalOcean: refresh tokens are unverifiable and never sent', async () => {
    const c = CASES.find((x) => x.provider === 'digitalocean') as Case;
    const { result, requests } = await run({ ...c, secret: join('dor', '_v1_', body(140, 64, 'hex')) }, c.live);
    expect(result).toMatchObject({ status: 'unknown', unverifiable: true });
    expect(requests).toEqual([]);
  });
});
