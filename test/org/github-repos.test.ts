/**
 * Listing an organization's repositories against a fake GitHub REST API on 127.0.0.1: pagination
 * through Link headers, filters, rate limits (waited out through an injected pause), and errors.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GithubApiError, listOrgRepos, rateLimitWaitMs, type GithubListOptions } from '../../src/org/github-repos.js';
import { startFakeGithub, type FakeGithub, type FakeRepo } from '../support/inventory-fixtures.js';

const servers: FakeGithub[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const TOKEN = ['test', 'token', 'for', 'fake', 'api'].join('-');

function repos(n: number): FakeRepo[] {
  return Array.from({ length: n }, (_x, i) => ({
    full_name: `acme/service-${String(i).padStart(3, '0')}`,
    clone_url: `https://github.invalid/acme/service-${i}.git`,
    default_branch: 'main',
    pushed_at: `2026-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`,
    size: 10 + i,
  }));
}

async function serve(list: FakeRepo[], options?: Parameters<typeof startFakeGithub>[2]): Promise<FakeGithub> {
  const server = await startFakeGithub('acme', list, options);
  servers.push(server);
  return server;
}

function listing(server: FakeGithub, extra: Partial<GithubListOptions> = {}): { options: GithubListOptions; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    options: {
      org: 'acme',
      apiUrl: server.url,
      token: TOKEN,
      now: () => Date.parse('2026-02-01T00:00:00Z'),
      sleep: async (ms) => {
        waits.push(ms);
      },
      ...extra,
    },
  };
}

describe('listing an organization', () => {
  it('follows Link rel="next" through every page and sends the token only to the API', async () => {
    const server = await serve(repos(7), { perPage: 3 });
    const { options } = listing(server);
    const listed = await listOrgRepos(options);
    expect(listed.pages).toBe(3);
    expect(listed.targets.map((t) => t.name)).toEqual(repos(7).map((r) => r.full_name));
    expect(listed.targets[2]).toEqual({
      name: 'acme/service-002',
      location: 'https://github.invalid/acme/service-2.git',
      kind: 'url',
      defaultBranch: 'main',
      pushedAt: '2026-01-03T00:00:00Z',
      sizeKb: 12,
    });
    expect(server.requests.map((r) => r.path)).toEqual([
      '/api/v3/orgs/acme/repos?type=all&sort=full_name&per_page=100',
      '/api/v3/orgs/acme/repos?type=all&sort=full_name&per_page=100&page=2',
      '/api/v3/orgs/acme/repos?type=all&sort=full_name&per_page=100&page=3',
    ]);
    expect(server.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('never follows a next link to another origin (the token would go with it)', async () => {
    const server = await serve(repos(2), { extraLink: 'http://127.0.0.2:9/api/v3/orgs/acme/repos?page=2' });
    const listed = await listOrgRepos(listing(server).options);
    expect(listed.pages).toBe(1);
    expect(listed.targets).toHaveLength(2);
  });

  it('leaves out forks and archived repositories unless asked, and disabled ones always', async () => {
    const list: FakeRepo[] = [
      { full_name: 'acme/app', clone_url: 'https://github.invalid/acme/app.git' },
      { full_name: 'acme/app-fork', clone_url: 'https://github.invalid/acme/app-fork.git', fork: true },
      { full_name: 'acme/old', clone_url: 'https://github.invalid/acme/old.git', archived: true },
      { full_name: 'acme/off', clone_url: 'https://github.invalid/acme/off.git', disabled: true },
    ];
    const server = await serve(list);
    const plain = await listOrgRepos(listing(server).options);
    expect(plain.targets.map((t) => t.name)).toEqual(['acme/app']);
    expect(plain.skipped).toEqual([
      { name: 'acme/app-fork', reason: 'fork' },
      { name: 'acme/old', reason: 'archived' },
      { name: 'acme/off', reason: 'disabled' },
    ]);
    const all = await listOrgRepos(listing(server, { includeForks: true, includeArchived: true }).options);
    expect(all.targets.map((t) => t.name)).toEqual(['acme/app', 'acme/app-fork', 'acme/old']);
  });
});

describe('rate limits and errors', () => {
  it('waits out a 403 with Retry-After and a 429 with X-RateLimit-Reset, then carries on', async () => {
    const server = await serve(repos(4), { perPage: 2 });
    const resetAt = Date.parse('2026-02-01T00:00:30Z') / 1000;
    server.queue.push(
      { status: 403, headers: { 'retry-after': '7', 'x-ratelimit-remaining': '10' }, body: { message: 'You have exceeded a secondary rate limit' } },
      { status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(resetAt) }, body: { message: 'API rate limit exceeded' } },
    );
    const { options, waits } = listing(server);
    const listed = await listOrgRepos(options);
    expect(listed.targets).toHaveLength(4);
    // Retry-After in seconds; the reset time plus a second of margin.
    expect(waits).toEqual([7000, 31000]);
  });

  it('gives up with the time to come back when the wait is longer than allowed', async () => {
    const server = await serve(repos(1));
    server.queue.push({ status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Date.parse('2026-02-01T02:00:00Z') / 1000) } });
    await expect(listOrgRepos(listing(server, { maxWaitMs: 60_000 }).options)).rejects.toThrow(/rate limited until 2026-02-01T02:00:01/);
  });

  it('explains a 404 (no such organization) and a 403 that is a permission problem, not a rate limit', async () => {
    const server = await serve(repos(1));
    const missing = listOrgRepos({ ...listing(server).options, org: 'nobody' });
    await expect(missing).rejects.toThrow(GithubApiError);
    await expect(missing).rejects.toThrow(/HTTP 404 \(Not Found\): no organization "nobody" here, or the token cannot see it/);

    server.queue.push({ status: 403, headers: { 'x-ratelimit-remaining': '4000' }, body: { message: 'Resource protected by organization SAML enforcement' } });
    const { options, waits } = listing(server);
    await expect(listOrgRepos(options)).rejects.toThrow(/HTTP 403 \(Resource protected by organization SAML enforcement\): the token may not list acme's repositories/);
    expect(waits).toEqual([]);
  });

  it('retries server errors with growing pauses', async () => {
    const server = await serve(repos(1));
    server.queue.push({ status: 502 }, { status: 503 });
    const { options, waits } = listing(server);
    expect((await listOrgRepos(options)).targets).toHaveLength(1);
    expect(waits).toEqual([1000, 2000]);
  });

  it('reads the wait from the headers GitHub documents', () => {
    const response = (status: number, headers: Record<string, string>) => ({ status, headers: new Headers(headers) });
    expect(rateLimitWaitMs(response(403, { 'retry-after': '3' }), 0)).toBe(3000);
    expect(rateLimitWaitMs(response(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '100' }), 90_000)).toBe(11_000);
    expect(rateLimitWaitMs(response(429, {}), 0)).toBe(60_000);
    expect(rateLimitWaitMs(response(403, { 'x-ratelimit-remaining': '12' }), 0, '{"message":"Must have admin rights"}')).toBeUndefined();
  });
});
