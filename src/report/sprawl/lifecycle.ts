/**
 * Whether sprawl is shrinking: how long secrets stay exposed, how long revoking them takes, what
 * each month opened, revoked and saw disappear, and the figures of every recorded run (the trend).
 * Pure: from inventory records, the confirmed revocations of the audit log, and the report's time.
 */
import { isoDate } from '../../inventory/iso-date.js';
import type { OccurrenceRecord, RunRecord, SecretRecord } from '../../inventory/records.js';

const DAY_MS = 86_400_000;

export interface LifecyclePeriod {
  /** A calendar month, `YYYY-MM` (UTC). */
  period: string;
  /** Secrets first seen (or first committed) that month. */
  opened: number;
  /** Secrets whose revocation was confirmed that month. */
  revoked: number;
  /** Secrets no scan finds any more, by the month they were last seen. */
  gone: number;
}

export interface Lifecycle {
  /** First seen → revoked (or reported dead), or → now while open; allowed secrets are left out. Null without secrets. */
  medianExposureDays: number | null;
  /** First seen → confirmed revocation (inventory or audit log); null when nothing was revoked. */
  medianTimeToRevokeDays: number | null;
  revokedSecrets: number;
  periods: LifecyclePeriod[];
}

export interface TrendEntry {
  runId: number;
  kind: string;
  runAt: string;
  /** Secrets open (found somewhere, not revoked, dead or allowed) when the run finished. */
  open: number | null;
  /** Secrets this run saw for the first time. */
  new: number | null;
  /** Secrets that stopped being open since the run before: no longer found, revoked or dead. */
  resolved: number | null;
  /** Secrets revoked since the run before. */
  revoked: number | null;
  verifiedLive: number | null;
}

/** A confirmed revocation from the audit log. */
export interface RevocationEvent {
  fingerprint: string;
  time: string;
}

export function lifecycleOf(
  secrets: readonly SecretRecord[],
  occurrences: readonly OccurrenceRecord[],
  revocations: readonly RevocationEvent[],
  nowMs: number,
): Lifecycle {
  const earliestCommit = new Map<string, number>();
  const lastSeenActive = new Map<string, { active: boolean; lastSeen: string }>();
  for (const o of occurrences) {
    const committed = Date.parse(isoDate(o.committedAt) ?? '');
    if (Number.isFinite(committed)) earliestCommit.set(o.fingerprint, Math.min(earliestCommit.get(o.fingerprint) ?? Infinity, committed));
    const state = lastSeenActive.get(o.fingerprint) ?? { active: false, lastSeen: '' };
    if (o.presence !== 'gone') state.active = true;
    if (o.lastSeen > state.lastSeen) state.lastSeen = o.lastSeen;
    lastSeenActive.set(o.fingerprint, state);
  }
  const auditRevoked = new Map<string, string>();
  for (const r of revocations) {
    const known = auditRevoked.get(r.fingerprint);
    if (known === undefined || r.time < known) auditRevoked.set(r.fingerprint, r.time);
  }

  const exposure: number[] = [];
  const toRevoke: number[] = [];
  const periods = new Map<string, LifecyclePeriod>();
  const bump = (iso: string | undefined, key: 'opened' | 'revoked' | 'gone'): void => {
    if (!iso || !Number.isFinite(Date.parse(iso))) return;
    const period = new Date(Date.parse(iso)).toISOString().slice(0, 7);
    const entry = periods.get(period) ?? { period, opened: 0, revoked: 0, gone: 0 };
    entry[key]++;
    periods.set(period, entry);
  };

  for (const s of secrets) {
    const startMs = Math.min(Date.parse(s.firstSeen), earliestCommit.get(s.fingerprint) ?? Infinity);
    if (!Number.isFinite(startMs)) continue;
    const revokedAt = earliestIso(s.status === 'revoked' ? s.revokedAt : undefined, auditRevoked.get(s.fingerprint));
    bump(new Date(startMs).toISOString(), 'opened');
    if (revokedAt) {
      bump(revokedAt, 'revoked');
      toRevoke.push(days(Date.parse(revokedAt) - startMs));
    }
    const state = lastSeenActive.get(s.fingerprint);
    if (state && !state.active) bump(state.lastSeen, 'gone');
    if (s.status === 'allowed') continue;
    const endMs = revokedAt ? Date.parse(revokedAt) : s.status === 'dead' && s.statusChangedAt ? Date.parse(s.statusChangedAt) : nowMs;
    exposure.push(days(endMs - startMs));
  }
  return {
    medianExposureDays: medianOf(exposure),
    medianTimeToRevokeDays: medianOf(toRevoke),
    revokedSecrets: toRevoke.length,
    periods: [...periods.values()].sort((a, b) => a.period.localeCompare(b.period)),
  };
}

/** One entry per finished run, oldest first; runs recorded before run figures were kept show `new` only when it can be told, else nulls. */
export function trendOf(runs: readonly RunRecord[]): TrendEntry[] {
  const entries: TrendEntry[] = [];
  let previous: RunRecord['stats'] | undefined;
  for (const run of [...runs].sort((a, b) => a.id - b.id)) {
    if (run.finishedAt === undefined) continue;
    const stats = run.stats;
    entries.push({
      runId: run.id,
      kind: run.kind,
      runAt: run.finishedAt,
      open: stats?.open ?? null,
      new: stats?.new ?? null,
      resolved: stats ? Math.max(0, stats.closed - (previous?.closed ?? 0)) : null,
      revoked: stats ? Math.max(0, stats.revoked - (previous?.revoked ?? 0)) : null,
      verifiedLive: stats?.verifiedLive ?? null,
    });
    if (stats) previous = stats;
  }
  return entries;
}

function earliestIso(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

const days = (ms: number): number => Math.max(0, ms / DAY_MS);

function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(value * 10) / 10;
}
