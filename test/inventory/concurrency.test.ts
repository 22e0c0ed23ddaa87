/**
 * Several sprawlguard processes on one inventory, as real child processes of the built CLI: scans
 * recording at once, two org scans of the same repositories, and a writer killed with SIGKILL in the
 * middle of its run. Nothing is lost, nothing is marked failed for want of the lock, and the killed
 * run is found and marked interrupted by the next process that opens the inventory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Inventory } from '../../src/inventory/inventory.js';
import type { SqliteBackend } from '../../src/inventory/sqlite.js';
import { CLI_BIN, runCli as runCliWith, type CliOptions, type CliResult } from '../support/cli.js';
import { backendSuites, makeRepo, secret, workDir } from '../support/inventory-fixtures.js';

/** The back end every process of the running suite uses. */
let backend: SqliteBackend;
const runCli = (args: string[], options: CliOptions): Promise<CliResult> =>
  runCliWith(args, { ...options, env: { ...options.env, SPRAWLGUARD_SQLITE: backend } });
const openInventory = (file: string): Inventory => Inventory.open(file, { backend });

/** A CLI process started now; `done` settles when it exits. */
function startCli(args: string[], cwd: string): { child: ChildProcess; done: Promise<CliResult>; stderrSoFar(): string } {
  const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SPRAWLGUARD_SQLITE: backend } });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done, stderrSoFar: () => stderr };
}

/** Resolves once `test` holds for the process's standard error (or it exits). */
async function waitFor(started: ReturnType<typeof startCli>, test: (stderr: string) => boolean): Promise<void> {
  let exited = false;
  void started.done.then(() => (exited = true));
  while (!exited && !test(started.stderrSoFar())) await new Promise((r) => setTimeout(r, 20));
}

/**
 * `count` repositories, each with two commits: one adding `perCommit` secrets in as many files, one
 * adding one more; and the repos.txt listing them.
 */
function repositories(dir: string, count: number, perCommit = 1): string {
  const dirs: string[] = [];
  for (let i = 0; i < count; i++) {
    const base = 1000 + i * (perCommit + 1);
    const files: Record<string, string> = {};
    for (let f = 0; f < perCommit; f++) files[`env/f${f}.env`] = `TOKEN=${secret(base + f)}\n`;
    dirs.push(makeRepo(dir, `repo-${i}`, [files, { 'ci/vars.sh': `export KEY=${secret(base + perCommit)}\n` }]).dir);
  }
  const list = path.join(dir, 'repos.txt');
  writeFileSync(list, `${dirs.join('\n')}\n`);
  return list;
}

for (const suite of backendSuites()) {
  describe.skipIf(!suite.available)(suite.title, () => {
    beforeAll(() => {
      backend = suite.backend;
    });
    concurrencyTests();
  });
}

function concurrencyTests(): void {
  describe('several processes writing one inventory', () => {
    it('four `scan --record` runs at once, on a new inventory and again on the existing one, all record everything', async () => {
      const dir = workDir('conc-record');
      const db = path.join(dir, 'inventory.db');
      // Enough findings per run that the four transactions overlap.
      const projects = [0, 1, 2, 3].map((i) => {
        const files: Record<string, string> = {};
        for (let f = 0; f < 40; f++) files[`config/f${f}.env`] = `T=${secret(100 + i * 40 + f)}\n`;
        return makeRepo(dir, `project-${i}`, [files]).dir;
      });
      for (const round of [1, 2]) {
        const results = await Promise.all(projects.map((p) => runCli(['scan', p, '--record', '--db', db, '--format', 'json'], { cwd: dir })));
        for (const r of results) {
          expect(r.code, r.stderr).toBe(1);
          expect(r.stderr).toMatch(round === 1 ? /recorded 40 secrets \(40 new, 40 occurrences\)/ : /recorded 40 secrets \(0 new, 40 occurrences\)/);
        }
      }
      const inventory = openInventory(db);
      try {
        expect(inventory.runs().map((r) => r.status)).toEqual(Array(8).fill('complete'));
        expect(inventory.secrets()).toHaveLength(160);
        // Each directory scan is its own place.
        expect(new Set(inventory.occurrences().map((o) => o.repo))).toEqual(new Set(projects.map((p) => realpathSync(p))));
      } finally {
        inventory.close();
      }
    }, 120_000);

    it('two org scans of the same twelve repositories at once both finish, none failed', async () => {
      const dir = workDir('conc-org');
      const db = path.join(dir, 'inventory.db');
      // Enough findings per repository that the two runs' writes overlap.
      const list = repositories(dir, 12, 20);
      const args = ['org', 'scan', '--repos', list, '--db', db, '--cache', path.join(dir, 'cache'), '--jobs', '1'];
      const [a, b] = await Promise.all([runCli(args, { cwd: dir }), runCli(args, { cwd: dir })]);
      for (const r of [a, b]) {
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toMatch(/12 repositories: \d+ scanned, \d+ unchanged, 0 failed/);
        expect(r.stderr).not.toMatch(/FAILED|locked/);
      }
      const inventory = openInventory(db);
      try {
        expect(inventory.repos().map((r) => r.state)).toEqual(Array(12).fill('done'));
        expect(inventory.runs().map((r) => r.status)).toEqual(['complete', 'complete']);
        expect(inventory.secrets()).toHaveLength(12 * 21);
      } finally {
        inventory.close();
      }
    }, 120_000);

    it('a writer killed with SIGKILL mid-run loses only its unfinished work; the next open marks its run interrupted', async () => {
      const dir = workDir('conc-kill');
      const db = path.join(dir, 'inventory.db');
      const list = repositories(dir, 8);
      const orgArgs = ['org', 'scan', '--repos', list, '--db', db, '--cache', path.join(dir, 'cache'), '--jobs', '1', '--concurrency', '1'];
      const victim = startCli(orgArgs, dir);
      const projects = [40, 41, 42].map((n) => makeRepo(dir, `project-${n}`, [{ 'a.env': `A=${secret(n)}\n` }]).dir);
      const writers = projects.map((p) => startCli(['scan', p, '--record', '--db', db], dir));
      await waitFor(victim, (stderr) => /\[1\/8\]/.test(stderr));
      victim.child.kill('SIGKILL');
      const killed = await victim.done;
      expect(killed.signal, killed.stderr).toBe('SIGKILL');
      const written = await Promise.all(writers.map((w) => w.done));
      for (const w of written) expect(w.code, w.stderr).toBe(1);

      // The next process to open the inventory (a writer that opened it after the kill, else this
      // report) finds the run's process gone, and says so once.
      const report = await runCli(['sprawl', 'report', '--db', db, '--format', 'json'], { cwd: dir });
      expect(report.code, report.stderr).toBe(0);
      const notices = [...written, report].map((r) => r.stderr).join('').match(/1 earlier run in .*inventory\.db stopped without finishing \(the process ended\): marked interrupted/g);
      expect(notices).toHaveLength(1);
      let inventory = openInventory(db);
      const runs = inventory.runs();
      expect(runs.filter((r) => r.kind === 'org-scan').map((r) => r.status)).toEqual(['interrupted']);
      expect(runs.filter((r) => r.kind === 'scan').map((r) => r.status)).toEqual(['complete', 'complete', 'complete']);
      const finished = inventory.repos().filter((r) => r.state === 'done').length;
      expect(finished).toBeGreaterThanOrEqual(1);
      inventory.close();

      // Run again: it resumes, and the database the killed process was writing is whole.
      const resumed = await runCli([...orgArgs, '-q'], { cwd: dir });
      expect(resumed.code, resumed.stderr).toBe(0);
      inventory = openInventory(db);
      try {
        expect(inventory.repos().map((r) => r.state)).toEqual(Array(8).fill('done'));
        expect(inventory.runs().map((r) => r.status)).toEqual(expect.arrayContaining(['interrupted', 'complete']));
        expect(inventory.runs().some((r) => r.status === 'running')).toBe(false);
        expect(inventory.secrets()).toHaveLength(8 * 2 + 3);
      } finally {
        inventory.close();
      }
    }, 120_000);
  });
}
