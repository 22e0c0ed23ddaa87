/**
 * Opening the inventory file, on every SQLite back end this Node can load: a new file is made whole
 * in WAL mode; an empty or damaged file is refused with what to do; a writer that finds the file
 * locked waits and tries again, within a bound; runs whose process ended are marked interrupted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, openSync, readdirSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/finding.js';
import { Inventory, type InventoryOptions } from '../../src/inventory/inventory.js';
import { InventoryBusyError, InventoryError } from '../../src/inventory/errors.js';
import { openSqlite, type SqliteBackend } from '../../src/inventory/sqlite.js';
import { backendSuites, workDir } from '../support/inventory-fixtures.js';

for (const { backend, title, available } of backendSuites()) describe.skipIf(!available)(title, () => fileTests(backend));

const fp = (n: number): string => `sha256:${n.toString(16).padStart(64, '0')}`;

function finding(n: number): Finding {
  return {
    ruleId: 'github-classic-pat',
    provider: 'github',
    title: 'GitHub personal access token (classic)',
    severity: 'critical',
    lifetime: 'long-lived',
    confidence: 'high',
    fingerprint: fp(n),
    redacted: 'ghp_Ab…9xYz',
    remediation: '',
    location: { source: 'file', path: `dir/file-${n}.env`, line: 1, column: 1, endLine: 1, endColumn: 40 },
  };
}

/** A pid that belonged to a process which has ended. */
function endedPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function fileTests(backend: SqliteBackend): void {
  const open = (file: string, options: InventoryOptions = {}): Inventory => Inventory.open(file, { ...options, backend });
  const pragma = (file: string, text: string): unknown => {
    const db = openSqlite(file, backend);
    try {
      return db.pragma(text);
    } finally {
      db.close();
    }
  };

  describe('a new inventory', () => {
    it('is created whole, in WAL mode, with no temporary file left behind', () => {
      const dir = workDir('file-new');
      const file = path.join(dir, 'sub', 'inventory.db');
      const inventory = open(file);
      expect(inventory.openedAtVersion).toBe(0);
      expect(inventory.backend).toBe(backend);
      inventory.close();
      expect(pragma(file, 'journal_mode')).toBe('wal');
      expect(readdirSync(path.dirname(file))).toEqual(['inventory.db']);
    });
  });

  describe('a file that cannot be the inventory', () => {
    it('is refused when empty (0 bytes), with how to recover, and left as it was', () => {
      const file = path.join(workDir('file-empty'), 'inventory.db');
      writeFileSync(file, '');
      expect(() => open(file)).toThrow(InventoryError);
      expect(() => open(file)).toThrow(/inventory\.db: the inventory file is empty \(0 bytes\).*Restore it from a backup, or delete it \(rm .*inventory\.db\) and run again/);
      expect(statSync(file).size).toBe(0);
    });

    it('is refused when damaged (PRAGMA integrity_check), with how to recover', () => {
      const file = path.join(workDir('file-damaged'), 'inventory.db');
      const inventory = open(file);
      const runId = inventory.startRun({ kind: 'scan', target: 'x', toolVersion: 'test', options: {} });
      inventory.recordFindings(runId, Array.from({ length: 300 }, (_x, i) => finding(i)), { repo: '/srv/app' });
      inventory.close();
      // Keep the first page (header and schema), overwrite the pages of the tables and indexes.
      const size = statSync(file).size;
      expect(size).toBeGreaterThan(8 * 4096);
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.alloc(size - 2 * 4096, 0x5a), 0, size - 2 * 4096, 2 * 4096);
      closeSync(fd);
      expect(() => open(file)).toThrow(InventoryError);
      expect(() => open(file)).toThrow(/inventory\.db: the inventory is damaged \(PRAGMA integrity_check: .+\)\. Move it aside \(mv .*inventory\.db .*inventory\.db\.damaged\) and restore it from a backup/);
    });

    it('is refused when it is not SQLite at all', () => {
      const file = path.join(workDir('file-text'), 'inventory.db');
      writeFileSync(file, 'these are notes, not a database\n'.repeat(64));
      expect(() => open(file)).toThrow(/inventory\.db: not an SQLite database .*restore it from a backup; otherwise choose another file with --db/);
    });
  });

  describe('another process writing', () => {
    it('is waited for and the write tried again; past the bound, a clear error and nothing half-written', () => {
      const file = path.join(workDir('file-busy'), 'inventory.db');
      const sleeps: number[] = [];
      let releaseOnSecondWait = true;
      const inventory = open(file, {
        busyTimeoutMs: 1,
        retry: { attempts: 3, baseDelayMs: 8, maxDelayMs: 8 },
        sleep: (ms) => {
          sleeps.push(ms);
          // The other writer finishes while this one waits for the second time.
          if (sleeps.length === 2 && releaseOnSecondWait) writer.exec('COMMIT');
        },
      });
      const writer = openSqlite(file, backend);
      writer.pragma('busy_timeout = 1');
      try {
        writer.exec('BEGIN IMMEDIATE');
        writer.exec("INSERT INTO scan_runs (kind, target, tool_version, started_at) VALUES ('merge', 'other', 'test', '2026-01-01T00:00:00.000Z')");
        const runId = inventory.startRun({ kind: 'scan', target: 'mine', toolVersion: 'test', options: {} });
        expect(sleeps).toHaveLength(2);
        expect(sleeps.every((ms) => ms >= 4 && ms <= 8)).toBe(true);
        expect(inventory.runs().map((r) => [r.id, r.target])).toEqual([[1, 'other'], [runId, 'mine']]);

        releaseOnSecondWait = false;
        writer.exec('BEGIN IMMEDIATE');
        expect(() => inventory.recordFindings(runId, [finding(1), finding(2)], { repo: '/srv/app' })).toThrow(InventoryBusyError);
        expect(() => inventory.recordFindings(runId, [finding(1)], { repo: '/srv/app' })).toThrow(
          /inventory\.db: another process kept the inventory locked for too long .*Run the command again once the other run has finished/,
        );
        writer.exec('ROLLBACK');
        expect(inventory.secrets()).toEqual([]);
      } finally {
        writer.close();
        inventory.close();
      }
    });
  });

  describe('runs whose process ended', () => {
    it('are marked interrupted by the next open; live runs and other hosts\' runs stay running', () => {
      const file = path.join(workDir('file-owner'), 'inventory.db');
      const first = open(file);
      const start = (target: string): number => first.startRun({ kind: 'org-scan', target, toolVersion: 'test', options: {} });
      start('this process');
      const dead = start('ended process');
      const elsewhere = start('another host');
      const reused = start('pid reused');
      first.close();
      const db = openSqlite(file, backend);
      const gone = endedPid();
      db.prepare('UPDATE scan_runs SET owner_pid = ? WHERE id IN (?, ?)').run(gone, dead, elsewhere);
      db.prepare("UPDATE scan_runs SET owner_host = 'build-agent-7.invalid' WHERE id = ?").run(elsewhere);
      // This process's pid with another start time: a later process that was given a dead run's pid.
      db.prepare("UPDATE scan_runs SET owner_started = '1' WHERE id = ?").run(reused);
      db.close();

      const second = open(file);
      const hasProc = existsSync(`/proc/${process.pid}/stat`);
      expect(second.interruptedRuns).toBe(hasProc ? 2 : 1);
      expect(second.runs().map((r) => [r.target, r.status])).toEqual([
        ['this process', 'running'],
        ['ended process', 'interrupted'],
        ['another host', 'running'],
        ['pid reused', hasProc ? 'interrupted' : 'running'],
      ]);
      second.close();
      expect(open(file).interruptedRuns).toBe(0);
    });
  });
}
