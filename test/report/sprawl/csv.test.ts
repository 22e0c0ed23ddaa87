/** The queue as CSV: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatSprawlCsv } from '../../../src/report/sprawl/csv.js';
import { secret } from '../../support/inventory-fixtures.js';
import { historyAt, makeFinding, reportOf, ticketAt } from './build-inventory.js';

describe('the remediation queue as CSV', () => {
  it('quotes commas, quotes and line breaks, and neutralises cells starting with = + - @', () => {
    const report = reportOf('csv-cells', (inventory, run) => {
      inventory.recordFindings(run, [
        makeFinding(secret(501), historyAt('acme/api', 'a,b "c".env', { author: '=HYPERLINK("http://127.0.0.1/x") <evil@example.invalid>' })),
        makeFinding(secret(502), ticketAt('jira', 'OPS-1', { author: '@admin\nsecond line' })),
        makeFinding(secret(503), historyAt('acme/web', 'x.env', { author: '-2+3 <minus@example.invalid>' })),
      ]);
    });
    const csv = formatSprawlCsv(report);
    const rows = parse(csv, { columns: true, relax_column_count: false }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    const owners = rows.map((r) => r.owners).sort();
    expect(owners).toEqual(["'-2+3 <minus@example.invalid>", "'=HYPERLINK(\"http://127.0.0.1/x\") <evil@example.invalid>", "'@admin\nsecond line"].sort());
    expect(rows.map((r) => r.locations)).toContain('acme/api: a,b "c".env:1 @ 44559a113409');
    expect(csv).toContain('"acme/api: a,b ""c"".env:1 @ 44559a113409"');
    expect(rows.map((r) => r.priority)).toEqual(['1', '2', '3']);
    expect(csv.split('\r\n')[0]).toBe('priority,provider,redacted,places,owners,remediation,first_seen,status,severity,risk_score,why,locations,links,rule_id,fingerprint');
  });
});
