/**
 * GitLab's secret detection report (`gl-secret-detection-report.json`, schema version 15.0.7), the
 * artifact a GitLab CI job declares under `artifacts:reports:secret_detection`. GitLab shows its
 * vulnerabilities in the merge request widget, the pipeline's security tab and the vulnerability
 * report, and keeps them there for everyone with access to the project: like SARIF, it never carries
 * a raw secret, whatever --show-secrets says.
 */
import { createHash } from 'node:crypto';
import type { Finding, Report } from '../../findings/finding.js';
import type { Rule, Severity } from '../../rules/schema.js';
import type { ScanFormatter } from './scan-formatter.js';

export const GITLAB_SCHEMA_VERSION = '15.0.7';
const SCHEMA_URL = `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${GITLAB_SCHEMA_VERSION}/dist/secret-detection-report-format.json`;
const INFORMATION_URI = 'https://github.com/sprawlguard/sprawlguard';
/** GitLab's own analyzer writes this when a finding is not tied to a commit (a scan of files). */
const NO_COMMIT = '0000000';
/** Limits of the schema, in characters. */
const MAX_NAME = 255;
const MAX_SOLUTION = 7000;
const URL_PATTERN = /^(https?|ftp):\/\/.+/;

const SEVERITY: Record<Severity, 'Critical' | 'High' | 'Medium' | 'Low'> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/** Text cut to `max` characters (code points, as JSON Schema counts them). */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** `yyyy-mm-ddThh:mm:ss` in UTC: the schema takes neither fractions nor a zone. */
function gitlabTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/**
 * A stable UUID-shaped id from what identifies an occurrence (rule, place, secret), so the same
 * finding gets the same id from run to run.
 */
export function vulnerabilityId(f: Finding): string {
  const loc = f.location;
  const hex = createHash('sha256')
    .update([f.ruleId, loc.repo ?? '', loc.path, loc.ticket ?? '', loc.field ?? '', loc.commit ?? '', loc.line, loc.column, f.fingerprint].join('\0'))
    .digest('hex');
  // Version 8 (custom) and the RFC variant, so UUID parsers accept it.
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function description(f: Finding): string {
  const loc = f.location;
  const parts = [`${f.title} (${f.provider}, ${f.lifetime} credential, confidence ${f.confidence}) found in plain text: ${f.redacted}.`];
  if (loc.ticket) parts.push(`In ${loc.system ?? 'ticket'} ${loc.ticket}${loc.field ? `, ${loc.field}` : ''}${loc.url ? ` (${loc.url})` : ''}.`);
  if (loc.repo) parts.push(`Repository ${loc.repo}.`);
  if (f.expiresAt) parts.push(`${f.expired ? 'Expired' : 'Expires'} ${f.expiresAt}.`);
  if (f.verification) parts.push(`Verified ${f.verification.status} at ${f.verification.checkedAt}.`);
  parts.push(`Secret fingerprint ${f.fingerprint} (the same for every copy of this secret).`);
  return parts.join(' ');
}

function vulnerability(f: Finding, rule: Rule | undefined): Record<string, unknown> {
  const loc = f.location;
  const references = (rule?.references ?? []).filter((url) => URL_PATTERN.test(url));
  const identifier: Record<string, string> = { type: 'sprawlguard_rule_id', name: `sprawlguard rule ${f.ruleId}`, value: f.ruleId };
  if (references[0] !== undefined) identifier.url = references[0];
  const commit: Record<string, string> = { sha: loc.commit ?? NO_COMMIT };
  if (loc.author !== undefined) commit.author = loc.author;
  if (loc.date !== undefined) commit.date = loc.date;
  const out: Record<string, unknown> = {
    id: vulnerabilityId(f),
    category: 'secret_detection',
    name: clip(f.title, MAX_NAME),
    description: description(f),
    severity: SEVERITY[f.severity],
    solution: clip(f.remediation, MAX_SOLUTION),
    identifiers: [identifier],
    location: { file: loc.path, start_line: loc.line, end_line: loc.endLine, commit },
  };
  if (references.length > 0) out.links = references.map((url) => ({ url }));
  return out;
}

export const formatGitlab: ScanFormatter = (report: Report, context) => {
  const byId = new Map(context.rules.map((r) => [r.id, r]));
  const end = context.now ?? new Date();
  const start = new Date(end.getTime() - report.stats.durationMs);
  const tool = { id: 'sprawlguard', name: 'sprawlguard', url: INFORMATION_URI, vendor: { name: 'sprawlguard' }, version: report.tool.version };
  const scan: Record<string, unknown> = {
    analyzer: tool,
    scanner: tool,
    type: 'secret_detection',
    start_time: gitlabTime(start),
    end_time: gitlabTime(end),
    status: 'success',
  };
  if (report.stats.skipped.length > 0) {
    scan.messages = report.stats.skipped.map((s) => ({
      level: s.reason === 'binary file' ? 'info' : 'warn',
      value: `skipped ${s.path}: ${s.reason}`,
    }));
  }
  const doc = {
    version: GITLAB_SCHEMA_VERSION,
    schema: SCHEMA_URL,
    scan,
    vulnerabilities: report.findings.map((f) => vulnerability(f, byId.get(f.ruleId))),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
};
