/**
 * End-to-end: a guessable secret (a 6-digit database password) gets an irreversible `scrypt:`
 * fingerprint, and everything that compares fingerprints still ties its copies together: report
 * grouping, baselines, the configuration allowlist, `verify --fingerprint`, the inventory, org scan
 * shards and `sprawl merge`. The password never appears in any output.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SprawlReport } from '../src/report/sprawl/model.js';
import { parseJsonReport, runCli, type CliResult } from './support/cli.js';
import { TestRepo } from './support/git-repo.js';
import { makeTempDir, makeTree } from './support/temp.js';

const PIN = ['61', '93', '07'].join('');
const uri = (host: string): string => ['postgres://app:', PIN, `@${host}.acme-corp.internal:5432/orders`].join('');

const outputs: string[] = [];
async function cli(args: string[], cwd?: string): Promise<CliResult> {
  const result = await runCli(args, cwd ? { cwd } : {});
  outputs.push(result.stdout, result.stderr);
  return result;
}

describe('a guessable secret', () => {
  it('has one scrypt fingerprint for all its copies, and baselines and allowlists match it', async () => {
    const dir = makeTree({ 'api/.env': `DATABASE_URL=${uri('db1')}\n`, 'jobs/config.yml': `db: "${uri('db2')}"\n` });
    const scan = await cli(['scan', dir, '--format', 'json']);
    expect(scan.code, scan.stderr).toBe(1);
    const findings = parseJsonReport(scan).findings;
    expect(findings).toHaveLength(2);
    const fingerprint = findings[0]!.fingerprint;
    expect(fingerprint).toMatch(/^scrypt:[0-9a-f]{64}$/);
    expect(findings.map((f) => [f.fingerprint, f.redacted])).toEqual([
      [fingerprint, '…'],
      [fingerprint, '…'],
    ]);
    const text = await cli(['scan', dir]);
    expect(text.stdout).toContain('1 distinct secret');

    const baseline = path.join(makeTempDir(), 'baseline.json');
    expect((await cli(['baseline', 'create', dir, '--output', baseline])).code).toBe(0);
    const again = await cli(['scan', dir, '--baseline', baseline, '--format', 'json']);
    expect(again.code, again.stderr).toBe(0);

    writeFileSync(path.join(dir, '.sprawlguard.yaml'), `allowlist:\n  fingerprints:\n    - ${fingerprint}\n`);
    const allowed = await cli(['scan', dir, '--format', 'json']);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(parseJsonReport(allowed).findings).toEqual([]);

    const keyed = await cli(['scan', path.join(dir, 'api'), '--format', 'json', '--fingerprint-key', 'k1']);
    expect(parseJsonReport(keyed).findings[0]!.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    for (const out of outputs) expect(out).not.toContain(PIN);
  });

  it('is one secret in the inventory across repositories, org scan shards and merges', async () => {
    const work = makeTempDir();
    const repos = ['svc-a', 'svc-b'].map((name, i) => {
      const dir = path.join(makeTempDir(), name);
      mkdirSync(dir);
      const repo = new TestRepo(dir);
      repo.commit('add settings', { 'settings.env': `DATABASE_URL=${uri(`db${i}`)}\n` });
      return repo.dir;
    });
    writeFileSync(path.join(work, 'repos.txt'), `${repos.join('\n')}\n`);
    const shard = path.join(work, 'shard.jsonl');
    const org = await cli(['org', 'scan', '--repos', 'repos.txt', '--cache', 'cache', '--db', 'org.db', '--out', shard, '-q'], work);
    expect(org.code, org.stderr).toBe(0);
    const merged = await cli(['sprawl', 'merge', shard, '--db', 'merged.db', '-q'], work);
    expect(merged.code, merged.stderr).toBe(0);
    for (const db of ['org.db', 'merged.db']) {
      const report = await cli(['sprawl', 'report', '--db', db, '--format', 'json'], work);
      expect(report.code, report.stderr).toBe(0);
      const sprawl = JSON.parse(report.stdout) as SprawlReport;
      expect(sprawl.summary.secrets).toBe(1);
      expect(sprawl.secrets[0]).toMatchObject({ redacted: '…', repos: expect.arrayContaining(repos.map((r) => expect.stringContaining(path.basename(r)))) });
      expect(sprawl.secrets[0]!.fingerprint).toMatch(/^scrypt:/);
      expect(sprawl.summary.secretsInMultipleRepos).toBe(1);
    }
    for (const out of outputs) expect(out).not.toContain(PIN);
  });

  it('is selected by its scrypt fingerprint in verify', async () => {
    const dir = makeTree({ 'app.env': `DATABASE_URL=${uri('db9')}\n` });
    const report = path.join(makeTempDir(), 'report.json');
    expect((await cli(['scan', dir, '--format', 'json', '--output', report])).code).toBe(1);
    const fingerprint = (JSON.parse(readFileSync(report, 'utf8')) as { findings: { fingerprint: string }[] }).findings[0]!.fingerprint;
    const audit = path.join(makeTempDir(), 'audit.jsonl');
    const bare = fingerprint.slice('scrypt:'.length);
    for (const selector of [fingerprint, bare]) {
      const verify = await runCli(['verify', report, '--root', dir, '--fingerprint', selector, '--audit-log', audit]);
      expect(verify.code, verify.stderr).toBe(0);
      expect(parseJsonReport(verify).findings.map((f) => f.fingerprint)).toEqual([fingerprint]);
    }
  });
});
