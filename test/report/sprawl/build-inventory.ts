/**
 * Constructed inventories for the sprawl report's tests: findings made from generated secrets,
 * recorded through the real Inventory, and the report built at a fixed time.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Finding, Origin } from '../../../src/findings/finding.js';
import { Inventory } from '../../../src/inventory/inventory.js';
import { SCHEMA_VERSION } from '../../../src/inventory/migrations.js';
import { buildSprawlReport, reportInputFrom, type SprawlModelContext, type SprawlReport } from '../../../src/report/sprawl/model.js';
import { workDir } from '../../support/inventory-fixtures.js';

export const REPORT_TIME = new Date('2026-03-01T00:00:00Z');

export const fingerprintOf = (raw: string): string => `sha256:${createHash('sha256').update(raw).digest('hex')}`;

export interface FindingShape {
  ruleId?: string;
  provider?: string;
  severity?: Finding['severity'];
  lifetime?: Finding['lifetime'];
}

export function makeFinding(raw: string, origin: Origin & { line?: number }, shape: FindingShape = {}): Finding {
  const line = origin.line ?? 1;
  return {
    ruleId: shape.ruleId ?? 'github-classic-pat',
    provider: shape.provider ?? 'github',
    title: 'GitHub personal access token (classic)',
    severity: shape.severity ?? 'critical',
    lifetime: shape.lifetime ?? 'long-lived',
    confidence: 'high',
    fingerprint: fingerprintOf(raw),
    redacted: `${raw.slice(0, 6)}…${raw.slice(-4)}`,
    remediation: 'Revoke it.',
    location: { ...origin, line, column: 1, endLine: line, endColumn: raw.length },
  };
}

export const historyAt = (repo: string, p: string, extra: Partial<Origin> = {}): Origin => ({
  source: 'history',
  path: p,
  repo,
  commit: createHash('sha1').update(`${repo}:${p}`).digest('hex'),
  date: '2025-12-01T10:00:00Z',
  author: 'Test Author <author@tests.invalid>',
  ...extra,
});

export const ticketAt = (system: string, ticket: string, extra: Partial<Origin> = {}): Origin => ({ source: 'ticket', path: ticket, system, ticket, field: 'description', ...extra });

/** A fresh inventory in a temp directory; `fill` records into it; the report of it at REPORT_TIME. */
export function reportOf(label: string, fill: (inventory: Inventory, runId: number) => void, context: Partial<SprawlModelContext> = {}): SprawlReport {
  const inventory = Inventory.open(path.join(workDir(label), 'inv.db'));
  try {
    const run = inventory.startRun({ kind: 'org-scan', target: 'test', toolVersion: 'test', options: {} });
    fill(inventory, run);
    inventory.finishRun(run, 'complete');
    return buildSprawlReport(reportInputFrom(inventory), { now: REPORT_TIME, toolVersion: 'test', schemaVersion: SCHEMA_VERSION, ...context });
  } finally {
    inventory.close();
  }
}
