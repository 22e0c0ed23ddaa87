/**
 * Anthropic's verification module against a fake Anthropic API: the contract every provider module keeps
 * (contract.ts).
 */
import { expect } from 'vitest';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { on, useFakeProvider, verifyContract, type Case } from './contract.js';

const CASES: Case[] = [
  {
    name: 'Anthropic API key',
    provider: 'anthropic',
    secret: join('sk-ant', '-api03-', body(119, 93, 'b64u'), 'AA'),
    live: on('GET', '/v1/models', json(200, { data: [{ type: 'model', id: 'm1' }], has_more: false })),
    dead: on('GET', '/v1/models', json(401, { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } })),
    request: (req, secret) => {
      expect(req.headers['x-api-key']).toBe(secret);
      expect(req.headers['anthropic-version']).toBe('2023-06-01');
    },
    identity: { kind: 'API key' },
  },
];

const { run } = useFakeProvider();

verifyContract('anthropic', CASES, run);
