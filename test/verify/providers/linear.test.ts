/**
 * Linear's verification module against a fake Linear API: the contract every provider module keeps
 * (contract.ts).
 */
import { expect } from 'vitest';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { on, useFakeProvider, verifyContract, type Case } from './contract.js';

const CASES: Case[] = [
  {
    name: 'Linear API key',
    provider: 'linear',
    secret: join('lin', '_api_', body(129, 40)),
    live: on('POST', '/graphql', json(200, { data: { viewer: { id: 'v1', name: 'Synth', email: 'pm@synth.test' } } })),
    dead: on('POST', '/graphql', json(400, { errors: [{ message: 'Authentication required, not authenticated', extensions: { code: 'AUTHENTICATION_ERROR' } }] })),
    request: (req, secret) => {
      expect(req.headers.authorization).toBe(secret);
      expect(JSON.parse(req.body)).toEqual({ query: '{ viewer { id name email } }' });
    },
    identity: { id: 'v1', name: 'Synth' },
  },
];

const { run } = useFakeProvider();

verifyContract('linear', CASES, run);
