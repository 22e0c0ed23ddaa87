/**
 * Baselines: the findings a team has already accepted or is already handling, recorded without raw
 * secrets. A finding is "in the baseline" when its rule, secret fingerprint and path all match, so a
 * line that moves stays old, while the same secret copied into a new file is new — that copy is
 * exactly the sprawl a team must see.
 */
import type { Finding } from './finding.js';

export interface BaselineEntry {
  ruleId: string;
  fingerprint: string;
  path: string;
  /** Informational only (not part of the match): where it was when recorded. */
  line?: number;
  redacted?: string;
}

export interface Baseline {
  version: 1;
  tool: 'sprawlguard';
  createdAt: string;
  findings: BaselineEntry[];
}

function keyOf(e: { ruleId: string; fingerprint: string; path: string }): string {
  return `${e.ruleId}\0${e.fingerprint}\0${e.path}`;
}

function findingPath(f: Finding): string {
  const loc = f.location;
  // Ticket findings are identified by their ticket and field, not the export file they came in.
  if (loc.source === 'ticket' && loc.ticket) return `${loc.system ?? 'ticket'}:${loc.ticket}:${loc.field ?? ''}`;
  return loc.repo ? `${loc.repo}:${loc.path}` : loc.path;
}

/** A baseline with one entry per (rule, secret, path), sorted so diffs of it read well in review. */
export function createBaseline(findings: readonly Finding[], now = new Date()): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const f of findings) {
    const entry: BaselineEntry = { ruleId: f.ruleId, fingerprint: f.fingerprint, path: findingPath(f), line: f.location.line, redacted: f.redacted };
    const key = keyOf(entry);
    const existing = entries.get(key);
    if (!existing || (existing.line ?? 0) > entry.line!) entries.set(key, entry);
  }
  const sorted = [...entries.values()].sort(
    (a, b) => cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint),
  );
  return { version: 1, tool: 'sprawlguard', createdAt: now.toISOString(), findings: sorted };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Findings not recorded in the baseline. */
export function subtractBaseline(findings: readonly Finding[], baseline: Baseline): Finding[] {
  const known = new Set(baseline.findings.map(keyOf));
  return findings.filter((f) => !known.has(keyOf({ ruleId: f.ruleId, fingerprint: f.fingerprint, path: findingPath(f) })));
}

/** Validate a parsed baseline file; returns a description of what is wrong, or the baseline. */
export function parseBaseline(raw: unknown): Baseline | string {
  if (typeof raw !== 'object' || raw === null) return 'not a JSON object';
  const b = raw as Partial<Baseline>;
  if (b.version !== 1) return `unsupported baseline version ${JSON.stringify(b.version)}`;
  if (!Array.isArray(b.findings)) return 'missing "findings" list';
  for (const [i, e] of b.findings.entries()) {
    if (typeof e?.ruleId !== 'string' || typeof e.fingerprint !== 'string' || typeof e.path !== 'string') {
      return `findings[${i}]: needs ruleId, fingerprint and path strings`;
    }
    if ('secret' in (e as object)) return `findings[${i}]: a baseline must not hold raw secrets`;
  }
  return { version: 1, tool: 'sprawlguard', createdAt: String(b.createdAt ?? ''), findings: b.findings };
}
