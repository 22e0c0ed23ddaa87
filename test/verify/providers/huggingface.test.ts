/**
 * Hugging Face's verification module against a fake Hugging Face API: the contract every provider module keeps
 * (contract.ts).
 */
import { expect } from 'vitest';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { on, useFakeProvider, verifyContract, type Case } from './contract.js';

const CASES: Case[] = [
  {
    name: 'Hugging Face token',
    provider: 'huggingface',
    secret: join('hf', '_', body(120, 34)),
    live: on('GET', '/api/whoami-v2', json(200, { type: 'user', name: 'synth-ml', auth: { type: 'access_token', accessToken: { displayName: 'ci', role: 'write' } } })),
    dead: on('GET', '/api/whoami-v2', json(401, { error: 'Invalid credentials in Authorization header' })),
    request: (req, secret) => expect(req.headers.authorization).toBe(`Bearer ${secret}`),
    identity: { name: 'synth-ml', tokenName: 'ci', role: 'write' },
  },
];

const { run } = useFakeProvider();

verifyContract('huggingface', CASES, run);
