/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF consumers. Rules carry metadata
 * (`security-severity`, precision, tags, help); results carry a stable `primaryLocationLineHash`
 * derived from rule, path and secret fingerprint, so alerts follow a secret when lines move.
 * Raw secrets never appear in messages. Fixtures (see docs/context.md) are results of level `note`.
 */
import { createHash } from 'node:crypto';
import type { Finding, Report } from '../../findings/finding.js';
import type { Confidence, Rule, Severity } from '../../rules/schema.js';
import type { ScanFormatter } from './scan-formatter.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/sprawlguard/sprawlguard';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};

/** GitHub shows > 9.0 as critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low. */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
};

const PRECISION: Record<Confidence, string> = { high: 'very-high', medium: 'high', low: 'medium' };

function ruleDescriptor(rule: Rule | undefined, finding: Finding): Record<string, unknown> {
  const name = rule?.name ?? finding.title;
  const remediation = (rule?.remediation ?? finding.remediation).trim();
  const lifetime = rule?.lifetime ?? finding.lifetime;
  const descriptor: Record<string, unknown> = {
    id: finding.ruleId,
    name: pascalCase(finding.ruleId),
    shortDescription: { text: `${name} exposed` },
    fullDescription: {
      text:
        finding.kind === 'password-hash'
          ? `A ${name} (${finding.provider}) was found: not a working credential, but the password behind it can be guessed offline.`
          : `A ${name} (${finding.provider}, ${lifetime} credential) was found in plain text. Anyone who can read it can use it until it is revoked.`,
    },
    help: {
      text: remediation,
      markdown: `**Revoke it first, then replace it.** ${remediation}\n\nRemoving the line does not end the exposure: the secret stays in git history and in every copy.`,
    },
    defaultConfiguration: { level: LEVEL[rule?.severity ?? finding.severity] },
    properties: {
      tags: ['security', 'secret', `provider/${finding.provider}`, `lifetime/${lifetime}`, ...(rule?.tags ?? [])].slice(0, 20),
      precision: PRECISION[rule?.confidence ?? finding.confidence],
      'security-severity': SECURITY_SEVERITY[rule?.severity ?? finding.severity],
    },
  };
  const helpUri = rule?.references[0];
  if (helpUri) descriptor.helpUri = helpUri;
  return descriptor;
}

function pascalCase(id: string): string {
  return id
    .split('-')
    .map((p) => (p[0]?.toUpperCase() ?? '') + p.slice(1))
    .join('');
}

export function primaryLocationLineHash(finding: Finding): string {
  const digest = createHash('sha256')
    .update(`${finding.ruleId}\0${finding.location.path}\0${finding.fingerprint}`)
    .digest('hex')
    .slice(0, 16);
  return `${digest}:1`;
}

function result(finding: Finding, ruleIndex: number): Record<string, unknown> {
  const loc = finding.location;
  const where = loc.ticket ? ` in ${loc.system ?? 'ticket'} ${loc.ticket}${loc.field ? ` (${loc.field})` : ''}` : '';
  const commit = loc.commit ? ` added in commit ${loc.commit.slice(0, 12)}` : '';
  const properties: Record<string, unknown> = {
    fingerprint: finding.fingerprint,
    redacted: finding.redacted,
    lifetime: finding.lifetime,
    confidence: finding.confidence,
    source: loc.source,
  };
  if (finding.kind) properties.kind = finding.kind;
  if (loc.context !== undefined) properties.context = loc.context;
  if (finding.disposition !== undefined) properties.disposition = finding.disposition;
  for (const key of ['commit', 'author', 'date', 'repo', 'system', 'ticket', 'field', 'url'] as const) {
    if (loc[key] !== undefined) properties[key] = loc[key];
  }
  if (finding.expiresAt) properties.expiresAt = finding.expiresAt;
  if (finding.verification) properties.verification = finding.verification.status;
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    // A fixture (test or documentation data) is listed, not raised as an alert.
    level: finding.disposition === 'fixture' ? 'note' : LEVEL[finding.severity],
    message: {
      text: `${finding.title} exposed${where}${commit}: ${finding.redacted}. ${finding.remediation}`,
    },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeUriPath(loc.path), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: loc.line,
            startColumn: loc.column,
            endLine: loc.endLine,
            // SARIF's endColumn is the column after the region.
            endColumn: loc.endColumn + 1,
          },
        },
      },
    ],
    partialFingerprints: {
      primaryLocationLineHash: primaryLocationLineHash(finding),
      'sprawlguard/secret/v1': finding.fingerprint,
    },
    properties,
  };
}

/** Relative path → URI reference: keep `/`, percent-encode what a URI cannot hold. */
function encodeUriPath(p: string): string {
  return p
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

export const formatSarif: ScanFormatter = (report: Report, context) => {
  const byId = new Map(context.rules.map((r) => [r.id, r]));
  const ruleIndex = new Map<string, number>();
  const rules: Record<string, unknown>[] = [];
  const results = report.findings.map((finding) => {
    let index = ruleIndex.get(finding.ruleId);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(finding.ruleId, index);
      rules.push(ruleDescriptor(byId.get(finding.ruleId), finding));
    }
    return result(finding, index);
  });
  const notifications = report.stats.skipped.map((s) => ({
    level: s.reason === 'binary file' ? 'note' : 'warning',
    message: { text: `skipped ${s.path}: ${s.reason}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeUriPath(s.path), uriBaseId: '%SRCROOT%' } } }],
  }));
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sprawlguard',
            semanticVersion: report.tool.version,
            version: report.tool.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: notifications,
          },
        ],
        properties: {
          sources: report.stats.sources,
          bytes: report.stats.bytes,
          ...(report.stats.commits !== undefined ? { commits: report.stats.commits } : {}),
        },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
};
