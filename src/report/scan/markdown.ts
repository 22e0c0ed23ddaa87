/**
 * Markdown: a summary line and a table of findings (redacted), lifetime and remediation. Used for
 * job summaries and PR comments as well as `--format markdown`.
 */
import type { Finding, Report } from '../../findings/finding.js';
import { mdCell, mdCode } from '../markdown-escape.js';
import { fixtureContexts, fixtureMarker, isFixture } from './fixtures.js';
import type { ScanFormatter } from './scan-formatter.js';

const SEVERITY_ICON: Record<Finding['severity'], string> = {
  critical: '🔴 critical',
  high: '🟠 high',
  medium: '🟡 medium',
  low: '⚪ low',
};

export function locationText(f: Finding): string {
  const loc = f.location;
  let where = `${loc.path}:${loc.line}`;
  if (loc.repo) where = `${loc.repo}:${where}`;
  if (loc.ticket) where += ` (${[loc.system, loc.ticket, loc.field].filter(Boolean).join(' ')})`;
  if (loc.commit) where += ` @ ${loc.commit.slice(0, 12)}`;
  return where;
}

export function findingsTable(findings: readonly Finding[]): string {
  const rows = [
    '| Severity | Secret | Location | Redacted | Lifetime | What to do |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const f of findings) {
    const secret = f.secret !== undefined ? f.secret : f.redacted;
    const marker = fixtureMarker(f);
    rows.push(
      `| ${SEVERITY_ICON[f.severity]} | ${mdCell(f.title)} (${mdCode(f.ruleId)}) | ${mdCode(locationText(f))}${marker ? ` _${marker}_` : ''} | ${mdCode(secret)} | ${f.lifetime}${f.expiresAt ? `, ${f.expired ? 'expired' : 'expires'} ${f.expiresAt.slice(0, 10)}` : ''} | ${mdCell(f.remediation)} |`,
    );
  }
  return rows.join('\n');
}

/** `, 2 of them fixtures in test/docs files (not counted)`, or nothing. */
function fixturesNote(findings: readonly Finding[]): string {
  const fixtures = findings.filter(isFixture);
  const n = fixtures.length;
  return n === 0 ? '' : `, ${n} of them ${n === 1 ? 'a fixture' : 'fixtures'} in ${fixtureContexts(fixtures)} files (not counted)`;
}

export const formatMarkdown: ScanFormatter = (report: Report) => {
  const n = report.findings.length;
  const secrets = new Set(report.findings.map((f) => f.fingerprint)).size;
  const s = report.stats;
  const lines = ['## sprawlguard', ''];
  if (n === 0) {
    lines.push(`No secrets found in ${s.sources} sources (${(s.bytes / 1e6).toFixed(1)} MB).`);
  } else {
    lines.push(
      `**${n} finding${n === 1 ? '' : 's'}** of ${secrets} distinct secret${secrets === 1 ? '' : 's'} in ${s.sources} sources (${(s.bytes / 1e6).toFixed(1)} MB)${fixturesNote(report.findings)}.`,
      '',
      findingsTable(report.findings),
      '',
      'Revoke each exposed credential at its provider first; deleting the line leaves it in git history and every copy.',
    );
  }
  if (s.skipped.length > 0) lines.push('', `${s.skipped.length} source(s) skipped; see \`stats.skipped\` in the JSON report.`);
  return `${lines.join('\n')}\n`;
};
