/**
 * Verification and revocation runs against fake GitHub, Slack and GitLab APIs: one request per
 * distinct secret however many copies, bounded concurrency, dry runs that change nothing, confirmed
 * revocations that count only once a re-check says dead, failures that do not stop the others, and
 * no secret in any verdict, record or audit line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/finding.js';
import { fingerprintSecret } from '../../src/findings/fingerprint.js';
import { redact } from '../../src/findings/redact.js';
import { AuditLog, checkAuditText } from '../../src/verify/audit-log.js';
import { HttpSession } from '../../src/verify/http.js';
import {
  attachVerification,
  buildTargets,
  VerificationRunner,
  type FindingSecret,
  type RevocationRecord,
  type VerificationRecord,
} from '../../src/verify/runner.js';
import type { Rule } from '../../src/rules/schema.js';
import { fakeGithubPat } from '../support/fake-secrets.js';
import { makeTempDir } from '../support/temp.js';
import { json, startFakeServer, type FakeServer, type RecordedRequest, type Reply } from './fake-server.js';
import { body, join } from './helpers.js';

const RULES = new Map<string, Rule>(
  [
    ['github-classic-pat', 'github', 'github'],
    ['slack-bot-token', 'slack', 'slack'],
    ['slack-incoming-webhook-url', 'slack', undefined],
    ['gitlab-personal-access-token', 'gitlab', 'gitlab'],
    ['acme-token', 'acme', undefined],
    ['aws-access-key-id', 'aws', 'aws'],
    ['aws-secret-access-key', 'aws', 'aws'],
    ['shopify-admin-access-token', 'shopify', 'shopify'],
  ].map(([id, provider, verify]) => [id as string, { id, provider, verify } as unknown as Rule]),
);

function finding(secret: string, ruleId: string, file: string, line = 1): Finding {
  const rule = RULES.get(ruleId) as Rule;
  return {
    ruleId,
    provider: rule.provider,
    title: ruleId,
    severity: 'critical',
    lifetime: 'long-lived',
    confidence: 'high',
    fingerprint: fingerprintSecret(secret),
    redacted: redact(secret),
    location: { source: 'file', path: file, line, column: 1, endLine: line, endColumn: secret.length },
    remediation: 'revoke it',
  };
}

const slackToken = (seed: number): string => join('xoxb', '-', body(seed, 12, 'digits'), '-', body(seed + 1, 12, 'digits'), '-', body(seed + 2, 24));

/** A fake API playing GitHub, Slack and GitLab, with a set of live tokens. */
class FakeProviders {
  readonly live = new Set<string>();
  /** Tokens whose revoke call fails with HTTP 500. */
  readonly failRevoke = new Set<string>();
  /** Revoke calls are accepted but do nothing (a provider that lies, or is slow to propagate). */
  ignoreRevoke = false;
  inFlight = 0;
  maxInFlight = 0;
  delayMs = 0;

  async handle(req: RecordedRequest): Promise<Reply> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
      return this.answer(req);
    } finally {
      this.inFlight--;
    }
  }

  private answer(req: RecordedRequest): Reply {
    const auth = String(req.headers.authorization ?? '');
    const bearer = auth.replace(/^(?:token|Bearer) /, '');
    switch (`${req.method} ${req.path}`) {
      case 'GET /user':
        return this.live.has(bearer) ? json(200, { login: 'octo-synth', id: 1 }) : json(401, { message: 'Bad credentials' });
      case 'POST /credentials/revoke': {
        if (auth !== '') return json(403, { message: 'authenticated requests are not allowed' });
        const { credentials } = JSON.parse(req.body) as { credentials: string[] };
        if (!this.ignoreRevoke) for (const c of credentials) this.live.delete(c);
        return { status: 202 };
      }
      case 'POST /api/auth.test':
        return json(200, this.live.has(bearer) ? { ok: true, team: 'Synth', user: 'bot' } : { ok: false, error: 'invalid_auth' });
      case 'POST /api/auth.revoke':
        if (this.failRevoke.has(bearer)) return json(500, { ok: false, error: 'fatal_error' });
        if (!this.live.has(bearer)) return json(200, { ok: false, error: 'token_revoked' });
        if (!this.ignoreRevoke) this.live.delete(bearer);
        return json(200, { ok: true, revoked: true });
      case 'GET /api/v4/personal_access_tokens/self':
        return this.live.has(String(req.headers['private-token'])) ? json(200, { id: 5, name: 't', scopes: ['api'], active: true }) : json(401, { message: '401 Unauthorized' });
      case 'GET /api/v4/user':
        return json(200, { username: 'synth' });
      case 'DELETE /api/v4/personal_access_tokens/self':
        // The token was revoked elsewhere in the meantime: GitLab answers 401.
        return json(401, { message: '401 Unauthorized' });
      default:
        return json(404, { message: 'Not Found' });
    }
  }
}

let server: FakeServer;
let fake: FakeProviders;
let auditFile: string;
let recorded: VerificationRecord[];
let revocations: RevocationRecord[];

beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  fake = new FakeProviders();
  server.handle((req) => fake.handle(req));
  server.requests.length = 0;
  auditFile = path.join(makeTempDir(), 'audit.jsonl');
  recorded = [];
  revocations = [];
});

function runner(options: { perProvider?: number; concurrency?: number; recheckAttempts?: number } = {}): VerificationRunner {
  const session = new HttpSession({
    env: { SPRAWLGUARD_API_BASE_GITHUB: server.url, SPRAWLGUARD_API_BASE_SLACK: server.url, SPRAWLGUARD_API_BASE_GITLAB: server.url },
    retries: 1,
    backoffMs: 1,
    notice: () => undefined,
  });
  return new VerificationRunner({
    session,
    audit: new AuditLog(auditFile),
    recorder: { recordVerification: (r) => void recorded.push(r), recordRevocation: (r) => void revocations.push(r) },
    settleMs: 0,
    recheckAttempts: 2,
    ...options,
  });
}

async function verifyItems(r: VerificationRunner, items: FindingSecret[]): Promise<{ records: Map<string, VerificationRecord>; targets: Awaited<ReturnType<typeof buildTargets>> }> {
  const targets = await buildTargets(items, RULES);
  return { records: await r.verifyAll(targets), targets };
}

function auditEntries(): Record<string, unknown>[] {
  return readFileSync(auditFile, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('verification runs', () => {
  it('checks a secret once however many copies, and writes the verdict to every copy', async () => {
    const token = fakeGithubPat(301);
    fake.live.add(token);
    const findings = Array.from({ length: 10 }, (_, i) => finding(token, 'github-classic-pat', `repo${i}/config.env`, i + 1));
    const { records } = await verifyItems(runner(), findings.map((f) => ({ finding: f, secret: token })));
    expect(server.requests.filter((r) => r.path === '/user')).toHaveLength(1);
    attachVerification(findings, records);
    expect(findings.every((f) => f.verification?.status === 'live' && f.verification.identity === 'login=octo-synth, id=1')).toBe(true);
    expect(recorded).toHaveLength(1);
    expect(auditEntries()).toHaveLength(1);
  });

  it('keeps at most the per-provider limit of checks in flight', async () => {
    fake.delayMs = 20;
    const tokens = Array.from({ length: 8 }, (_, i) => fakeGithubPat(400 + i));
    tokens.forEach((t) => fake.live.add(t));
    await verifyItems(
      runner({ perProvider: 2 }),
      tokens.map((t, i) => ({ finding: finding(t, 'github-classic-pat', `f${i}`), secret: t })),
    );
    expect(server.requests).toHaveLength(8);
    expect(fake.maxInFlight).toBe(2);
  });

  it('makes no request and no audit entry for providers without a verifier or secrets it cannot read', async () => {
    const token = fakeGithubPat(302);
    const items: FindingSecret[] = [
      { finding: finding(join('acme', '_', body(303, 30)), 'acme-token', 'a.txt') },
      { finding: finding(token, 'github-classic-pat', 'b.txt'), unavailable: 'cannot re-read the secret: b.txt changed' },
    ];
    const { records } = await verifyItems(runner(), items);
    expect([...records.values()].map((r) => r.result)).toEqual([
      { status: 'unknown', reason: 'sprawlguard has no verifier for acme credentials' },
      { status: 'unknown', reason: 'cannot re-read the secret: b.txt changed' },
    ]);
    expect(server.requests).toEqual([]);
  });
});

describe('companions for targets', () => {
  it('pairs an AWS key id with the secret-key finding next to it, and reads a shop from the text', async () => {
    const keyId = join('AKIA', 'QX7NRT2BVW3LKZ4M');
    const secretKey = join(body(370, 20), '/', body(371, 17), '+Q');
    const shopToken = join('shpat', '_', body(372, 32, 'hex'));
    const text = { text: `aws_access_key_id = ${keyId}\naws_secret_access_key = ${secretKey}\nSHOP=synth.myshopify.com\nSHOPIFY_TOKEN=${shopToken}\n`, firstLine: 1 };
    const targets = await buildTargets(
      [
        { finding: finding(keyId, 'aws-access-key-id', 'creds', 1), secret: keyId, text },
        { finding: finding(secretKey, 'aws-secret-access-key', 'creds', 2), secret: secretKey, text },
        { finding: finding(shopToken, 'shopify-admin-access-token', 'creds', 4), secret: shopToken, text },
      ],
      RULES,
    );
    expect(targets.map((t) => t.credential?.companions)).toEqual([
      { awsSecretAccessKey: secretKey },
      { awsAccessKeyId: keyId },
      { shopifyDomain: 'synth.myshopify.com' },
    ]);
  });

  it('uses the copy whose surroundings give the companions', async () => {
    const keyId = join('AKIA', 'ZP6HDT5CXW2RMQ7N');
    const secretKey = join(body(373, 20), '+', body(374, 17), '/R');
    const bare = { text: `KEY=${keyId}\n`, firstLine: 1 };
    const paired = { text: `KEY=${keyId}\nSECRET_ACCESS_KEY=${secretKey}\n`, firstLine: 1 };
    const [target] = await buildTargets(
      [
        { finding: finding(keyId, 'aws-access-key-id', 'a', 1), secret: keyId, text: bare },
        { finding: finding(keyId, 'aws-access-key-id', 'b', 1), secret: keyId, text: paired },
      ],
      RULES,
    );
    expect(target?.copies).toBe(2);
    expect(target?.credential?.companions).toEqual({ awsSecretAccessKey: secretKey });
  });
});

describe('revocation runs', () => {
  async function revokeRun(items: FindingSecret[], confirm: boolean, r = runner()): Promise<RevocationRecord[]> {
    const { records, targets } = await verifyItems(r, items);
    return r.revokeAll(targets, records, { confirm, revoke: {} });
  }

  it('a dry run says what it would do and changes nothing', async () => {
    const live = fakeGithubPat(310);
    const dead = fakeGithubPat(311);
    const webhook = join('https://hooks.slack.com/services/T0', body(312, 8, 'digits'), '/B0', body(313, 8, 'digits'), '/', body(314, 24));
    fake.live.add(live);
    server.handle((req) => (req.path.startsWith('/services/') ? { status: 400, body: 'invalid_payload' } : fake.handle(req)));
    const results = await revokeRun(
      [
        { finding: finding(live, 'github-classic-pat', 'a'), secret: live },
        { finding: finding(dead, 'github-classic-pat', 'b'), secret: dead },
        { finding: finding(webhook, 'slack-incoming-webhook-url', 'c'), secret: webhook },
      ],
      false,
    );
    expect(results.map((x) => x.status)).toEqual(['would-revoke', 'not-live', 'manual-revocation-needed']);
    expect(results[0]?.how).toContain('/credentials/revoke');
    expect(results[2]).toMatchObject({ url: 'https://api.slack.com/apps', steps: expect.stringContaining('Incoming Webhooks') });
    expect(server.requests.filter((q) => q.path === '/credentials/revoke')).toEqual([]);
    expect(fake.live.has(live)).toBe(true);
    expect(auditEntries().every((e) => e.action === 'verify')).toBe(true);
  });

  it('with confirm, revokes a batch in one call without authentication, and re-checks each secret', async () => {
    const tokens = [fakeGithubPat(320), fakeGithubPat(321), fakeGithubPat(322)];
    tokens.forEach((t) => fake.live.add(t));
    const results = await revokeRun(
      tokens.map((t, i) => ({ finding: finding(t, 'github-classic-pat', `f${i}`), secret: t })),
      true,
    );
    expect(results.map((x) => x.status)).toEqual(['revoked', 'revoked', 'revoked']);
    const calls = server.requests.filter((q) => q.path === '/credentials/revoke');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.headers.authorization).toBeUndefined();
    expect((JSON.parse(calls[0]?.body ?? '{}') as { credentials: string[] }).credentials.sort()).toEqual([...tokens].sort());
    // Each secret: verify, revoke, re-check.
    const actions = auditEntries().map((e) => `${String(e.action)}:${String(e.outcome)}`);
    expect(actions.filter((a) => a === 'revoke:revoked')).toHaveLength(3);
    expect(actions.filter((a) => a === 'verify:dead')).toHaveLength(3);
    expect(revocations.map((r) => r.status)).toEqual(['revoked', 'revoked', 'revoked']);
    expect(checkAuditText(readFileSync(auditFile, 'utf8')).ok).toBe(true);
  });

  it('does not call it revoked while the secret still works', async () => {
    const token = fakeGithubPat(330);
    fake.live.add(token);
    fake.ignoreRevoke = true;
    const [result] = await revokeRun([{ finding: finding(token, 'github-classic-pat', 'a'), secret: token }], true);
    expect(result).toMatchObject({ status: 'still-live', detail: expect.stringContaining('still works') });
    expect(server.requests.filter((q) => q.path === '/user')).toHaveLength(3); // verify + two re-checks
  });

  it('skips secrets that are already dead, and records a revoke the provider reports as already done', async () => {
    const gone = fakeGithubPat(340);
    const glpat = join('glpat', '-', body(341, 20, 'b64u'));
    fake.live.add(glpat);
    const r = runner();
    const { records, targets } = await verifyItems(r, [
      { finding: finding(gone, 'github-classic-pat', 'a'), secret: gone },
      { finding: finding(glpat, 'gitlab-personal-access-token', 'b'), secret: glpat },
    ]);
    // Revoked by someone else between the check and the revoke call.
    fake.live.delete(glpat);
    const results = await r.revokeAll(targets, records, { confirm: true, revoke: {} });
    expect(results[0]).toMatchObject({ status: 'not-live', detail: expect.stringContaining('dead') });
    expect(results[1]).toMatchObject({ status: 'revoked', detail: 'the token was already invalid (HTTP 401)' });
    expect(server.requests.filter((q) => q.path === '/credentials/revoke')).toEqual([]);
  });

  it('a provider error on one secret does not stop the others, and the failure is recorded', async () => {
    const tokens = [slackToken(350), slackToken(353), slackToken(356)];
    tokens.forEach((t) => fake.live.add(t));
    fake.failRevoke.add(tokens[1] as string);
    const results = await revokeRun(
      tokens.map((t, i) => ({ finding: finding(t, 'slack-bot-token', `f${i}`), secret: t })),
      true,
    );
    expect(results.map((x) => x.status)).toEqual(['revoked', 'failed', 'revoked']);
    expect(results[1]?.detail).toMatch(/HTTP 500/);
    expect(fake.live.has(tokens[1] as string)).toBe(true);
    const failures = auditEntries().filter((e) => e.action === 'revoke' && e.outcome === 'failed');
    expect(failures).toHaveLength(1);
  });

  it('never puts a secret in a verdict, a revocation record or the audit log', async () => {
    const github = fakeGithubPat(360);
    const slack = slackToken(361);
    fake.live.add(github);
    fake.live.add(slack);
    fake.failRevoke.add(slack);
    const results = await revokeRun(
      [
        { finding: finding(github, 'github-classic-pat', 'a'), secret: github },
        { finding: finding(slack, 'slack-bot-token', 'b'), secret: slack },
      ],
      true,
    );
    const everything = [readFileSync(auditFile, 'utf8'), JSON.stringify(results), JSON.stringify(recorded), JSON.stringify(revocations)].join('\n');
    for (const secret of [github, slack]) expect(everything).not.toContain(secret);
    expect(everything).toContain(redact(github));
  });
});
