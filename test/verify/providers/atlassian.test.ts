/**
 * Atlassian's verification module against a fake Atlassian API: the contract every provider module keeps
 * (contract.ts), and what is particular to Atlassian.
 */
import { describe, expect, it } from 'vitest';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { basic, on, useFakeProvider, verifyContract, type Case } from './contract.js';

const ATLASSIAN = join('ATATT3', 'xFfGF0', body(51, 171, 'b64u'), '=', 'A1B2C3D4');

const CASES: Case[] = [
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
];

const { run } = useFakeProvider();

verifyContract('atlassian', CASES, run);

describe('provider-specific verdicts', () => {
  it('Atlassian: without the site nearby nothing is sent', async () => {
    const c = CASES.find((x) => x.name === 'Atlassian Cloud API token') as Case;
    const { result, requests } = await run({ ...c, companions: {} }, c.live);
    expect(result.status).toBe('unknown');
    expect(requests).toEqual([]);
  });
});
