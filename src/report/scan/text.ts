/**
 * Human output: findings grouped by file, one line each with position, rule, redacted secret and
 * lifetime, what to do about it (the rule's remediation, shortened) and its fingerprint, then a
 * summary. Coloured on a TTY, plain otherwise.
 */
import pc from 'picocolors';
import type { Finding, Report } from '../../findings/finding.js';
import { explanationLines } from './explain.js';
import { fixtureMarker, hiddenFixturesLine, splitFixtures } from './fixtures.js';
import type { ScanFormatter } from './scan-formatter.js';
import { visible } from '../visible.js';

type Paint = (s: string) => string;

export const formatText: ScanFormatter = (report: Report, context) => {
  const c = pc.createColors(context.color);
  const severityColor: Record<Finding['severity'], Paint> = {
    critical: (s) => c.bold(c.red(s)),
    high: c.red,
    medium: c.yellow,
    low: c.dim,
  };
  const lines: string[] = [];
  const groups = new Map<string, Finding[]>();
  const { listed, hidden } = splitFixtures(report.findings, context.showFixtures);
  for (const f of listed) {
    const key = groupKey(f);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(f);
  }
  for (const [key, findings] of groups) {
    lines.push(c.bold(c.underline(printable(key))));
    for (const f of findings) {
      const pos = `${f.location.line}:${f.location.column}`.padEnd(8);
      const sev = severityColor[f.severity](f.severity.padEnd(8));
      const secret = f.secret !== undefined ? f.secret : f.redacted;
      lines.push(`  ${c.dim(pos)} ${sev} ${printable(f.title)} ${c.dim(`[${f.ruleId}]`)}`);
      const detail = [`secret ${c.cyan(printable(secret, true))}`, `lifetime ${f.lifetime}`, `confidence ${f.confidence}`];
      if (f.kind) detail.push(f.kind.replace('-', ' '));
      if (f.expiresAt) detail.push(`${f.expired ? 'expired' : 'expires'} ${f.expiresAt}`);
      if (f.location.field) detail.push(`field ${printable(f.location.field)}`);
      if (f.location.commit) detail.push(`commit ${f.location.commit.slice(0, 12)}`);
      if (f.location.author) detail.push(`by ${printable(f.location.author)}`);
      if (f.verification) detail.push(`verified ${f.verification.status}${f.verification.identity ? ` (${printable(f.verification.identity)})` : ''}`);
      const marker = fixtureMarker(f);
      if (marker) detail.push(c.dim(marker));
      lines.push(`           ${detail.join(c.dim(' · '))}`);
      if (f.remediation) lines.push(`           ${c.bold('fix')} ${printable(shortRemediation(f.remediation))}`);
      lines.push(`           ${c.dim(`fingerprint ${f.fingerprint}`)}`);
    }
    lines.push('');
  }
  lines.push(summary({ ...report, findings: listed }, c, hidden.length > 0));
  const fixtures = hiddenFixturesLine(hidden);
  if (fixtures) lines.push(c.dim(fixtures));
  if (report.explain) lines.push('', ...explanationLines(report.explain, c));
  return `${lines.join('\n')}\n`;
};

/**
 * Text bound for a terminal with control and bidi characters made visible. File names, commit
 * authors and ticket fields come from the scanned content: an escape sequence in a file name must
 * not be able to recolour, hide or rewrite what the terminal shows. A raw secret (a PEM key) keeps
 * its line breaks.
 */
export function printable(text: string, keepLineBreaks = false): string {
  return visible(text, keepLineBreaks ? '\n\t' : '');
}

/** One line is read; the rest of a rule's advice is in the JSON and SARIF output and in `sprawl report`. */
const MAX_FIX_LENGTH = 160;

/** The first sentence of a rule's remediation, cut at a word boundary when it is still long. */
export function shortRemediation(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[.!?])(\s|$)/.exec(flat)?.[1] ?? flat;
  if (sentence.length <= MAX_FIX_LENGTH) return sentence;
  const cut = sentence.slice(0, MAX_FIX_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > MAX_FIX_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}

function groupKey(f: Finding): string {
  const loc = f.location;
  const parts = [loc.repo, loc.path].filter((p): p is string => p !== undefined && p !== '');
  let key = parts.join(':');
  if (loc.ticket) key += ` ${loc.system ?? ''} ${loc.ticket}`.trimEnd();
  return key;
}

function summary(report: Report, c: ReturnType<typeof pc.createColors>, fixturesHidden = false): string {
  const n = report.findings.length;
  const secrets = new Set(report.findings.map((f) => f.fingerprint)).size;
  const s = report.stats;
  const mb = (s.bytes / 1e6).toFixed(1);
  const scanned = `${s.sources} source${s.sources === 1 ? '' : 's'}, ${mb} MB in ${(s.durationMs / 1000).toFixed(2)} s`;
  const skipped = s.skipped.length > 0 ? `; ${s.skipped.length} skipped` : '';
  if (n === 0) return c.green(`No ${fixturesHidden ? 'incidents' : 'secrets'} found (${scanned}${skipped}).`);
  return c.red(
    `${n} finding${n === 1 ? '' : 's'} of ${secrets} distinct secret${secrets === 1 ? '' : 's'} (${scanned}${skipped}).`,
  );
}
