/**
 * npm's verification module against a fake npm API: the contract every provider module keeps
 * (contract.ts).
 */
import { expect } from 'vitest';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { on, useFakeProvider, verifyContract, type Case } from './contract.js';

const CASES: Case[] = [
  {
    name: 'npm token',
    provider: 'npm',
    secret: join('npm', '_', body(116, 36)),
    live: on('GET', '/-/whoami', json(200, { username: 'synth-publisher' })),
    dead: on('GET', '/-/whoami', json(401, { error: 'Unauthorized' })),
    request: (req, secret) => expect(req.headers.authorization).toBe(`Bearer ${secret}`),
    identity: { username: 'synth-publisher' },
  },
];

const { run } = useFakeProvider();

verifyContract('npm', CASES, run);
