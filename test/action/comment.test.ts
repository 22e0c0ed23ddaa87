/**
 * The sticky pull-request comment against a fake GitHub REST API on 127.0.0.1: created once,
 * updated in place (found across pages of existing comments), marked resolved when the PR is clean,
 * and a read-only fork token degrading to a notice without changing the check's result.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { COMMENT_LIMIT_CHARS, COMMENT_MARKER } from '../../src/action/present.js';
import { FakeGithub } from './fake-github.js';
import { leaks, runAction } from './harness.js';
import { newRepo, pat, pullRequestPayload } from './scenario.js';

const servers: FakeGithub[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function fakeGithub(options: ConstructorParameters<typeof FakeGithub>[0] = {}): Promise<FakeGithub> {
  const server = await new FakeGithub(options).start();
  servers.push(server);
  return server;
}

/** A repository with a PR branch that adds `secrets` (one per line) on top of main. */
function pullRequest(secrets: string[]) {
  const repo = newRepo();
  const base = repo.commit('base', { 'README.md': 'widgets\n' });
  repo.git('checkout', '-q', '-b', 'feature');
  const head = repo.commit('add', { 'deploy/tokens.env': secrets.map((s, i) => `TOKEN_${i}=${s}`).join('\n') + '\n' });
  return { repo, base, head };
}

describe('sticky pull-request comment', () => {
  it('is created once, then updated in place, and says when everything is resolved', async () => {
    const api = await fakeGithub();
    const secret = pat(70);
    const { repo, base, head } = pullRequest([secret]);
    const env = { GITHUB_API_URL: api.url };

    const first = await runAction({ workspace: repo.dir, event: 'pull_request', payload: pullRequestPayload({ number: 5, base, head }), env });
    expect(first.result.comment).toBe('created');
    const created = api.writes();
    expect(created.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /repos/octo-org/widgets/issues/5/comments']);
    expect(created[0]?.authorization).toBe('token test-token-for-fake-api');
    const body = created[0]?.body?.body ?? '';
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(body).toContain('sprawlguard found 1 new secret');
    expect(body).toContain(`${secret.slice(0, 6)}…${secret.slice(-4)}`);
    expect(body).toContain('https://github.invalid/octo-org/widgets/actions/runs/4242');
    expect(body).not.toContain(secret);
    expect(first.exitCode).toBe(1);

    // The author rewrites the branch without the secret.
    repo.git('checkout', '-q', '--detach', base);
    const fixed = repo.commit('add without secret', { 'deploy/tokens.env': 'TOKEN_0=${{ secrets.DEPLOY }}\n' });
    api.requests.length = 0;
    const second = await runAction({ workspace: repo.dir, event: 'pull_request', payload: pullRequestPayload({ number: 5, base, head: fixed }), env });
    expect(second.result.comment).toBe('updated');
    expect(second.exitCode).toBeUndefined();
    const writes = api.writes();
    expect(writes.map((r) => r.method)).toEqual(['PATCH']);
    expect(writes[0]?.path).toMatch(/^\/repos\/octo-org\/widgets\/issues\/comments\/\d+$/);
    expect(writes[0]?.body?.body).toContain('no new secrets in this pull request');
    expect(writes[0]?.body?.body).toContain('Everything reported earlier is resolved');
    expect(api.comments.get(5)).toHaveLength(1);

    // A re-run on the same commit leaves the comment alone.
    api.requests.length = 0;
    const third = await runAction({ workspace: repo.dir, event: 'pull_request', payload: pullRequestPayload({ number: 5, base, head: fixed }), env });
    expect(third.result.comment).toBe('unchanged');
    expect(api.writes()).toEqual([]);
  });

  it('finds its comment on the second page of 150 and updates that one', async () => {
    const api = await fakeGithub();
    api.seed(6, 150, { at: 119, body: `${COMMENT_MARKER}\nold findings` });
    const stickyId = api.comments.get(6)?.find((c) => c.body.startsWith(COMMENT_MARKER))?.id;
    const { repo, base, head } = pullRequest([pat(71)]);

    const run = await runAction({ workspace: repo.dir, event: 'pull_request', payload: pullRequestPayload({ number: 6, base, head }), env: { GITHUB_API_URL: api.url } });
    expect(run.result.comment).toBe('updated');
    const pages = api.requests.filter((r) => r.method === 'GET').map((r) => `${r.query.get('per_page')}:${r.query.get('page') ?? '1'}`);
    expect(pages).toEqual(['100:1', '100:2']);
    expect(api.writes().map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /repos/octo-org/widgets/issues/comments/${stickyId}`]);
    expect(api.comments.get(6)).toHaveLength(151);
  });

  it('a clean PR without an earlier comment gets none', async () => {
    const api = await fakeGithub();
    api.seed(7, 3);
    const { repo, base, head } = pullRequest([]);
    const run = await runAction({ workspace: repo.dir, event: 'pull_request', payload: pullRequestPayload({ number: 7, base, head }), env: { GITHUB_API_URL: api.url } });
    expect(run.result).toMatchObject({ passed: true, comment: 'skipped' });
    expect(api.writes()).toEqual([]);
  });

  it('on a fork PR (read-only token) degrades to a notice; annotations, summary and failure stand', async () => {
    const api = await fakeGithub({ readOnly: true });
    const secret = pat(72);
    const { repo, base, head } = pullRequest([secret]);
    const run = await runAction({
      workspace: repo.dir,
      event: 'pull_request',
      payload: pullRequestPayload({ number: 8, base, head, fork: true }),
      env: { GITHUB_API_URL: api.url },
    });
    expect(run.result.comment).toBe('forbidden');
    const notice = run.annotations.find((a) => a.command === 'notice');
    expect(notice?.message).toContain('it comes from a fork, whose token is read-only');
    expect(run.annotations.filter((a) => a.command === 'error' && a.properties.file === 'deploy/tokens.env')).toHaveLength(1);
    expect(run.summary).toContain('1 new finding');
    expect(run.exitCode).toBe(1);
    expect(run.outputs['new-findings']).toBe('1');
    expect(leaks(run, [secret])).toEqual([]);
  });

  it('stays within GitHub’s 65,536-character limit however many findings there are', async () => {
    const api = await fakeGithub();
    const secrets = Array.from({ length: 400 }, (_, i) => pat(1000 + i));
    const { repo, base, head } = pullRequest(secrets);
    const run = await runAction({ workspace: repo.dir, event: 'pull_request', payload: pullRequestPayload({ number: 9, base, head }), env: { GITHUB_API_URL: api.url } });
    const body = api.writes()[0]?.body?.body ?? '';
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT_CHARS);
    expect(body).toMatch(/…and \d+ more: see the job summary/);
    // The summary (1 MiB) still lists all of them.
    expect(run.summary.split('\n').filter((line) => line.startsWith('| 🔴'))).toHaveLength(400);
    expect(leaks(run, secrets)).toEqual([]);
  });

  it('comment: false posts nothing', async () => {
    const api = await fakeGithub();
    const { repo, base, head } = pullRequest([pat(73)]);
    const run = await runAction({ workspace: repo.dir, event: 'pull_request', payload: pullRequestPayload({ number: 10, base, head }), inputs: { comment: 'false' }, env: { GITHUB_API_URL: api.url } });
    expect(run.result.comment).toBeUndefined();
    expect(api.requests).toEqual([]);
  });
});
