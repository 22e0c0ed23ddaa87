/**
 * End-to-end: the built CLI verifying and revoking against fake GitHub and Slack APIs on 127.0.0.1
 * (pointed at with SPRAWLGUARD_API_BASE_*), reading secrets back from files and git history, and
 * checking its audit log. Every output, error and audit line is searched for the raw secrets.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseJsonReport, runCli, type CliResult } from '../support/cli.js';
import { fakeGithubPat } from '../support/fake-secrets.js';
import { TestRepo } from '../support/git-repo.js';
import { makeTempDir, makeTree } from '../support/temp.js';
import { json, startFakeServer, type FakeServer, type RecordedRequest, type Reply } from './fake-server.js';
import { body, join } from './helpers.js';

const PAT = fakeGithubPat(601);
const DEAD_PAT = fakeGithubPat(602);
const SLACK = join('xoxb', '-', body(603, 12, 'digits'), '-', body(604, 12, 'digits'), '-', body(605, 24));
const SECRETS = [PAT, DEAD_PAT, SLACK];

const live = new Set<string>();
function fakeApi(req: RecordedRequest): Reply {
  const auth = String(req.headers.authorization ?? '').replace(/^(?:token|Bearer) /, '');
  switch (`${req.method} ${req.path}`) {
    case 'GET /user':
      return live.has(auth) ? json(200, { login: 'octo-synth', id: 7 }, { 'X-OAuth-Scopes': 'repo' }) : json(401, { message: 'Bad credentials' });
    case 'POST /credentials/revoke':
      for (const c of (JSON.parse(req.body) as { credentials: string[] }).credentials) live.delete(c);
      return { status: 202 };
    case 'POST /api/auth.test':
      return json(200, live.has(auth) ? { ok: true, team: 'Synth', user: 'bot' } : { ok: false, error: 'invalid_auth' });
    case 'POST /api/auth.revoke':
      live.delete(auth);
      return json(200, { ok: true, revoked: true });
    default:
      return json(404, {});
  }
}

let server: FakeServer;
let project: string;
let work: string;
let report: string;

beforeAll(async () => {
  server = await startFakeServer(fakeApi);
  project = makeTree({
    'app/settings.env': `GITHUB_TOKEN=${PAT}\nSLACK_BOT=${SLACK}\n`,
    'deploy/ci.env': `# same token, second copy\nTOKEN=${PAT}\nOLD=${DEAD_PAT}\n`,
  });
  work = makeTempDir();
  report = path.join(work, 'report.json');
  const scan = await runCli(['scan', project, '--format', 'json', '--output', report]);
  expect(scan.code, scan.stderr).toBe(1);
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  live.clear();
  live.add(PAT);
  live.add(SLACK);
  server.requests.length = 0;
});

function env(auditLog: string): Record<string, string> {
  return { SPRAWLGUARD_API_BASE_GITHUB: server.url, SPRAWLGUARD_API_BASE_SLACK: server.url, SPRAWLGUARD_AUDIT_LOG: auditLog };
}

function expectNoSecrets(...texts: string[]): void {
  for (const text of texts) for (const secret of SECRETS) expect(text).not.toContain(secret);
}

function output(result: CliResult): string {
  return `${result.stdout}\n${result.stderr}`;
}

describe('sprawlguard verify', () => {
  it('re-reads each secret from the report’s locations, checks each distinct one once, and marks every copy', async () => {
    const audit = path.join(work, 'verify-audit.jsonl');
    const result = await runCli(['verify', report, '--root', project], { env: env(audit) });
    expect(result.code, result.stderr).toBe(1); // a live secret was found
    const findings = parseJsonReport(result).findings;
    const byRule = findings.map((f) => [f.location.path, (f.verification as { status: string }).status]);
    expect(byRule.sort()).toEqual([
      ['app/settings.env', 'live'],
      ['app/settings.env', 'live'],
      ['deploy/ci.env', 'dead'],
      ['deploy/ci.env', 'live'],
    ]);
    expect(findings.find((f) => f.ruleId === 'github-classic-pat' && f.location.path === 'deploy/ci.env' && (f.verification as { status: string }).status === 'live')?.verification).toMatchObject({
      identity: 'login=octo-synth, id=7, scopes=repo',
    });
    expect(server.requests.filter((r) => r.path === '/user')).toHaveLength(2); // PAT once (two copies), DEAD_PAT once
    expect(result.stderr).toContain('SPRAWLGUARD_API_BASE_GITHUB is set');
    expect(result.stderr.match(/SPRAWLGUARD_API_BASE_GITHUB is set/g)).toHaveLength(1);
    expect(result.stderr).toContain('verified 3 secrets (4 findings): 2 live, 1 dead, 0 unknown');
    const auditText = readFileSync(audit, 'utf8');
    expect(auditText.trim().split('\n')).toHaveLength(3);
    expectNoSecrets(output(result), auditText);
  });

  it('does not use text that no longer matches the fingerprint', async () => {
    const copy = makeTree({ 'app/settings.env': `GITHUB_TOKEN=${fakeGithubPat(699)}\n`, 'deploy/ci.env': '' });
    const result = await runCli(['verify', report, '--root', copy, '--rule', 'github-classic-pat'], { env: env(path.join(work, 'stale.jsonl')) });
    expect(result.code, result.stderr).toBe(0);
    const verdicts = parseJsonReport(result).findings.map((f) => f.verification as { status: string; reason: string });
    expect(verdicts.every((v) => v.status === 'unknown' && v.reason.startsWith('cannot re-read the secret'))).toBe(true);
    expect(server.requests).toEqual([]);
  });

  it('uses a secret written in the report only if it matches the fingerprint', async () => {
    const data = JSON.parse(readFileSync(report, 'utf8')) as { findings: { ruleId: string; secret?: string }[] };
    const pats = data.findings.filter((f) => f.ruleId === 'github-classic-pat');
    for (const f of pats) f.secret = fakeGithubPat(698);
    const forged = path.join(work, 'forged.json');
    writeFileSync(forged, JSON.stringify({ ...data, findings: pats }));
    const result = await runCli(['verify', forged, '--root', project], { env: env(path.join(work, 'forged.jsonl')) });
    expect(result.code, result.stderr).toBe(0);
    const reasons = parseJsonReport(result).findings.map((f) => (f.verification as { reason: string }).reason);
    expect(reasons.every((r) => r === 'the secret in the report does not match its fingerprint')).toBe(true);
    expect(server.requests).toEqual([]);
  });

  it('exits 2 with a clear message for a file that is not a JSON report', async () => {
    const bad = path.join(work, 'bad.json');
    writeFileSync(bad, '{"findings": 3}');
    const result = await runCli(['verify', bad], { env: env(path.join(work, 'bad.jsonl')) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not a sprawlguard JSON report');
  });
});

describe('sprawlguard scan --verify', () => {
  it('attaches verdicts to the scan’s findings and keeps secrets out of the output', async () => {
    const audit = path.join(work, 'scan-audit.jsonl');
    const result = await runCli(['scan', project, '--verify', '--format', 'json'], { env: env(audit) });
    expect(result.code, result.stderr).toBe(1);
    const statuses = parseJsonReport(result).findings.map((f) => (f.verification as { status: string }).status);
    expect(statuses.sort()).toEqual(['dead', 'live', 'live', 'live']);
    expect(parseJsonReport(result).findings.every((f) => f.secret === undefined)).toBe(true);
    expectNoSecrets(output(result), readFileSync(audit, 'utf8'));
  });
});

describe('sprawlguard revoke', () => {
  it('is a dry run by default: says what it would do, changes nothing, exits 0', async () => {
    const audit = path.join(work, 'dry.jsonl');
    const result = await runCli(['revoke', report, '--root', project], { env: env(audit) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('dry run (nothing was changed; add --confirm to act)');
    expect(result.stdout).toMatch(/would revoke: POST \/credentials\/revoke/);
    expect(result.stdout).toMatch(/would revoke: POST auth\.revoke/);
    expect(result.stdout).toContain('(2 copies)');
    expect(result.stdout).toMatch(/skipped: nothing to revoke/);
    expect(server.requests.some((r) => r.path === '/credentials/revoke' || r.path === '/api/auth.revoke')).toBe(false);
    expect(live.has(PAT)).toBe(true);
    expectNoSecrets(output(result), readFileSync(audit, 'utf8'));
  });

  it('with --confirm revokes the live secrets, confirms each by a re-check, and logs it all', async () => {
    const audit = path.join(work, 'confirm.jsonl');
    const result = await runCli(['revoke', report, '--root', project, '--confirm', '--format', 'json'], { env: env(audit) });
    expect(result.code, result.stderr).toBe(0);
    const { dryRun, results } = JSON.parse(result.stdout) as { dryRun: boolean; results: { status: string; providerName: string }[] };
    expect(dryRun).toBe(false);
    expect(results.map((r) => `${r.providerName}:${r.status}`).sort()).toEqual(['github:not-live', 'github:revoked', 'slack:revoked']);
    expect(live.size).toBe(0);
    const auditText = readFileSync(audit, 'utf8');
    const outcomes = auditText.trim().split('\n').map((l) => (JSON.parse(l) as { action: string; outcome: string }));
    expect(outcomes.filter((e) => e.action === 'revoke').map((e) => e.outcome)).toEqual(['revoked', 'revoked']);
    expectNoSecrets(output(result), auditText);

    const check = await runCli(['audit', 'check', audit]);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/7 entries, chain intact\nhead sha256:[0-9a-f]{64}\n/);
  });

  it('records verdicts and revocations in the sprawl inventory given with --db', async () => {
    const db = path.join(makeTempDir(), 'inventory.db');
    const recorded = await runCli(['scan', project, '--record', '--db', db, '--format', 'json', '--quiet']);
    expect(recorded.code, recorded.stderr).toBe(1);
    const result = await runCli(['revoke', report, '--root', project, '--confirm', '--db', db], { env: env(path.join(work, 'db.jsonl')) });
    expect(result.code, result.stderr).toBe(0);
    const { Inventory } = await import('../../src/inventory/inventory.js');
    const inventory = Inventory.open(db);
    try {
      const statuses = inventory.secrets().map((s) => `${s.ruleId}:${s.status}`);
      expect(statuses.sort()).toEqual(['github-classic-pat:dead', 'github-classic-pat:revoked', 'slack-bot-token:revoked']);
    } finally {
      inventory.close();
    }
  });

  it('selects by --fingerprint', async () => {
    const fingerprint = parseJsonReport({ code: 0, signal: null, stdout: readFileSync(report, 'utf8'), stderr: '' }).findings.find((f) => f.ruleId.startsWith('slack'))?.fingerprint as string;
    const result = await runCli(['revoke', report, '--root', project, '--fingerprint', fingerprint], { env: env(path.join(work, 'fp.jsonl')) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('slack');
    expect(result.stdout).not.toContain('github-classic-pat');
  });
});

describe('sprawlguard audit check', () => {
  it('reports the first broken entry and exits 1', async () => {
    const audit = path.join(work, 'tamper.jsonl');
    const verified = await runCli(['verify', report, '--root', project], { env: env(audit) });
    expect(verified.code).toBe(1);
    const lines = readFileSync(audit, 'utf8').trim().split('\n');
    lines[0] = (lines[0] as string).replace(/"outcome":"[a-z]+"/, '"outcome":"revoked"');
    writeFileSync(audit, `${lines.join('\n')}\n`);
    const result = await runCli(['audit', 'check', audit]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('broken at line 2');
  });

  it('exits 2 when the log cannot be read', async () => {
    const result = await runCli(['audit', 'check', path.join(work, 'missing.jsonl')]);
    expect(result.code).toBe(2);
  });
});

describe('secrets from git history', () => {
  it('re-reads a secret that is gone from the work tree from its commit', async () => {
    const repo = new TestRepo();
    repo.commit('add config', { 'config/app.env': `TOKEN=${PAT}\n` });
    repo.commit('remove it', { 'config/app.env': null });
    const historyReport = path.join(work, 'history.json');
    const scan = await runCli(['scan', '--history', '--repo', repo.dir, '--format', 'json', '--output', historyReport, '--quiet']);
    expect(scan.code, scan.stderr).toBe(1);
    const result = await runCli(['verify', historyReport, '--root', repo.dir], { env: env(path.join(work, 'history.jsonl')) });
    expect(result.code, result.stderr).toBe(1);
    expect(parseJsonReport(result).findings[0]?.verification).toMatchObject({ status: 'live' });
  });
});
