/**
 * A `scan --format json` report records what the scan read (`scan`: source, absolute root and
 * paths), so `verify` and `revoke` find the secrets again from any working directory without
 * `--root`; `--root` still overrides. GitHub is faked on 127.0.0.1.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseJsonReport, runCli } from '../support/cli.js';
import { fakeGithubPat } from '../support/fake-secrets.js';
import { TestRepo } from '../support/git-repo.js';
import { makeTempDir, makeTree } from '../support/temp.js';
import { json, startFakeServer, type FakeServer } from './fake-server.js';

const PAT = fakeGithubPat(611);
const OTHER_PAT = fakeGithubPat(612);
const live = new Set<string>();
let server: FakeServer;

beforeAll(async () => {
  server = await startFakeServer((req) => {
    const auth = String(req.headers.authorization ?? '').replace(/^(?:token|Bearer) /, '');
    if (req.method === 'GET' && req.path === '/user') return live.has(auth) ? json(200, { login: 'octo-synth', id: 7 }) : json(401, { message: 'Bad credentials' });
    return json(404, {});
  });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  live.clear();
  live.add(PAT);
  live.add(OTHER_PAT);
});

const env = (dir: string): Record<string, string> => ({ SPRAWLGUARD_API_BASE_GITHUB: server.url, SPRAWLGUARD_AUDIT_LOG: path.join(dir, 'audit.jsonl') });

interface ScanField {
  source: string;
  root: string;
  paths?: string[];
}

/** `verify REPORT` run from `cwd` (no --root unless given): each finding's path and verdict. */
async function verifyFrom(cwd: string, report: string, extra: string[] = []): Promise<string[]> {
  const result = await runCli(['verify', report, ...extra], { cwd, env: env(cwd) });
  const findings = parseJsonReport(result).findings;
  return findings.map((f) => `${f.location.path}: ${(f.verification as { status: string; reason?: string }).status}`).sort();
}

describe('a report from another working directory', { timeout: 120_000 }, () => {
  it('a directory scan: verify and revoke read the secrets back without --root; --root still overrides', async () => {
    const project = makeTree({ 'app/settings.env': `GITHUB_TOKEN=${PAT}\n`, 'deploy/ci.env': `TOKEN=${OTHER_PAT}\n` });
    const scannedFrom = makeTempDir();
    const report = path.join(scannedFrom, 'report.json');
    const scan = await runCli(['scan', path.relative(scannedFrom, project), '--format', 'json', '--output', report], { cwd: scannedFrom });
    expect(scan.code, scan.stderr).toBe(1);
    const written = JSON.parse(readFileSync(report, 'utf8')) as { scan: ScanField; findings: { location: { path: string } }[] };
    expect(written.scan).toEqual({ source: 'files', root: project, paths: [project] });
    expect(written.findings.map((f) => f.location.path).sort()).toEqual(['app/settings.env', 'deploy/ci.env']);

    const elsewhere = makeTempDir();
    expect(await verifyFrom(elsewhere, report)).toEqual(['app/settings.env: live', 'deploy/ci.env: live']);
    const revoke = await runCli(['revoke', report], { cwd: elsewhere, env: env(elsewhere) });
    expect(revoke.code, revoke.stderr).toBe(0);
    expect(revoke.stdout).not.toContain('ENOENT');
    expect(revoke.stdout.match(/would revoke: /g)).toHaveLength(2);

    // --root wins: a copy where one file changed since the scan.
    const copy = makeTempDir();
    cpSync(project, copy, { recursive: true });
    writeFileSync(path.join(copy, 'deploy', 'ci.env'), 'TOKEN=rotated\n');
    const overridden = await runCli(['verify', report, '--root', copy, '--format', 'json'], { cwd: elsewhere, env: env(elsewhere) });
    const verdicts = parseJsonReport(overridden).findings.map((f) => [f.location.path, (f.verification as { status: string; reason?: string }).status]).sort();
    expect(verdicts).toEqual([['app/settings.env', 'live'], ['deploy/ci.env', 'unknown']]);
    // The verified report keeps the record, so it can be revoked from anywhere too.
    expect((JSON.parse(overridden.stdout) as { scan: ScanField }).scan).toEqual(written.scan);
  });

  it('several paths given relative to the working directory of the scan', async () => {
    const project = makeTree({ 'app/settings.env': `GITHUB_TOKEN=${PAT}\n`, 'deploy/ci.env': `TOKEN=${OTHER_PAT}\n` });
    const report = path.join(makeTempDir(), 'report.json');
    const scan = await runCli(['scan', 'app', 'deploy/ci.env', '--format', 'json', '--output', report], { cwd: project });
    expect(scan.code, scan.stderr).toBe(1);
    expect((JSON.parse(readFileSync(report, 'utf8')) as { scan: ScanField }).scan).toEqual({
      source: 'files',
      root: project,
      paths: [path.join(project, 'app'), path.join(project, 'deploy', 'ci.env')],
    });
    expect(await verifyFrom(makeTempDir(), report)).toEqual(['app/settings.env: live', 'deploy/ci.env: live']);
  });

  it('a history scan: the repository is recorded, and secrets deleted since are read from their commits', async () => {
    const repo = new TestRepo(makeTempDir());
    repo.commit('add config', { 'config/prod.env': `GITHUB_TOKEN=${PAT}\n` });
    repo.commit('remove it', { 'config/prod.env': null });
    const scannedFrom = makeTempDir();
    const report = path.join(scannedFrom, 'history.json');
    const scan = await runCli(['scan', '--history', '--repo', repo.dir, '--format', 'json', '--output', report, '-q'], { cwd: scannedFrom });
    expect(scan.code, scan.stderr).toBe(1);
    expect((JSON.parse(readFileSync(report, 'utf8')) as { scan: ScanField }).scan).toEqual({ source: 'git', root: repo.dir });
    expect(await verifyFrom(makeTempDir(), report)).toEqual(['config/prod.env: live']);
  });

  it('a malformed scan record is a usage error; a report without one reads relative to the working directory', async () => {
    const project = makeTree({ 'settings.env': `GITHUB_TOKEN=${PAT}\n` });
    const report = path.join(makeTempDir(), 'report.json');
    expect((await runCli(['scan', project, '--format', 'json', '--output', report])).code).toBe(1);
    const data = JSON.parse(readFileSync(report, 'utf8')) as Record<string, unknown>;

    const bad = path.join(path.dirname(report), 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...data, scan: { source: 'files', root: 'relative/dir' } }));
    const result = await runCli(['verify', bad], { cwd: project, env: env(project) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.json: "scan" must be { source: files, git or stdin; root: an absolute path }');

    const old = path.join(path.dirname(report), 'old.json');
    const { scan: _scan, ...withoutScan } = data;
    writeFileSync(old, JSON.stringify(withoutScan));
    expect(await verifyFrom(project, old)).toEqual(['settings.env: live']);
  });
});
