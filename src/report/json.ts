import type { Finding, Report } from '../findings/finding.js';
import type { Formatter } from './types.js';

/** Key order of the JSON contract (DESIGN.md), so output reads the same as the documentation. */
const FINDING_KEYS: readonly (keyof Finding)[] = [
  'ruleId',
  'provider',
  'title',
  'severity',
  'lifetime',
  'confidence',
  'fingerprint',
  'redacted',
  'secret',
  'location',
  'remediation',
  'expiresAt',
  'expired',
  'facts',
  'verification',
];

const LOCATION_KEYS = [
  'source',
  'path',
  'line',
  'column',
  'endLine',
  'endColumn',
  'commit',
  'author',
  'date',
  'repo',
  'system',
  'ticket',
  'field',
  'url',
] as const;

export function orderFinding(finding: Finding): Finding {
  const out: Record<string, unknown> = {};
  for (const key of FINDING_KEYS) {
    if (finding[key] === undefined) continue;
    if (key === 'location') {
      const loc: Record<string, unknown> = {};
      for (const k of LOCATION_KEYS) if (finding.location[k] !== undefined) loc[k] = finding.location[k];
      out.location = loc;
    } else out[key] = finding[key];
  }
  return out as unknown as Finding;
}

export const formatJson: Formatter = (report: Report) =>
  `${JSON.stringify({ version: report.version, tool: report.tool, findings: report.findings.map(orderFinding), stats: report.stats, scan: report.scan }, null, 2)}\n`;
