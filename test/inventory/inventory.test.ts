/**
 * The inventory on its own: recording real history scans over time (last seen, removed from HEAD,
 * gone), verification verdicts, schema migrations, and that no raw secret is ever stored.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/finding.js';
import type { VerificationRecorder } from '../../src/verify/runner.js';
import { scanGit } from '../../src/scan/scan-git.js';
import { branchesContaining, findingsPresentAtHead } from '../../src/org/git-facts.js';
import { InventoryError } from '../../src/inventory/errors.js';
import { Inventory, type InventoryOptions } from '../../src/inventory/inventory.js';
import type { RecordScope } from '../../src/inventory/records.js';
import { buildSprawlReport } from '../../src/report/sprawl/model.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/inventory/migrations.js';
import { openSqlite, type SqliteBackend } from '../../src/inventory/sqlite.js';
import { backendSuites, makeRepo, scannerConfig, secret, workDir } from '../support/inventory-fixtures.js';

/** A clock the test moves by hand. */
function clock(start = '2026-03-01T00:00:00.000Z'): { now: () => Date; set(iso: string): void } {
  let current = new Date(start);
  return { now: () => current, set: (iso) => (current = new Date(iso)) };
}

/** Scan the whole history of `dir` and record it as one complete scan, as `org scan` does. */
/** A PRAGMA's value read on a connection of its own. */
function rawPragma(backend: SqliteBackend, file: string, pragma: string): unknown {
  const db = openSqlite(file, backend);
  try {
    return db.pragma(pragma);
  } finally {
    db.close();
  }
}

async function recordHistory(inventory: Inventory, dir: string, repo: string): Promise<void> {
  const { findings } = await scanGit({ repo: dir, mode: { kind: 'history' }, config: scannerConfig, maxFileSize: 1e7, excludeGlobs: [], jobs: 1 });
  const scope: RecordScope = {
    repo,
    completeFor: ['history', 'diff', 'staged'],
    presentAtHead: await findingsPresentAtHead(dir, findings, scannerConfig, 1e7),
    branches: await branchesContaining(dir, findings.flatMap((f) => (f.location.commit ? [f.location.commit] : []))),
  };
  const runId = inventory.startRun({ kind: 'scan', target: repo, toolVersion: 'test', options: {} });
  inventory.recordFindings(runId, findings, scope);
  inventory.finishRun(runId, 'complete');
}

for (const { backend, title, available } of backendSuites()) describe.skipIf(!available)(title, () => inventoryTests(backend));

/** The whole suite, on one back end. */
function inventoryTests(backend: SqliteBackend): void {
  /** The inventory at `file` on this suite's back end. */
  const open = (file: string, options: InventoryOptions = {}): Inventory => Inventory.open(file, { ...options, backend });

  describe('recording scans over time', () => {
    it('updates last seen, marks what left HEAD, and what left the history, without storing a raw secret', async () => {
      const dir = workDir('inventory');
      const S1 = secret(1);
      const S2 = secret(2);
      const repo = makeRepo(dir, 'app', [{ 'a.env': `TOKEN=${S1}\n`, 'b/config.py': `x = 1\nKEY = "${S2}"\n` }]);
      const file = path.join(dir, 'inv.db');
      const time = clock();
      const inventory = open(file, { now: time.now });

      await recordHistory(inventory, repo.dir, 'acme/app');
      let occs = inventory.occurrences();
      expect(occs.map((o) => [o.path, o.line, o.presence, o.branches]).sort()).toEqual([
        ['a.env', 1, 'present', ['main']],
        ['b/config.py', 2, 'present', ['main']],
      ]);
      expect(inventory.secrets().map((s) => [s.ruleId, s.status, s.firstSeen])).toEqual([
        ['github-classic-pat', 'open', '2026-03-01T00:00:00.000Z'],
        ['github-classic-pat', 'open', '2026-03-01T00:00:00.000Z'],
      ]);

      // The first secret is deleted from the files: still in the history, no longer at HEAD.
      repo.commit('remove the token file', { 'a.env': null });
      time.set('2026-03-08T00:00:00.000Z');
      await recordHistory(inventory, repo.dir, 'acme/app');
      occs = inventory.occurrences();
      const byPath = new Map(occs.map((o) => [o.path, o]));
      expect(byPath.get('a.env')?.presence).toBe('removed-from-head');
      expect(byPath.get('b/config.py')?.presence).toBe('present');
      expect(occs.every((o) => o.firstSeen === '2026-03-01T00:00:00.000Z' && o.lastSeen === '2026-03-08T00:00:00.000Z')).toBe(true);
      expect(inventory.secrets().every((s) => s.lastSeen === '2026-03-08T00:00:00.000Z')).toBe(true);

      const report = buildSprawlReport(
        { secrets: inventory.secrets(), occurrences: inventory.occurrences({ includeGone: true }), repos: inventory.repos(), runs: inventory.runs() },
        { now: new Date('2026-03-08T00:00:00.000Z'), toolVersion: 'test', schemaVersion: SCHEMA_VERSION },
      );
      expect(report.summary).toMatchObject({ secrets: 2, occurrences: 2, removedFromHead: 1, goneSecrets: 0 });

      // History rewritten without any secret: both occurrences are gone; the secrets stay on record.
      repo.git('checkout', '-q', '--orphan', 'clean');
      repo.git('rm', '-rqf', '.');
      repo.commit('fresh start', { 'README.md': 'clean\n' });
      repo.git('branch', '-D', 'main');
      time.set('2026-03-15T00:00:00.000Z');
      await recordHistory(inventory, repo.dir, 'acme/app');
      expect(inventory.occurrences()).toEqual([]);
      expect(inventory.occurrences({ includeGone: true }).map((o) => o.presence)).toEqual(['gone', 'gone']);
      expect(inventory.secrets()).toHaveLength(2);
      inventory.close();

      const bytes = readFileSync(file);
      for (const raw of [S1, S2]) {
        expect(bytes.includes(Buffer.from(raw))).toBe(false);
        // Not even the part after the prefix.
        expect(bytes.includes(Buffer.from(raw.slice(4)))).toBe(false);
      }
    });

    it('is the verification runner\'s recorder: verdicts set the status, triage decisions stay', () => {
      const inventory = open(path.join(workDir('verify'), 'inv.db'));
      const recorder: VerificationRecorder = inventory;
      const fp = (n: number): string => `sha256:${String(n).repeat(64).slice(0, 64)}`;
      const finding = (n: number) => ({
        ruleId: 'github-classic-pat',
        provider: 'github',
        title: 'GitHub personal access token (classic)',
        severity: 'critical' as const,
        lifetime: 'long-lived' as const,
        confidence: 'high' as const,
        fingerprint: fp(n),
        redacted: 'ghp_Ab…9xYz',
        remediation: '',
        location: { source: 'file' as const, path: `f${n}.txt`, line: 1, column: 1, endLine: 1, endColumn: 40 },
      });
      const runId = inventory.startRun({ kind: 'scan', target: 'x', toolVersion: 'test', options: {} });
      inventory.recordFindings(runId, [1, 2, 3, 4].map(finding), { repo: '/tmp/x' });
      const checkedAt = '2026-03-02T10:00:00.000Z';
      void recorder.recordVerification({ fingerprint: fp(1), result: { status: 'live', identity: { login: 'octo-bot' } }, checkedAt });
      void recorder.recordVerification({ fingerprint: fp(2), result: { status: 'dead' }, checkedAt });
      void recorder.recordVerification({ fingerprint: fp(3), result: { status: 'unknown', reason: 'timeout' }, checkedAt });
      inventory.setStatus(fp(4), 'allowed');
      void recorder.recordVerification({ fingerprint: fp(4), result: { status: 'live' }, checkedAt });
      inventory.recordVerification({ fingerprint: fp(9), result: { status: 'live' }, checkedAt });
      expect(inventory.hasSecret(fp(9))).toBe(false);

      const status = new Map(inventory.secrets().map((s) => [s.fingerprint, s]));
      expect(status.get(fp(1))).toMatchObject({ status: 'verified-live', verification: { status: 'live', checkedAt, identity: { login: 'octo-bot' } } });
      expect(status.get(fp(2))?.status).toBe('dead');
      expect(status.get(fp(3))).toMatchObject({ status: 'open', verification: { status: 'unknown', reason: 'timeout' } });
      expect(status.get(fp(4))).toMatchObject({ status: 'allowed', verification: { status: 'live' } });

      // A revoked secret that later checks dead stays revoked; one that still answers is live again.
      void recorder.recordRevocation?.({ fingerprint: fp(1), status: 'revoked', providerName: 'GitHub', ruleId: 'github-classic-pat', redacted: '', copies: 1, how: 'api' });
      inventory.recordVerification({ fingerprint: fp(1), result: { status: 'dead' }, checkedAt: '2026-03-03T00:00:00.000Z' });
      expect(inventory.secrets().find((s) => s.fingerprint === fp(1))?.status).toBe('revoked');
      inventory.close();
    });
  });

  describe('what a complete scan does not report', () => {
    it('is gone, unless the configuration allowlists it or a report filter left it out', () => {
      const inventory = open(path.join(workDir('filtered'), 'inv.db'));
      const fp = (n: number): string => `sha256:${String(n).repeat(64).slice(0, 64)}`;
      const finding = (n: number): Finding => ({
        ruleId: 'github-classic-pat',
        provider: 'github',
        title: 'GitHub personal access token (classic)',
        severity: 'critical',
        lifetime: 'long-lived',
        confidence: 'high',
        fingerprint: fp(n),
        redacted: 'ghp_Ab…9xYz',
        remediation: '',
        location: { source: 'history', path: `f${n}.txt`, line: 1, column: 1, endLine: 1, endColumn: 40 },
      });
      const scope: RecordScope = { repo: 'acme/app', completeFor: ['history', 'diff', 'staged'] };
      const record = (findings: Finding[], extra: Partial<RecordScope> = {}) => {
        const runId = inventory.startRun({ kind: 'scan', target: 'acme/app', toolVersion: 'test', options: {} });
        return inventory.recordFindings(runId, findings, { ...scope, ...extra });
      };
      record([1, 2, 3].map(finding));
      inventory.markAllowed([fp(1)]);
      const summary = record([], { seenButFiltered: [finding(2)] });
      expect(summary.gone).toBe(1);
      expect(inventory.occurrences({ includeGone: true }).map((o) => [o.path, o.presence])).toEqual([
        ['f1.txt', 'present'],
        ['f2.txt', 'present'],
        ['f3.txt', 'gone'],
      ]);
      inventory.close();
    });
  });

  describe('schema migrations', () => {
    it('upgrades a version 1 file in place, keeping its records', () => {
      const file = path.join(workDir('migrate'), 'old.db');
      const v1 = openSqlite(file, backend);
      (MIGRATIONS[0] as (typeof MIGRATIONS)[number]).up(v1);
      v1.pragma('user_version = 1');
      const fp = `sha256:${'ab'.repeat(32)}`;
      v1.prepare("INSERT INTO scan_runs (kind, target, tool_version, started_at, status) VALUES ('scan', '/srv/app', '0.0.1', '2025-01-01T00:00:00.000Z', 'complete')").run();
      v1.prepare(
        "INSERT INTO secrets (fingerprint, rule_id, provider, title, severity, lifetime, redacted, status, first_seen, last_seen) VALUES (?, 'github-classic-pat', 'github', 'GitHub PAT', 'critical', 'long-lived', 'ghp_Ab…9xYz', 'dead', '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z')",
      ).run(fp);
      v1.prepare(
        "INSERT INTO occurrences (fingerprint, source, repo, path, line, commit_id, first_seen, last_seen, last_run) VALUES (?, 'history', 'acme/app', 'deploy.sh', 4, 'c0ffee', '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z', 1)",
      ).run(fp);
      v1.close();

      const inventory = open(file);
      expect(inventory.openedAtVersion).toBe(1);
      expect(rawPragma(backend, file, 'user_version')).toBe(SCHEMA_VERSION);
      expect(inventory.secrets()).toEqual([
        expect.objectContaining({ fingerprint: fp, status: 'dead', statusChangedAt: '2025-01-01T00:00:00.000Z', lastSeen: '2025-01-02T00:00:00.000Z' }),
      ]);
      expect(inventory.occurrences()).toEqual([expect.objectContaining({ repo: 'acme/app', path: 'deploy.sh', line: 4, commit: 'c0ffee', presence: 'present' })]);
      // What version 2 added works on the upgraded file.
      const runId = inventory.startRun({ kind: 'org-scan', target: 'x', toolVersion: 'test', options: {} });
      inventory.markRepoDone('acme/app', 'https://example.invalid/acme/app.git', { head: 'c0ffee', refsDigest: 'sha256:1' }, runId);
      expect(inventory.repoState('acme/app')?.state).toBe('done');
      inventory.close();
      // Opening again is a no-op.
      expect(open(file).openedAtVersion).toBe(SCHEMA_VERSION);
    });

    it('refuses a file from a newer sprawlguard, another SQLite database, and a file that is not SQLite', () => {
      const dir = workDir('refuse');
      const newer = path.join(dir, 'newer.db');
      const db = openSqlite(newer, backend);
      db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      db.close();
      expect(() => open(newer)).toThrow(/newer than this sprawlguard understands/);

      const other = path.join(dir, 'other.db');
      const db2 = openSqlite(other, backend);
      db2.exec('CREATE TABLE accounts (id INTEGER)');
      db2.close();
      expect(() => open(other)).toThrow(/not a sprawlguard inventory/);

      const text = path.join(dir, 'notes.db');
      writeFileSync(text, 'these are notes, not a database\n'.repeat(64));
      expect(() => open(text)).toThrow(InventoryError);
    });
  });

  describe('merging another inventory\'s records', () => {
    it('widens seen times and never lets a default `open` undo a decision', () => {
      const fp = `sha256:${'cd'.repeat(32)}`;
      const base = { fingerprint: fp, ruleId: 'r', provider: 'p', title: 't', severity: 'high', lifetime: 'long-lived', redacted: 'x…y' };
      const occurrence = { fingerprint: fp, source: 'history', repo: 'acme/a', path: 'f', system: '', ticket: '', field: '', presence: 'present' as const };
      const inventory = open(path.join(workDir('merge'), 'inv.db'));
      const runId = inventory.startRun({ kind: 'merge', target: 'x', toolVersion: 'test', options: {} });
      inventory.importExport(runId, {
        repos: [],
        secrets: [{ ...base, status: 'revoked', firstSeen: '2026-01-05T00:00:00.000Z', lastSeen: '2026-01-06T00:00:00.000Z', statusChangedAt: '2026-01-06T00:00:00.000Z' }],
        occurrences: [{ ...occurrence, firstSeen: '2026-01-05T00:00:00.000Z', lastSeen: '2026-01-06T00:00:00.000Z' }],
      });
      inventory.importExport(runId, {
        repos: [],
        secrets: [{ ...base, status: 'open', firstSeen: '2026-01-01T00:00:00.000Z', lastSeen: '2026-02-01T00:00:00.000Z', statusChangedAt: '2026-02-01T00:00:00.000Z' }],
        occurrences: [{ ...occurrence, firstSeen: '2026-01-01T00:00:00.000Z', lastSeen: '2026-02-01T00:00:00.000Z' }],
      });
      expect(inventory.secrets()[0]).toMatchObject({ status: 'revoked', firstSeen: '2026-01-01T00:00:00.000Z', lastSeen: '2026-02-01T00:00:00.000Z' });
      expect(inventory.occurrences()[0]).toMatchObject({ firstSeen: '2026-01-01T00:00:00.000Z', lastSeen: '2026-02-01T00:00:00.000Z' });
      inventory.close();
    });
  });
}
