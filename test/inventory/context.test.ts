/**
 * The inventory keeps what kind of file each occurrence sits in (docs/context.md): recorded from
 * classified findings, kept when a later scan does not classify, carried through shard files and
 * JSON reports merged in, and added to inventories written before it existed.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/finding.js';
import { fingerprintSecret } from '../../src/findings/fingerprint.js';
import { redact } from '../../src/findings/redact.js';
import { Inventory } from '../../src/inventory/inventory.js';
import { MIGRATIONS } from '../../src/inventory/migrations.js';
import { readMergeInput, writeShardFile } from '../../src/inventory/shard-file.js';
import { openSqlite } from '../../src/inventory/sqlite.js';
import { backendSuites, secret, workDir } from '../support/inventory-fixtures.js';

function finding(n: number, filePath: string, context?: Finding['location']['context']): Finding {
  const value = secret(n);
  return {
    ruleId: 'github-classic-pat',
    provider: 'github',
    title: 'GitHub personal access token (classic)',
    severity: 'critical',
    lifetime: 'long-lived',
    confidence: 'high',
    fingerprint: fingerprintSecret(value),
    redacted: redact(value),
    location: { source: 'file', path: filePath, line: 1, column: 1, endLine: 1, endColumn: 40, ...(context ? { context } : {}) },
    remediation: 'Revoke the token.',
  };
}

for (const { backend, title, available } of backendSuites()) {
  describe.skipIf(!available)(title, () => {
    const open = (file: string): Inventory => Inventory.open(file, { backend });

    it('records each occurrence\'s context and keeps it when a later scan does not classify', () => {
      const inventory = open(path.join(workDir('context'), 'inv.db'));
      const run = inventory.startRun({ kind: 'scan', target: 'app', toolVersion: 'test', options: {} });
      inventory.recordFindings(run, [finding(1, 'test/auth.test.ts', 'test'), finding(2, 'src/ci.ts', 'source'), finding(3, 'legacy.sh')], { repo: 'acme/app' });
      const contexts = (): Record<string, string | undefined> => Object.fromEntries(inventory.occurrences().map((o) => [o.path, o.context]));
      expect(contexts()).toEqual({ 'test/auth.test.ts': 'test', 'src/ci.ts': 'source', 'legacy.sh': undefined });
      const again = inventory.startRun({ kind: 'scan', target: 'app', toolVersion: 'test', options: {} });
      inventory.recordFindings(again, [finding(1, 'test/auth.test.ts')], { repo: 'acme/app' });
      expect(contexts()['test/auth.test.ts']).toBe('test');
      inventory.close();
    });

    it('carries contexts through a shard file into another inventory', async () => {
      const dir = workDir('context-shard');
      const source = open(path.join(dir, 'a.db'));
      const run = source.startRun({ kind: 'scan', target: 'app', toolVersion: 'test', options: {} });
      source.recordFindings(run, [finding(4, 'docs/setup.md', 'docs')], { repo: 'acme/app' });
      const shard = path.join(dir, 'a.shard.jsonl');
      await writeShardFile(shard, { tool: { name: 'sprawlguard', version: 'test' }, createdAt: '2026-01-01T00:00:00.000Z' }, source.exportRepos(['acme/app']));
      source.close();
      const input = await readMergeInput(shard);
      if (input.kind !== 'shard') throw new Error('expected a shard');
      const target = open(path.join(dir, 'b.db'));
      target.importExport(target.startRun({ kind: 'merge', target: shard, toolVersion: 'test', options: {} }), input.data);
      expect(target.occurrences().map((o) => [o.path, o.context])).toEqual([['docs/setup.md', 'docs']]);
      target.close();
    });

    it('reads contexts from a JSON report, and leaves out one it does not know', async () => {
      const file = path.join(workDir('context-report'), 'report.json');
      const known = finding(5, 'examples/ci.env', 'example');
      const unknown = { ...finding(6, 'x/y.js'), location: { ...finding(6, 'x/y.js').location, context: 'from-the-future' } };
      writeFileSync(file, JSON.stringify({ version: 1, tool: { name: 'sprawlguard', version: '9.9.9' }, findings: [known, unknown], stats: {} }));
      const input = await readMergeInput(file);
      if (input.kind !== 'report') throw new Error('expected a report');
      expect(input.findings.map((f) => f.location.context)).toEqual(['example', undefined]);
    });

    it('adds the column to an inventory written before it existed', () => {
      const file = path.join(workDir('context-migrate'), 'v5.db');
      const v5 = openSqlite(file, backend);
      for (const m of MIGRATIONS.filter((m) => m.version <= 5)) m.up(v5);
      v5.pragma('user_version = 5');
      v5.close();
      const inventory = open(file);
      expect(inventory.openedAtVersion).toBe(5);
      const run = inventory.startRun({ kind: 'scan', target: 'app', toolVersion: 'test', options: {} });
      inventory.recordFindings(run, [finding(7, 'spec/a_spec.rb', 'test')], { repo: 'acme/app' });
      expect(inventory.occurrences().map((o) => o.context)).toEqual(['test']);
      inventory.close();
    });
  });
}
