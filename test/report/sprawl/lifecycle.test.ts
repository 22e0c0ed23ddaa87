/**
 * Lifecycle and trend on an inventory built over two months with a pinned clock: exposure and
 * time to revoke (from the inventory and the audit log), monthly counts, and one trend entry per run.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Inventory } from '../../../src/inventory/inventory.js';
import { SCHEMA_VERSION } from '../../../src/inventory/migrations.js';
import { parseIsoDate } from '../../../src/inventory/iso-date.js';
import { buildSprawlReport, reportInputFrom } from '../../../src/report/sprawl/model.js';
import { secret, workDir } from '../../support/inventory-fixtures.js';
import { fingerprintOf, makeFinding, ticketAt } from './build-inventory.js';

describe('lifecycle and trend', () => {
  it('measures exposure and time to revoke, counts each month, and draws one trend entry per run', () => {
    let clock = new Date('2026-01-01T00:00:00Z');
    const inventory = Inventory.open(path.join(workDir('lifecycle'), 'inv.db'), { now: () => clock });
    const [a, b, c, d] = [secret(601), secret(602), secret(603), secret(604)];
    const file = (raw: string, p: string) => makeFinding(raw, { source: 'file', path: p, repo: 'acme/api' });
    const scope = { repo: 'acme/api', completeFor: ['file'] as const };
    try {
      const first = inventory.startRun({ kind: 'scan', target: 'acme/api', toolVersion: 'test', options: {} });
      inventory.recordFindings(first, [file(a, 'a.env'), file(b, 'b.env'), file(c, 'c.env')], scope);
      inventory.finishRun(first, 'complete');

      clock = new Date('2026-01-11T00:00:00Z');
      inventory.recordRevocation({ fingerprint: fingerprintOf(a), status: 'revoked' });

      clock = new Date('2026-02-01T00:00:00Z');
      const second = inventory.startRun({ kind: 'scan', target: 'acme/api', toolVersion: 'test', options: {} });
      // `c` is no longer found: gone. `d` is new.
      inventory.recordFindings(second, [file(a, 'a.env'), file(b, 'b.env'), file(d, 'd.env')], scope);
      inventory.finishRun(second, 'complete');

      const report = buildSprawlReport(
        { ...reportInputFrom(inventory), revocations: [{ fingerprint: fingerprintOf(b), time: '2026-02-15T00:00:00.000Z' }] },
        { now: new Date('2026-03-01T00:00:00Z'), toolVersion: 'test', schemaVersion: SCHEMA_VERSION },
      );
      // Exposure: a 10 days (revoked), b 45 (revocation from the audit log), c 59 (gone but never revoked), d 28.
      expect(report.summary.lifecycle).toEqual({
        medianExposureDays: 36.5,
        medianTimeToRevokeDays: 27.5,
        revokedSecrets: 2,
        periods: [
          { period: '2026-01', opened: 3, revoked: 1, gone: 1 },
          { period: '2026-02', opened: 1, revoked: 1, gone: 0 },
        ],
      });
      expect(report.trend.map(({ runAt, open, new: added, resolved, revoked, verifiedLive }) => ({ runAt, open, new: added, resolved, revoked, verifiedLive }))).toEqual([
        { runAt: '2026-01-01T00:00:00.000Z', open: 3, new: 3, resolved: 0, revoked: 0, verifiedLive: 0 },
        { runAt: '2026-02-01T00:00:00.000Z', open: 2, new: 1, resolved: 2, revoked: 1, verifiedLive: 0 },
      ]);
    } finally {
      inventory.close();
    }
  });

  it('has no time to revoke while nothing was revoked', () => {
    const inventory = Inventory.open(path.join(workDir('lifecycle-none'), 'inv.db'), { now: () => new Date('2026-02-01T00:00:00Z') });
    try {
      const run = inventory.startRun({ kind: 'scan', target: 't', toolVersion: 'test', options: {} });
      inventory.recordFindings(run, [makeFinding(secret(605), ticketAt('jira', 'OPS-1', { date: '01/Feb/26' }))]);
      const report = buildSprawlReport(reportInputFrom(inventory), { now: new Date('2026-03-01T00:00:00Z'), toolVersion: 'test', schemaVersion: SCHEMA_VERSION });
      expect(report.summary.lifecycle.medianTimeToRevokeDays).toBeNull();
      expect(report.summary.lifecycle.medianExposureDays).toBe(28);
      // A run still going has no entry yet.
      expect(report.trend).toEqual([]);
      // The Jira date was stored as ISO 8601.
      expect(inventory.occurrences()[0]?.committedAt).toBe('2026-02-01T00:00:00.000Z');
    } finally {
      inventory.close();
    }
  });
});

describe('dates from every source, as ISO 8601', () => {
  it.each([
    ['01/Mar/25', '2025-03-01T00:00:00.000Z'],
    ['14/Jul/25 3:42 PM', '2025-07-14T15:42:00.000Z'],
    ['14/Jul/25 12:05 AM', '2025-07-14T00:05:00.000Z'],
    ['2025-03-01 10:00:00', '2025-03-01T10:00:00.000Z'],
    ['2025-03-01T10:00:00+01:00', '2025-03-01T09:00:00.000Z'],
    ['2025-03-01', '2025-03-01T00:00:00.000Z'],
    ['Sat, 01 Mar 2025 10:00:00 +0000', '2025-03-01T10:00:00.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(parseIsoDate(text)).toBe(iso);
  });

  it('leaves text that is no date alone', () => {
    expect(parseIsoDate('yesterday')).toBeUndefined();
    expect(parseIsoDate('99/Foo/25')).toBeUndefined();
  });
});
