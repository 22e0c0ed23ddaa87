/**
 * Heroku's verification module against a fake Heroku API: the contract every provider module keeps
 * (contract.ts).
 */
import { expect } from 'vitest';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { on, useFakeProvider, verifyContract, type Case } from './contract.js';

const CASES: Case[] = [
  {
    name: 'Heroku API token',
    provider: 'heroku',
    secret: join('HRKU', '-AA', body(130, 58, 'b64u')),
    live: on('GET', '/account', json(200, { id: 'acc-1', email: 'ops@synth.test', name: 'Synth Ops' })),
    dead: on('GET', '/account', json(401, { id: 'unauthorized', message: 'Invalid credentials provided.' })),
    request: (req, secret) => {
      expect(req.headers.authorization).toBe(`Bearer ${secret}`);
      expect(req.headers.accept).toBe('application/vnd.heroku+json; version=3');
    },
    identity: { email: 'ops@synth.test', id: 'acc-1' },
  },
];

const { run } = useFakeProvider();

verifyContract('heroku', CASES, run);
