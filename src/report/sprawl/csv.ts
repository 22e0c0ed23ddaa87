/**
 * The remediation queue as CSV (RFC 4180, CRLF line ends), one row per secret in priority order,
 * ready to import into a tracker. Cells a spreadsheet would run as a formula (= + - @ …) get a
 * leading quote (csvCell, shared with the scan CSV). Columns: docs/governance.md.
 */
import { csvCell } from '../scan/csv.js';
import { day, locationLabel } from './figures.js';
import type { SecretSummary, SprawlReport } from './model.js';
import { ownerNames } from './owners.js';

const COLUMNS: readonly [string, (s: SecretSummary) => string | number | undefined][] = [
  ['priority', (s) => s.priority],
  ['provider', (s) => s.provider],
  ['redacted', (s) => s.redacted],
  ['places', (s) => s.places],
  ['owners', (s) => ownerNames(s.owners).join('; ')],
  ['remediation', (s) => [s.remediation.next, ...s.remediation.replaceWith.map((r) => r.advice)].join(' ')],
  ['first_seen', (s) => day(s.firstCommitted ?? s.firstSeen)],
  ['status', (s) => s.status],
  ['severity', (s) => s.severity],
  ['risk_score', (s) => s.risk.score],
  ['why', (s) => s.risk.factors.map((f) => f.reason).join('; ')],
  ['locations', (s) => s.locations.map(locationLabel).join('; ')],
  ['links', (s) => s.remediation.links.join(' ')],
  ['rule_id', (s) => s.ruleId],
  ['fingerprint', (s) => s.fingerprint],
];

export function formatSprawlCsv(report: SprawlReport): string {
  const rows = [COLUMNS.map(([name]) => name).join(',')];
  for (const s of report.secrets) rows.push(COLUMNS.map(([, get]) => csvCell(get(s))).join(','));
  return `${rows.join('\r\n')}\r\n`;
}
