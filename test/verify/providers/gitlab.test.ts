/**
 * GitLab's verification module against a fake GitLab API: the contract every provider module keeps
 * (contract.ts).
 */
import { expect } from 'vitest';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { useFakeProvider, verifyContract, type Case } from './contract.js';

const CASES: Case[] = [
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
];

const { run } = useFakeProvider();

verifyContract('gitlab', CASES, run);
