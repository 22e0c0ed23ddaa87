/**
 * Postman's verification module against a fake Postman API: the contract every provider module keeps
 * (contract.ts).
 */
import { expect } from 'vitest';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { on, useFakeProvider, verifyContract, type Case } from './contract.js';

const CASES: Case[] = [
  {
    name: 'Postman API key',
    provider: 'postman',
    secret: join('PMAK', '-', body(127, 24, 'hex'), '-', body(128, 34, 'hex')),
    live: on('GET', '/me', json(200, { user: { id: 12, username: 'synth', email: 'qa@synth.test' }, operations: [] })),
    dead: on('GET', '/me', json(401, { error: { name: 'AuthenticationError', message: 'Invalid API Key.' } })),
    request: (req, secret) => expect(req.headers['x-api-key']).toBe(secret),
    identity: { userId: '12', username: 'synth' },
  },
];

const { run } = useFakeProvider();

verifyContract('postman', CASES, run);
