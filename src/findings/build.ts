/**
 * Turn engine matches into findings: identity (fingerprint), redaction, location in the original
 * source, lifetime and remediation from the rule. Raw secrets are kept only when asked.
 */
import type { Match } from '../engine/detector.js';
import type { Finding, Origin } from './finding.js';
import { fingerprintSecret, fingerprintSecretDeferred } from './fingerprint.js';
import { redact } from './redact.js';

export interface FindingOptions {
  showSecrets?: boolean;
  fingerprintKey?: string;
  /** Derive slow fingerprints on the thread pool (a `pending:` stand-in until settleFingerprints). */
  deferSlowFingerprints?: boolean;
}

export function buildFinding(match: Match, origin: Origin, options: FindingOptions = {}): Finding {
  const rule = match.rule;
  const baseLine = origin.line ?? 1;
  const baseColumn = origin.column ?? 1;
  const { line: _line, column: _column, ...rest } = origin;
  const finding: Finding = {
    ruleId: rule.id,
    provider: rule.provider,
    title: rule.name,
    severity: rule.severity,
    lifetime: match.lifetime,
    confidence: match.confidence,
    fingerprint: options.deferSlowFingerprints ? fingerprintSecretDeferred(match.secret, options.fingerprintKey) : fingerprintSecret(match.secret, options.fingerprintKey),
    redacted: redact(match.secret),
    location: {
      ...rest,
      line: baseLine + match.line - 1,
      // Only the chunk's first line is shifted by the chunk's starting column.
      column: match.line === 1 ? baseColumn + match.column - 1 : match.column,
      endLine: baseLine + match.endLine - 1,
      endColumn: match.endLine === 1 ? baseColumn + match.endColumn - 1 : match.endColumn,
    },
    remediation: rule.remediation.trim(),
  };
  if (rule.kind !== 'credential') finding.kind = rule.kind;
  if (options.showSecrets) finding.secret = match.secret;
  if (match.expiresAt !== undefined) finding.expiresAt = match.expiresAt;
  if (match.expired !== undefined) finding.expired = match.expired;
  if (match.facts !== undefined && Object.keys(match.facts).length > 0) finding.facts = { ...match.facts };
  return finding;
}
