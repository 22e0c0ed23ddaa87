/**
 * End to end through the built CLI, with local git repositories and no network: an org scan of
 * three repositories sharing one key ranks that key before a key found once, names who added each
 * copy and who owns the paths, and writes the queue as CSV a tracker can import.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { SprawlReport } from '../../../src/report/sprawl/model.js';
import { runCli } from '../../support/cli.js';
import { makeRepo, secret, workDir } from '../../support/inventory-fixtures.js';
import { fingerprintOf } from './build-inventory.js';

describe('the remediation queue of an org scan', { timeout: 180_000 }, () => {
  it('puts the key shared by three repositories first, with its owners, and exports the queue as CSV', async () => {
    const dir = workDir('queue-cli');
    const [shared, single] = [secret(401), secret(402)];
    const repos = [
      // `single` is committed first, so it is the older key: only sprawl puts `shared` ahead of it.
      makeRepo(dir, 'api', [{ 'config/app.env': `OTHER=${single}\n` }, { '.github/workflows/deploy.yml': `env:\n  GH_TOKEN: ${shared}\n`, '.github/CODEOWNERS': '* @acme/all\n/.github/ @acme/platform\n' }]),
      makeRepo(dir, 'web', [{ 'deploy/release.sh': `export GH_TOKEN=${shared}\n` }]),
      makeRepo(dir, 'tools', [{ 'bin/publish': `TOKEN=${shared}\n` }]),
    ];
    const list = path.join(dir, 'repos.txt');
    writeFileSync(list, repos.map((r) => r.dir).join('\n') + '\n');
    const db = path.join(dir, 'inventory.db');
    const org = await runCli(['org', 'scan', '--repos', list, '--db', db, '--cache', path.join(dir, 'cache')], { cwd: dir });
    expect(org.code, org.stderr).toBeLessThan(2);

    const json = await runCli(['sprawl', 'report', '--db', db, '--format', 'json'], { cwd: dir });
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as SprawlReport;
    expect(report.secrets.map((s) => [s.fingerprint, s.priority, s.places])).toEqual([
      [fingerprintOf(shared), 1, 3],
      [fingerprintOf(single), 2, 1],
    ]);
    const first = report.secrets[0];
    expect(first?.risk.factors.find((f) => f.factor === 'sprawl')?.reason).toBe('in 3 places (3 repositories)');
    expect(first?.owners.authors).toEqual([{ name: 'Test Author', email: 'author@tests.invalid', places: expect.any(Array) }]);
    expect(first?.owners.codeOwners).toEqual([{ repo: repos[0]?.dir, path: '.github/workflows/deploy.yml', pattern: '/.github/', owners: ['@acme/platform'] }]);
    expect(first?.remediation.replaceWith.map((r) => r.kind)).toContain('github-app-token');
    // The rule pack's own revoke steps and documentation link.
    expect(first?.remediation.revoke.length).toBeGreaterThan(20);
    expect(first?.remediation.links.some((l) => l.startsWith('https://docs.github.com/'))).toBe(true);
    // Commit dates are ISO 8601 in UTC.
    expect(first?.firstCommitted).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const csv = await runCli(['sprawl', 'report', '--db', db, '--format', 'csv'], { cwd: dir });
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toMatch(/^priority,provider,redacted,places,owners,remediation,first_seen,status,/);
    expect(csv.stdout.endsWith('\r\n')).toBe(true);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.priority, r.places, r.status])).toEqual([['1', '3', 'open'], ['2', '1', 'open']]);
    expect(rows[0]?.owners).toBe('Test Author <author@tests.invalid>; @acme/platform');
    expect(rows[0]?.remediation).toMatch(/^Revoke: .*GitHub App installation token/);
    for (const raw of [shared, single]) expect(json.stdout + csv.stdout).not.toContain(raw.slice(4));
  });
});
