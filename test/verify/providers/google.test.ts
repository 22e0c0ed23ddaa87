/**
 * Google's verification module against a fake Google API: the contract every provider module keeps
 * (contract.ts), and what is particular to Google.
 */
import { describe, expect, it } from 'vitest';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { on, useFakeProvider, verifyContract, type Case } from './contract.js';

const CASES: Case[] = [
  {
    name: 'Google API key',
    provider: 'google',
    secret: join('AIza', 'Sy', body(107, 33, 'b64u')),
    live: on('GET', '/v1/models', json(200, { models: [] })),
    dead: on('GET', '/v1/models', json(400, { error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT', details: [{ reason: 'API_KEY_INVALID' }] } })),
    request: (req, secret) => {
      expect(req.headers['x-goog-api-key']).toBe(secret);
      expect(req.path).not.toContain(secret);
    },
  },
  {
    name: 'Google service-account key',
    provider: 'google',
    secret: join('-----BEGIN PRIVATE', ' KEY-----\\n', body(108, 120, 'b64u'), '\\n-----END PRIVATE', ' KEY-----\\n'),
    companions: { googleClientEmail: 'deployer@synth-project.iam.gserviceaccount.com', googlePrivateKeyId: body(109, 40, 'hex') },
    live: (req) =>
      req.path === `/robot/v1/metadata/x509/${encodeURIComponent('deployer@synth-project.iam.gserviceaccount.com')}`
        ? json(200, { [body(109, 40, 'hex')]: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' })
        : json(404, {}),
    dead: () => json(200, { [body(110, 40, 'hex')]: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' }),
    request: (req, secret) => {
      // This check sends nothing secret at all.
      expect(req.method).toBe('GET');
      expect(JSON.stringify(req)).not.toContain(secret.slice(40, 80));
    },
    identity: { serviceAccount: 'deployer@synth-project.iam.gserviceaccount.com', project: 'synth-project' },
  },
  {
    name: 'Google OAuth access token',
    provider: 'google',
    secret: join('ya29', '.', body(111, 60, 'b64u')),
    live: on('POST', '/tokeninfo', json(200, { azp: '123.apps.googleusercontent.com', scope: 'openid email', expires_in: '1800', email: 'synth@example.org' })),
    dead: on('POST', '/tokeninfo', json(400, { error: 'invalid_token', error_description: 'Invalid Value' })),
    request: (req, secret) => expect(new URLSearchParams(req.body).get('access_token')).toBe(secret),
    identity: { email: 'synth@example.org', expires: '2026-05-01T12:30:00.000Z' },
  },
];

const { run } = useFakeProvider();

verifyContract('google', CASES, run);

describe('provider-specific verdicts', () => {
  it('Google API key: 403 means the key exists but may not call that API', async () => {
    const c = CASES.find((x) => x.name === 'Google API key') as Case;
    const { result } = await run(c, () => json(403, { error: { code: 403, status: 'PERMISSION_DENIED', details: [{ reason: 'SERVICE_DISABLED' }] } }));
    expect(result).toMatchObject({ status: 'live', reason: expect.stringContaining('SERVICE_DISABLED') });
  });
});
