/**
 * The Action's fail level counts incidents only (docs/context.md): a pull request that adds a
 * generic password to a test fixture passes with a notice on the line; the same password in source
 * fails the step. Secrets are generated at run time.
 */
import { describe, expect, it } from 'vitest';
import { base62Body } from '../support/fake-secrets.js';
import { FakeGithub } from './fake-github.js';
import { runAction } from './harness.js';
import { newRepo, pullRequestPayload } from './scenario.js';

const PASSWORD_LINE = `db_pass${'word'} = "${base62Body(21, 18)}"\n`;

async function pullRequestAdding(files: Record<string, string>, options: { apiUrl?: string } = {}) {
  const repo = newRepo();
  repo.commit('base', { 'README.md': 'widgets\n' });
  const base = repo.head();
  repo.git('checkout', '-q', '-b', 'feature');
  const head = repo.commit('add files', files);
  const payload = pullRequestPayload({ number: 3, base, head, commits: 1 });
  if (options.apiUrl !== undefined) return runAction({ workspace: repo.dir, event: 'pull_request', payload, env: { GITHUB_API_URL: options.apiUrl } });
  return runAction({ workspace: repo.dir, event: 'pull_request', payload, inputs: { comment: 'false' } });
}

describe('fail-level and fixtures', () => {
  it('a generic password in a test fixture is a notice and does not fail the step', async () => {
    const run = await pullRequestAdding({ 'tests/fixtures/users.env': PASSWORD_LINE });
    expect(run.result.error).toBeUndefined();
    expect(run.exitCode ?? 0).toBe(0);
    expect(run.result).toMatchObject({ passed: true, newFindings: 1, failing: 0 });
    const onLines = run.annotations.filter((a) => a.properties.file);
    expect(onLines.map((a) => [a.command, a.properties.file])).toEqual([['notice', 'tests/fixtures/users.env']]);
  }, 120_000);

  it('a pull request that adds only fixtures gets no comment', async () => {
    const api = await new FakeGithub().start();
    try {
      const run = await pullRequestAdding({ 'docs/setup.md': `Connect with:\n\n    ${PASSWORD_LINE}` }, { apiUrl: api.url });
      expect(run.exitCode ?? 0).toBe(0);
      expect(run.result.comment).toBe('skipped');
      expect(api.writes()).toEqual([]);
    } finally {
      await api.stop();
    }
  }, 120_000);

  it('the comment headline counts incidents and names fixtures apart', async () => {
    const api = await new FakeGithub().start();
    try {
      const run = await pullRequestAdding({ 'app/users.env': PASSWORD_LINE, 'tests/fixtures/users.env': `db_pass${'word'} = "${base62Body(22, 18)}"\n` }, { apiUrl: api.url });
      expect(run.exitCode).toBe(1);
      const body = api.writes()[0]?.body?.body ?? '';
      expect(body).toContain('sprawlguard found 1 new secret in this pull request (and 1 fixture finding in test, docs or example files)');
    } finally {
      await api.stop();
    }
  }, 120_000);

  it('the same password in source fails it', async () => {
    const run = await pullRequestAdding({ 'app/users.env': PASSWORD_LINE });
    expect(run.exitCode).toBe(1);
    expect(run.result).toMatchObject({ passed: false, failing: 1 });
    expect(run.annotations.filter((a) => a.properties.file).map((a) => a.command)).toEqual(['error']);
  }, 120_000);
});
