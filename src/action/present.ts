/**
 * What the Action shows a reviewer: annotations, the job summary and the sticky PR comment. Pure
 * functions of the scan's outcome (findings already stripped of raw secrets), so tests can read
 * exactly what a user sees.
 */
import type { AnnotationProperties } from '@actions/core';
import { compareFindings, severityRank, type Finding, type ScanStats } from '../findings/finding.js';
import { incidentsOf } from '../findings/fixture-policy.js';
import { findingsTable } from '../report/scan/markdown.js';
import { failsAt, type FailLevel } from './inputs.js';

/**
 * Workflow-command annotations the runner displays per step and level; the rest are dropped
 * silently (docs/action.md), so the most severe go first and the summary lists all.
 */
export const ANNOTATIONS_PER_LEVEL = 10;
/** GitHub rejects a step summary over 1 MiB; stay well under it (bytes of UTF-8). */
export const SUMMARY_BUDGET_BYTES = 1_000_000;
/** GitHub rejects comment bodies over 65,536 characters. */
export const COMMENT_LIMIT_CHARS = 65_536;
/** Hidden marker that identifies the sticky comment among a PR's comments. */
export const COMMENT_MARKER = '<!-- sprawlguard:pull-request-comment -->';

export interface ScanOutcome {
  /** What was scanned, in words. */
  description: string;
  stats: ScanStats;
  /** Findings after config filters, before the baseline; no raw secrets. */
  findings: Finding[];
  /** Findings not in the baseline: what the check judges. */
  newFindings: Finding[];
  failLevel: FailLevel;
  /** Link to this workflow run, when known. */
  runUrl?: string;
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  properties: AnnotationProperties;
}

/** Most severe first, then in report order. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || compareFindings(a, b));
}

/** New incidents at or above the fail level; fixtures (docs/context.md) never fail the check. */
export function failingFindings(outcome: Pick<ScanOutcome, 'newFindings' | 'failLevel'>): Finding[] {
  return incidentsOf(outcome.newFindings).filter((f) => failsAt(f.severity, outcome.failLevel));
}

/**
 * One annotation per new finding, on its line: errors for findings that fail the check, warnings
 * for incidents below the fail level, notices for fixtures, each capped at what the runner displays.
 */
export function annotationsFor(outcome: Pick<ScanOutcome, 'newFindings' | 'failLevel'>): { shown: Annotation[]; hidden: number } {
  const shown: Annotation[] = [];
  const perLevel = { error: 0, warning: 0, notice: 0 };
  for (const f of bySeverity(outcome.newFindings)) {
    const level = f.disposition === 'fixture' ? 'notice' : failsAt(f.severity, outcome.failLevel) ? 'error' : 'warning';
    if (perLevel[level] >= ANNOTATIONS_PER_LEVEL) continue;
    perLevel[level]++;
    shown.push({ level, message: annotationMessage(f), properties: annotationProperties(f) });
  }
  return { shown, hidden: outcome.newFindings.length - shown.length };
}

function annotationMessage(f: Finding): string {
  const commit = f.location.commit ? ` Added in commit ${f.location.commit.slice(0, 12)}.` : '';
  return `${f.title} (${f.ruleId}): ${f.redacted}. A ${f.lifetime} credential.${commit} ${f.remediation.trim()}`;
}

function annotationProperties(f: Finding): AnnotationProperties {
  const loc = f.location;
  const properties: AnnotationProperties = {
    title: `sprawlguard: ${f.severity} — ${f.title}`,
    file: loc.path,
    startLine: loc.line,
    endLine: loc.endLine,
  };
  // The runner accepts columns only on single-line annotations.
  if (loc.line === loc.endLine) {
    properties.startColumn = loc.column;
    properties.endColumn = loc.endColumn;
  }
  return properties;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function scannedLine(outcome: ScanOutcome): string {
  const s = outcome.stats;
  return `Scanned ${outcome.description} — ${plural(s.commits ?? 0, 'commit')}, ${formatBytes(s.bytes)} added.`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return plural(bytes, 'byte');
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function failLevelLine(level: FailLevel): string {
  return level === 'none'
    ? 'This check reports findings but never fails (`fail-level: none`).'
    : `This check fails on new findings of **${level}** severity or above.`;
}

/** Table rows of `findings` (most severe first) that fit in `budget`, measured by `size`. */
function tableWithin(findings: readonly Finding[], budget: number, size: (text: string) => number): { table: string; shown: number } {
  const header = findingsTable([]);
  let used = size(header);
  const rows: string[] = [];
  for (const f of findings) {
    // findingsTable escapes each cell onto one line: header, separator, then this finding's row.
    const row = findingsTable([f]).split('\n')[2] ?? '';
    if (used + size(row) + 1 > budget) break;
    used += size(row) + 1;
    rows.push(row);
  }
  return { table: [header, ...rows].join('\n'), shown: rows.length };
}

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
const chars = (text: string): number => text.length;

const REVOKE_ADVICE =
  'Revoke each exposed credential at its provider first, then move the workload to the short-lived alternative in the table. Deleting the line or rewriting the branch does not end the exposure: the secret stays in every clone, fork and CI log that saw it.';

/** The job summary: every new finding that fits in the size limit, and how many did not. */
export function summaryMarkdown(outcome: ScanOutcome, annotationsHidden: number): string {
  const fresh = bySeverity(outcome.newFindings);
  const baselined = outcome.findings.length - outcome.newFindings.length;
  const failing = failingFindings(outcome).length;
  const head: string[] = [];
  const tail: string[] = [];
  if (fresh.length === 0) {
    head.push('## sprawlguard: no new secrets', '', scannedLine(outcome));
  } else {
    const secrets = new Set(fresh.map((f) => f.fingerprint)).size;
    head.push(
      `## sprawlguard: ${plural(fresh.length, 'new finding')} (${plural(secrets, 'distinct secret')})`,
      '',
      scannedLine(outcome),
      failLevelLine(outcome.failLevel) + (failing > 0 ? ` **${plural(failing, 'finding')} fail${failing === 1 ? 's' : ''} it.**` : ''),
      '',
    );
    if (annotationsHidden > 0) {
      tail.push(`Annotations mark ${plural(fresh.length - annotationsHidden, 'finding')} on their lines, most severe first; ${annotationsHidden} more ${annotationsHidden === 1 ? 'is' : 'are'} listed only here (the runner displays ${ANNOTATIONS_PER_LEVEL} annotations per level and step).`, '');
    }
    tail.push(REVOKE_ADVICE);
  }
  if (baselined > 0) tail.push('', `${plural(baselined, 'finding')} already in the baseline ${baselined === 1 ? 'is' : 'are'} not shown.`);
  if (outcome.stats.skipped.length > 0) tail.push('', `${plural(outcome.stats.skipped.length, 'file')} skipped (binary or too large); see \`stats.skipped\` in the JSON report.`);

  if (fresh.length === 0) return `${[...head, ...tail].join('\n')}\n`;
  const fixed = utf8Bytes([...head, ...tail].join('\n')) + 400;
  const { table, shown } = tableWithin(fresh, SUMMARY_BUDGET_BYTES - fixed, utf8Bytes);
  const cut = shown < fresh.length ? ['', `…and ${fresh.length - shown} more not shown here (the summary is limited to 1 MiB): see the SARIF and JSON reports.`] : [];
  return `${[...head, table, ...cut, '', ...tail].join('\n')}\n`;
}

/**
 * The sticky PR comment. With new findings it lists them; without, it says everything reported
 * before is resolved (the caller posts that only when an earlier comment exists).
 */
export function commentBody(outcome: ScanOutcome, headSha: string): string {
  const fresh = bySeverity(outcome.newFindings);
  const footer = `<sub>sprawlguard checked ${headSha.slice(0, 12)}${outcome.runUrl ? ` · [workflow run and full summary](${outcome.runUrl})` : ''}</sub>`;
  if (fresh.length === 0) {
    return [
      COMMENT_MARKER,
      '### ✅ sprawlguard: no new secrets in this pull request',
      '',
      `Everything reported earlier is resolved as of ${headSha.slice(0, 12)}: the commits this pull request adds contain no new secrets. If a secret reported before was real, make sure it was revoked: removing it from the branch does not un-leak it.`,
      '',
      footer,
      '',
    ].join('\n');
  }
  const failing = failingFindings(outcome).length;
  // The headline counts incidents; fixtures (docs/context.md) are named apart and listed in the table.
  const incidents = incidentsOf(fresh).length;
  const fixtures = fresh.length - incidents;
  const head = [
    COMMENT_MARKER,
    `### 🔑 sprawlguard found ${plural(incidents, 'new secret')} in this pull request${fixtures > 0 ? ` (and ${plural(fixtures, 'fixture finding')} in test, docs or example files)` : ''}`,
    '',
    `${failLevelLine(outcome.failLevel)}${failing > 0 ? ` ${plural(failing, 'finding')} fail${failing === 1 ? 's' : ''} it.` : ''}`,
    '',
  ];
  const tail = ['', REVOKE_ADVICE, '', footer, ''];
  const fixed = chars([...head, ...tail].join('\n')) + 300;
  const { table, shown } = tableWithin(fresh, COMMENT_LIMIT_CHARS - fixed, chars);
  const cut = shown < fresh.length ? ['', `…and ${fresh.length - shown} more: see the job summary and the SARIF report.`] : [];
  return [...head, table, ...cut, ...tail].join('\n');
}
