import type { Finding, Location, Report } from '../../findings/finding.js';
import type { Rejection } from '../../findings/rejection.js';
import type { ScanFormatter } from './scan-formatter.js';

/** Key order of the JSON contract (docs/json-contract.md), so output reads the same as the documentation. */
const FINDING_KEYS: readonly (keyof Finding)[] = [
  'ruleId',
  'provider',
  'title',
  'severity',
  'lifetime',
  'confidence',
  'disposition',
  'kind',
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
  'context',
  'comment',
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

function orderLocation(location: Location): Location {
  const loc: Record<string, unknown> = {};
  for (const k of LOCATION_KEYS) if (location[k] !== undefined) loc[k] = location[k];
  return loc as unknown as Location;
}

export function orderFinding(finding: Finding): Finding {
  const out: Record<string, unknown> = {};
  for (const key of FINDING_KEYS) {
    if (finding[key] === undefined) continue;
    out[key] = key === 'location' ? orderLocation(finding.location) : finding[key];
  }
  return out as unknown as Finding;
}

const REJECTION_KEYS: readonly (keyof Rejection)[] = ['ruleId', 'reason', 'detail', 'fingerprint', 'redacted', 'secret', 'location'];

function orderRejection(rejection: Rejection): Rejection {
  const out: Record<string, unknown> = {};
  for (const key of REJECTION_KEYS) {
    if (rejection[key] === undefined) continue;
    out[key] = key === 'location' ? orderLocation(rejection.location) : rejection[key];
  }
  return out as unknown as Rejection;
}

export const formatJson: ScanFormatter = (report: Report) => {
  const doc: Record<string, unknown> = { version: report.version, tool: report.tool, findings: report.findings.map(orderFinding), stats: report.stats };
  if (report.scan) doc.scan = report.scan;
  // Only `scan --explain` adds it: without it the document has exactly the documented fields.
  if (report.explain) doc.explain = { rejected: report.explain.rejected.map(orderRejection), notListed: report.explain.notListed };
  return `${JSON.stringify(doc, null, 2)}\n`;
};
