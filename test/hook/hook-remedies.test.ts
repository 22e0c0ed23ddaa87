/**
 * Each way out that the block message offers, followed literally after a real blocked `git commit`:
 * the next `git commit` must go through (and only for the secret that was accepted).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { commit, expectBlocked, install, leak, project, type Project } from '../support/hook-project.js';

/** A repository with the hook installed and a commit blocked by a staged secret. */
async function blocked(seed: number): Promise<{ p: Project; secret: string; output: string }> {
  const p = project();
  expect((await install(p)).code).toBe(0);
  const { secret, text } = leak(seed);
  const result = commit(p, { 'config/app.env': text });
  expectBlocked(result, 'config/app.env', secret);
  return { p, secret, output: result.output };
}

/** Retry the commit with what is staged now. */
const retry = (p: Project, args: string[] = []) => commit(p, {}, {}, args);

describe('the block message', () => {
  it('`sprawlguard:allow` in a comment on the line, staged, lets the commit through', async () => {
    const { p, secret, output } = await blocked(31);
    expect(output).toContain('`sprawlguard:allow` in a comment on the line');
    const result = commit(p, { 'config/app.env': `GITHUB_TOKEN=${secret} # sprawlguard:allow\n` });
    expect(result.status, result.output).toBe(0);
  });

  it('the printed .sprawlguard.yaml allowlist, written as printed, lets the commit through', async () => {
    const { p, output } = await blocked(32);
    const start = output.indexOf('        allowlist:');
    const lines = output.slice(start).split('\n');
    const yaml = lines.slice(0, lines.findIndex((l, i) => i > 2 && !l.startsWith('            - ')));
    writeFileSync(path.join(p.repo.dir, '.sprawlguard.yaml'), `${yaml.join('\n')}\n`);
    const result = retry(p);
    expect(result.status, result.output).toBe(0);
  });

  it('`sprawlguard baseline create --staged` run in a subdirectory, then commit again, lets the commit through; a new secret is still blocked', async () => {
    const { p, output } = await blocked(33);
    expect(output).toContain('`sprawlguard baseline create --staged`');
    const created = await runCli(['baseline', 'create', '--staged'], { cwd: path.join(p.repo.dir, 'config') });
    expect(created.code, created.stderr).toBe(0);
    const baseline = JSON.parse(readFileSync(path.join(p.repo.dir, '.sprawlguard-baseline.json'), 'utf8')) as { findings: { path: string }[] };
    expect(baseline.findings.map((f) => f.path)).toEqual(['config/app.env']);
    const accepted = retry(p);
    expect(accepted.status, accepted.output).toBe(0);
    // A second accepted change keeps the first one's entry.
    const next = leak(34);
    expectBlocked(commit(p, { 'config/other.env': next.text }), 'config/other.env', next.secret);
    expect((await runCli(['baseline', 'create', '--staged'], { cwd: p.repo.dir })).code).toBe(0);
    const both = JSON.parse(readFileSync(path.join(p.repo.dir, '.sprawlguard-baseline.json'), 'utf8')) as { findings: { path: string }[] };
    expect(both.findings.map((f) => f.path)).toEqual(['config/app.env', 'config/other.env']);
    expect(retry(p).status).toBe(0);
    const fresh = leak(35);
    expectBlocked(commit(p, { 'config/third.env': fresh.text }), 'config/third.env', fresh.secret);
  });

  it('`git commit --no-verify` lets the commit through', async () => {
    const { p, output } = await blocked(36);
    expect(output).toContain('`git commit --no-verify`');
    expect(retry(p, ['--no-verify']).status).toBe(0);
  });
});

describe('baselines the hook reads', () => {
  it('the config key `baseline:` names the file, relative to the config', async () => {
    const p = project();
    expect((await install(p)).code).toBe(0);
    const { secret, text } = leak(37);
    p.repo.write('.sprawlguard.yaml', 'baseline: security/accepted.json\n');
    p.repo.write('security/.keep', '');
    expectBlocked(commit(p, { 'config/app.env': text }), 'config/app.env', secret);
    // baseline create follows the config key too, and the hook reads the file from there.
    const created = await runCli(['baseline', 'create', '--staged'], { cwd: p.repo.dir });
    expect(created.stderr).toContain(path.join('security', 'accepted.json'));
    expect(existsSync(path.join(p.repo.dir, '.sprawlguard-baseline.json'))).toBe(false);
    const accepted = retry(p);
    expect(accepted.status, accepted.output).toBe(0);
  });

  it('a baseline the config names that does not exist yet is reported and hides nothing', async () => {
    const p = project();
    const { secret, text } = leak(38);
    p.repo.write('.sprawlguard.yaml', 'baseline: missing.json\n');
    p.repo.write('app.env', text);
    p.repo.git('add', '-A');
    const r = await runCli(['scan', '--staged'], { cwd: p.repo.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('missing.json');
    expect(r.stdout).toContain('app.env');
    expect(r.stdout + r.stderr).not.toContain(secret);
  });
});
