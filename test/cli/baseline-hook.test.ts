/** Baselines: what is new since a recorded state. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBaseline, parseBaseline, subtractBaseline } from '../../src/findings/baseline.js';
import type { Finding } from '../../src/findings/finding.js';
import { fakeGithubPat } from '../support/engine-fakes.js';
import { TestRepo } from '../support/git-repo.js';

const repos: TestRepo[] = [];
afterAll(() => repos.forEach((r) => r.remove()));
function repo(): TestRepo {
  const r = new TestRepo();
  repos.push(r);
  return r;
}

function finding(path: string, line: number, fingerprint: string, ruleId = 'github-classic-pat'): Finding {
  return {
    ruleId,
    provider: 'github',
    title: 't',
    severity: 'critical',
    lifetime: 'long-lived',
    confidence: 'high',
    fingerprint,
    redacted: 'ghp_Ab…9xYz',
    location: { source: 'file', path, line, column: 1, endLine: line, endColumn: 40 },
    remediation: 'r',
  };
}

const F1 = `sha256:${'1'.repeat(64)}`;
const F2 = `sha256:${'2'.repeat(64)}`;

describe('baseline', () => {
  it('keeps a moved line old, but makes the same secret in a new file new', () => {
    const baseline = createBaseline([finding('src/a.ts', 10, F1)]);
    const later = [finding('src/a.ts', 42, F1), finding('src/copy.ts', 3, F1), finding('src/a.ts', 50, F2)];
    expect(subtractBaseline(later, baseline).map((f) => `${f.location.path}:${f.location.line}`)).toEqual(['src/copy.ts:3', 'src/a.ts:50']);
  });

  it('is sorted, de-duplicated and holds no raw secret', () => {
    const withSecret = { ...finding('b.ts', 5, F2), secret: fakeGithubPat(1) };
    const baseline = createBaseline([withSecret, finding('a.ts', 9, F1), finding('a.ts', 2, F1)], new Date('2026-01-02T00:00:00Z'));
    expect(baseline.findings.map((e) => `${e.path}:${e.line}`)).toEqual(['a.ts:2', 'b.ts:5']);
    expect(JSON.stringify(baseline)).not.toContain(fakeGithubPat(1));
  });

  it('rejects malformed files and files with raw secrets', () => {
    expect(parseBaseline({ version: 2, findings: [] })).toMatch(/version/);
    expect(parseBaseline({ version: 1, findings: [{ ruleId: 'x' }] })).toMatch(/findings\[0\]/);
    expect(parseBaseline({ version: 1, findings: [{ ruleId: 'x', fingerprint: F1, path: 'p', secret: 's' }] })).toMatch(/raw secrets/);
  });

  it('works end to end: baseline create, then scan --baseline reports only new findings', () => {
    const r = repo();
    r.commit('one', { 'a.env': `T=${fakeGithubPat(11)}\n` });
    const cli = path.resolve('bin/sprawlguard.js');
    if (!existsSync(path.resolve('lib/cli/main.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json']);
    execFileSync('node', [cli, 'baseline', 'create', '-q'], { cwd: r.dir });
    const saved = JSON.parse(readFileSync(path.join(r.dir, '.sprawlguard-baseline.json'), 'utf8'));
    expect(saved.findings).toHaveLength(1);
    const clean = spawnSync('node', [cli, 'scan', '--baseline', '.sprawlguard-baseline.json', '-q'], { cwd: r.dir });
    expect(clean.status).toBe(0);
    writeFileSync(path.join(r.dir, 'b.env'), `T=${fakeGithubPat(11)}\n`);
    const copied = spawnSync('node', [cli, 'scan', '--baseline', '.sprawlguard-baseline.json', '--format', 'json', '-q'], { cwd: r.dir, encoding: 'utf8' });
    expect(copied.status).toBe(1);
    expect(JSON.parse(copied.stdout).findings.map((f: Finding) => f.location.path)).toEqual(['b.env']);
  });
});
