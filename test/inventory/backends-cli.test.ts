/**
 * The SQLite back ends seen from the CLI. A preloaded module makes both `better-sqlite3` and
 * `node:sqlite` impossible to load (through require and import alike) and logs every attempt: a scan
 * and the pre-commit hook's `scan --staged` work and never try; inventory commands say what to
 * install, with exit 2. An empty or damaged inventory file is explained, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.js';
import { makeRepo, secret, workDir } from '../support/inventory-fixtures.js';

const BLOCKED = ['better-sqlite3', 'node:sqlite'];

/** Hooks for module.register: refuse the back ends to `import` and log the attempt. */
const ESM_HOOKS = `
import { appendFileSync } from 'node:fs';
const blocked = ${JSON.stringify(BLOCKED)};
export async function resolve(specifier, context, next) {
  if (blocked.includes(specifier)) {
    appendFileSync(process.env.SQLITE_ATTEMPTS, 'import ' + specifier + '\\n');
    throw Object.assign(new Error("Cannot find package '" + specifier + "'"), { code: 'ERR_MODULE_NOT_FOUND' });
  }
  return next(specifier, context);
}
`;

/** Preloaded with --import: the same for `require` (how sprawlguard loads them), then the ESM hooks. */
function preload(hooksFile: string): string {
  return `
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
const blocked = ${JSON.stringify(BLOCKED)};
const load = Module._load;
Module._load = function (request, ...rest) {
  if (blocked.includes(request)) {
    appendFileSync(process.env.SQLITE_ATTEMPTS, 'require ' + request + '\\n');
    throw Object.assign(new Error("Cannot find module '" + request + "'"), { code: 'MODULE_NOT_FOUND' });
  }
  return load.call(this, request, ...rest);
};
register(${JSON.stringify(pathToFileURL(hooksFile).href)});
`;
}

const NO_BACKEND =
  /no SQLite back end for the inventory: install the optional dependency better-sqlite3 \(npm install better-sqlite3\) or run sprawlguard on Node\.js 22\.5 or later/;

function expectNoStackTrace(result: CliResult): void {
  expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
}

describe('without any SQLite back end', { timeout: 120_000 }, () => {
  let dir: string;
  let attempts: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = workDir('no-sqlite');
    attempts = path.join(dir, 'attempts.log');
    writeFileSync(attempts, '');
    const hooks = path.join(dir, 'hooks.mjs');
    writeFileSync(hooks, ESM_HOOKS);
    const preloadFile = path.join(dir, 'no-sqlite.mjs');
    writeFileSync(preloadFile, preload(hooks));
    env = { NODE_OPTIONS: `--import=${pathToFileURL(preloadFile).href}`, SQLITE_ATTEMPTS: attempts };
  });
  const attempted = (): string => readFileSync(attempts, 'utf8');

  it('scans files and staged changes, never trying to load one', async () => {
    const project = makeRepo(dir, 'project', [{ 'README.md': 'hello\n' }]);
    project.write('deploy.env', `TOKEN=${secret(1)}\n`);
    const scan = await runCli(['scan', project.dir, '--format', 'json'], { cwd: dir, env });
    expect(scan.code, scan.stderr).toBe(1);
    expect((JSON.parse(scan.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId)).toEqual(['github-classic-pat']);
    project.git('add', 'deploy.env');
    const hook = await runCli(['scan', '--staged'], { cwd: project.dir, env });
    expect(hook.code, hook.stderr).toBe(1);
    expect(hook.stdout).toContain('deploy.env');
    expect(attempted()).toBe('');
  });

  it('the preload does block the back ends (so the test above proves something)', () => {
    const tryLoad = (code: string): number | null =>
      spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: dir, env: { ...process.env, ...env }, stdio: 'ignore' }).status;
    expect(tryLoad("import { createRequire } from 'node:module'; createRequire(import.meta.url)('better-sqlite3');")).not.toBe(0);
    expect(tryLoad("await import('better-sqlite3');")).not.toBe(0);
    expect(attempted()).toBe('require better-sqlite3\nimport better-sqlite3\n');
    writeFileSync(attempts, '');
  });

  it('inventory commands say what to install, with exit 2', async () => {
    const project = makeRepo(dir, 'recorded', [{ 'a.env': `TOKEN=${secret(2)}\n` }]);
    const db = path.join(dir, 'inventory.db');
    const record = await runCli(['scan', project.dir, '--record', '--db', db], { cwd: dir, env });
    const report = await runCli(['sprawl', 'report', '--db', db], { cwd: dir, env: { ...env } });
    const repos = path.join(dir, 'repos.txt');
    writeFileSync(repos, `${project.dir}\n`);
    const org = await runCli(['org', 'scan', '--repos', repos, '--db', db], { cwd: dir, env });
    for (const result of [record, org]) {
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(NO_BACKEND);
      expectNoStackTrace(result);
    }
    // No inventory was created, so report says there is none.
    expect(report.code).toBe(2);
    expect(report.stderr).toMatch(/no inventory at .*inventory\.db/);
    expect(attempted()).toMatch(/better-sqlite3/);
  });
});

describe('an inventory file that cannot be used', { timeout: 120_000 }, () => {
  it('is explained with what to do (exit 2), never with a stack trace', async () => {
    const dir = workDir('cli-bad-db');
    const empty = path.join(dir, 'empty.db');
    writeFileSync(empty, '');
    const emptyReport = await runCli(['sprawl', 'report', '--db', empty], { cwd: dir });
    expect(emptyReport.code).toBe(2);
    expect(emptyReport.stderr).toMatch(/empty\.db: the inventory file is empty \(0 bytes\).*Restore it from a backup, or delete it/);
    expectNoStackTrace(emptyReport);

    const project = makeRepo(dir, 'project', [Object.fromEntries(Array.from({ length: 200 }, (_x, i) => [`env/f${i}.env`, `T=${secret(100 + i)}\n`]))]);
    const damaged = path.join(dir, 'damaged.db');
    const recorded = await runCli(['scan', project.dir, '--record', '--db', damaged, '-q'], { cwd: dir });
    expect(recorded.code, recorded.stderr).toBe(1);
    const size = statSync(damaged).size;
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(size - 2 * 4096, 0x5a), 0, size - 2 * 4096, 2 * 4096);
    closeSync(fd);
    for (const args of [['sprawl', 'report', '--db', damaged], ['scan', project.dir, '--record', '--db', damaged, '-q']]) {
      const result = await runCli(args, { cwd: dir });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/damaged\.db: the inventory is damaged \(PRAGMA integrity_check: [^\n]+\)\. Move it aside .* restore it from a backup/);
      expectNoStackTrace(result);
    }
  });

  it('SPRAWLGUARD_SQLITE naming no back end is a usage error', async () => {
    const dir = workDir('cli-backend-env');
    const result = await runCli(['sprawl', 'merge', path.join(dir, 'none.jsonl'), '--db', path.join(dir, 'inv.db')], { cwd: dir, env: { SPRAWLGUARD_SQLITE: 'sqlite4' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SPRAWLGUARD_SQLITE: expected node:sqlite or better-sqlite3, got "sqlite4"');
  });
});
