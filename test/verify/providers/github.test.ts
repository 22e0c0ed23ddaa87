/**
 * GitHub's verification module against a fake GitHub API: the contract every provider module keeps
 * (contract.ts), and what is particular to GitHub.
 */
import { describe, expect, it } from 'vitest';
import { fakeGithubPat, fakeGithubToken } from '../../support/fake-secrets.js';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { on, useFakeProvider, verifyContract, type Case } from './contract.js';

const CASES: Case[] = [
  {
    name: 'GitHub classic PAT',
    provider: 'github',
    secret: fakeGithubPat(101),
    live: on('GET', '/user', json(200, { login: 'octo-synth', id: 4242, type: 'User' }, { 'X-OAuth-Scopes': 'repo, gist', 'github-authentication-token-expiration': '2027-01-01 00:00:00 UTC' })),
    dead: on('GET', '/user', json(401, { message: 'Bad credentials' })),
    request: (req, secret) => {
      expect(req.headers.authorization).toBe(`token ${secret}`);
      expect(req.headers.accept).toBe('application/vnd.github+json');
    },
    identity: { login: 'octo-synth', id: '4242', scopes: 'repo, gist', expires: '2027-01-01 00:00:00 UTC' },
  },
  {
    name: 'GitHub installation token',
    provider: 'github',
    secret: join('ghs', '_', body(102, 36)),
    live: on('GET', '/installation/repositories', json(200, { total_count: 3, repositories: [] })),
    dead: on('GET', '/installation/repositories', json(401, { message: 'Bad credentials' })),
    request: (req, secret) => expect(req.headers.authorization).toBe(`token ${secret}`),
    identity: { repositories: '3' },
  },
];

const { run } = useFakeProvider();

verifyContract('github', CASES, run);

describe('provider-specific verdicts', () => {
  const github = CASES[0] as Case;

  it('GitHub: 403 with SSO enforcement is live, a spent rate limit is unknown', async () => {
    const sso = await run(github, () => json(403, { message: 'Resource protected by organization SAML enforcement.' }, { 'X-GitHub-SSO': 'required; url=https://github.com/orgs/o/sso' }));
    expect(sso.result.status).toBe('live');
    const limited = await run(github, () => json(403, { message: 'API rate limit exceeded' }, { 'X-RateLimit-Remaining': '0' }));
    expect(limited.result).toMatchObject({ status: 'unknown', reason: expect.stringContaining('rate limit') });
  });

  it('GitHub: refresh tokens are unverifiable and never sent', async () => {
    const c: Case = { ...github, secret: fakeGithubToken('ghr', 5) };
    const { result, requests } = await run(c, github.live);
    expect(result).toMatchObject({ status: 'unknown', unverifiable: true });
    expect(requests).toEqual([]);
  });

  it('GitHub: a 200 without login and id is not taken as live', async () => {
    const { result } = await run(github, () => json(200, { message: 'ok' }));
    expect(result.status).toBe('unknown');
  });
});
