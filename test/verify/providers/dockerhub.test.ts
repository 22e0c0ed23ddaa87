/**
 * Docker Hub's verification module against a fake Docker Hub API: the contract every provider module keeps
 * (contract.ts), and what is particular to Docker Hub.
 */
import { describe, expect, it } from 'vitest';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { on, useFakeProvider, verifyContract, type Case } from './contract.js';

const CASES: Case[] = [
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

const { run } = useFakeProvider();

verifyContract('dockerhub', CASES, run);

describe('provider-specific verdicts', () => {
  it('Docker Hub: the session token it mints is never kept', async () => {
    const c = CASES.find((x) => x.provider === 'dockerhub') as Case;
    const { result } = await run(c, c.live);
    expect(JSON.stringify(result)).not.toContain('eyJ');
  });
});
