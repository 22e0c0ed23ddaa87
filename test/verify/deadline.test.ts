/**
 * A provider that never answers must not hold a scan for half a minute per secret: `--verify-deadline`
 * bounds the whole verification phase (secrets not checked by then are `unknown`, reason
 * "deadline…"), and `scan --verify` takes `--timeout` as `verify` does. Statuses and reasons are
 * asserted, never durations.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonReport, runCli } from '../support/cli.js';
import { fakeGithubPat } from '../support/fake-secrets.js';
import { makeTempDir, makeTree } from '../support/temp.js';
import { json, startFakeServer, type FakeServer, type RecordedRequest, type Reply } from './fake-server.js';
import { body, join } from './helpers.js';

const PATS = [fakeGithubPat(811), fakeGithubPat(812), fakeGithubPat(813)];
const SLACK = join('xoxb', '-', body(814, 12, 'digits'), '-', body(815, 12, 'digits'), '-', body(816, 24));

/** GitHub hangs; Slack answers at once. */
function provider(req: RecordedRequest): Reply {
  if (req.path === '/user') return { status: 200, hang: true };
  if (req.path === '/api/auth.test') return json(200, { ok: true, team: 'Synth', user: 'bot' });
  return json(404, {});
}

let server: FakeServer;
let project: string;

beforeAll(async () => {
  server = await startFakeServer(provider);
  project = makeTree({ 'a.env': PATS.map((p, i) => `TOKEN_${i}=${p}\n`).join(''), 'b.env': `SLACK=${SLACK}\n` });
});
afterAll(async () => {
  await server.close();
});

function env(audit: string): Record<string, string> {
  return { SPRAWLGUARD_API_BASE_GITHUB: server.url, SPRAWLGUARD_API_BASE_SLACK: server.url, SPRAWLGUARD_AUDIT_LOG: audit };
}

type Verdict = { status: string; reason?: string };
const verdictsOf = (stdout: string): Map<string, Verdict> =>
  new Map(
    parseJsonReport({ code: 0, signal: null, stdout, stderr: '' }).findings.map((f) => [f.ruleId === 'github-classic-pat' ? `github:${f.location.line}` : f.ruleId, f.verification as Verdict]),
  );

describe('scan --verify --verify-deadline', () => {
  it('keeps the verdicts it has and calls the rest unknown for the deadline', async () => {
    server.requests.length = 0;
    const audit = path.join(makeTempDir(), 'audit.jsonl');
    const result = await runCli(['scan', project, '--verify', '--verify-deadline', '3', '--format', 'json'], { env: env(audit) });
    expect(result.code, result.stderr).toBe(1);
    const verdicts = verdictsOf(result.stdout);
    expect(verdicts.get('slack-bot-token')).toMatchObject({ status: 'live' });
    const github = [1, 2, 3].map((line) => verdicts.get(`github:${line}`) as Verdict);
    expect(github.map((v) => v.status)).toEqual(['unknown', 'unknown', 'unknown']);
    for (const v of github) expect(v.reason).toMatch(/^deadline: (no verdict|not checked) within the 3 s verification deadline$/);
    // Two GitHub checks were in flight (two per provider at once); the third never started.
    expect(github.filter((v) => v.reason?.includes('no verdict'))).toHaveLength(2);
    expect(server.requests.filter((r) => r.path === '/user').length).toBeLessThanOrEqual(2);
    expect(result.stderr).toContain('verified 4 secrets (4 findings): 1 live, 0 dead, 3 unknown (3 cut off by --verify-deadline)');
    // The audit log has every request made, and nothing for the secret that was never sent.
    const entries = readFileSync(audit, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { provider: string; outcome: string; detail: string });
    expect(entries.map((e) => `${e.provider}:${e.outcome}`).sort()).toEqual(['github:unknown', 'github:unknown', 'slack:live']);
    for (const e of entries.filter((x) => x.provider === 'github')) expect(e.detail).toMatch(/^deadline: no verdict/);
  });

  it('applies to verify as well', async () => {
    const report = path.join(makeTempDir(), 'report.json');
    expect((await runCli(['scan', project, '--format', 'json', '--output', report])).code).toBe(1);
    const result = await runCli(['verify', report, '--root', project, '--verify-deadline', '2', '--rule', 'github-classic-pat'], { env: env(path.join(makeTempDir(), 'a.jsonl')) });
    expect(result.code, result.stderr).toBe(0);
    const statuses = parseJsonReport(result).findings.map((f) => (f.verification as Verdict).reason?.split(':')[0]);
    expect(statuses).toEqual(['deadline', 'deadline', 'deadline']);
  });
});

describe('scan --verify --timeout', () => {
  it('gives up on each request after the given time, as verify does', async () => {
    const one = makeTree({ 'c.env': `TOKEN=${PATS[0]!}\n` });
    const result = await runCli(['scan', one, '--verify', '--timeout', '1', '--format', 'json'], { env: env(path.join(makeTempDir(), 'b.jsonl')) });
    expect(result.code, result.stderr).toBe(1);
    const reasons = [...verdictsOf(result.stdout).values()].map((v) => `${v.status}: ${v.reason ?? ''}`);
    expect(reasons).toEqual(['unknown: no answer within 1 s (after 3 attempts)']);
  });

  it('is a usage error without --verify', async () => {
    for (const option of ['--timeout', '--verify-deadline']) {
      const result = await runCli(['scan', project, option, '5']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${option} applies to --verify`);
    }
  });
});
