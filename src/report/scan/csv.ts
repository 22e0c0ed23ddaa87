/**
 * CSV, one finding per row, for spreadsheets and SIEM imports. Cells that a spreadsheet would run as
 * a formula (starting with = + - @, a tab or a carriage return) are prefixed with a quote; control
 * and bidi characters are written as visible escapes (`\x1b`, `\u202e`).
 */
import type { Finding, Report } from '../../findings/finding.js';
import type { ScanFormatter } from './scan-formatter.js';
import { visible } from '../visible.js';

const COLUMNS: readonly [string, (f: Finding) => string | number | undefined][] = [
  ['rule_id', (f) => f.ruleId],
  ['provider', (f) => f.provider],
  ['title', (f) => f.title],
  ['severity', (f) => f.severity],
  ['lifetime', (f) => f.lifetime],
  ['confidence', (f) => f.confidence],
  ['fingerprint', (f) => f.fingerprint],
  ['redacted', (f) => f.redacted],
  ['source', (f) => f.location.source],
  ['path', (f) => f.location.path],
  ['line', (f) => f.location.line],
  ['column', (f) => f.location.column],
  ['end_line', (f) => f.location.endLine],
  ['end_column', (f) => f.location.endColumn],
  ['commit', (f) => f.location.commit],
  ['author', (f) => f.location.author],
  ['date', (f) => f.location.date],
  ['repo', (f) => f.location.repo],
  ['system', (f) => f.location.system],
  ['ticket', (f) => f.location.ticket],
  ['field', (f) => f.location.field],
  ['url', (f) => f.location.url],
  ['expires_at', (f) => f.expiresAt],
  ['verification', (f) => f.verification?.status],
  ['remediation', (f) => f.remediation],
];

/** Appended when a scan classified its findings (docs/context.md); absent otherwise, so older consumers see the same columns. */
const CONTEXT_COLUMNS: readonly [string, (f: Finding) => string | number | undefined][] = [
  ['context', (f) => f.location.context],
  ['disposition', (f) => f.disposition],
];

export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  // A CSV is also read with `cat` and `less`: control and bidi characters are made visible.
  let s = visible(String(value), '\t\r\n');
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const formatCsv: ScanFormatter = (report: Report) => {
  const withSecret = report.findings.some((f) => f.secret !== undefined);
  const columns: [string, (f: Finding) => string | number | undefined][] = withSecret
    ? [...COLUMNS.slice(0, 8), ['secret', (f) => f.secret], ...COLUMNS.slice(8)]
    : [...COLUMNS];
  if (report.findings.some((f) => f.location.context !== undefined || f.disposition !== undefined)) columns.push(...CONTEXT_COLUMNS);
  const rows = [columns.map(([name]) => name).join(',')];
  for (const f of report.findings) rows.push(columns.map(([, get]) => csvCell(get(f))).join(','));
  return `${rows.join('\r\n')}\r\n`;
};
