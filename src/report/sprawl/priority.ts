/**
 * The remediation queue's order: a risk score per secret, the sum of five factors, each kept with
 * the words that explain it, so a reader sees why a secret is first. The formula is documented in
 * docs/governance.md; change both together.
 *
 *   verification  verified live 40 · never checked (or unknown) 20 · dead, revoked or allowed 0
 *   lifetime      long-lived 20 · unknown 12 · expiring 8 · short-lived 4 · ephemeral 2
 *   sprawl        10 per place beyond the first (at most 40) · 5 per kind of system beyond the first
 *                 (repositories, each ticket system; at most 10)
 *   exposure      1 per 30 days since first seen (at most 15) · still at HEAD 10, only in history 4
 *   severity      critical 20 · high 14 · medium 8 · low 3
 *
 * Secrets that still need action (open, verified live) come before those that do not (dead,
 * revoked, allowed) whatever their score; ties go to more places, then the older secret, then the
 * fingerprint, so priorities are unique and stable.
 */
import type { SecretStatus } from '../../inventory/records.js';

export type RiskFactorName = 'verification' | 'lifetime' | 'sprawl' | 'exposure' | 'severity';

export interface RiskFactor {
  factor: RiskFactorName;
  points: number;
  /** Why, in words. */
  reason: string;
}

export interface Risk {
  score: number;
  /** Open or verified live: something still has to be done. */
  actionable: boolean;
  factors: RiskFactor[];
}

/** What the score is computed from (a subset of the report's SecretSummary). */
export interface RiskInput {
  fingerprint: string;
  provider: string;
  status: SecretStatus;
  lifetime: string;
  severity: string;
  places: number;
  repos: readonly string[];
  tickets: readonly string[];
  ticketSystems: readonly string[];
  removedFromHead: number;
  /** Where each copy is: copies in repositories that are still at HEAD count as exposed now. */
  locations: readonly { repo?: string; presence: string }[];
  ageDays: number;
  firstSeen: string;
  verification?: { status: string; checkedAt: string; identity?: Record<string, string>; reason?: string };
}

const LIFETIME_POINTS: Record<string, number> = { 'long-lived': 20, unknown: 12, expiring: 8, 'short-lived': 4, ephemeral: 2 };
const SEVERITY_POINTS: Record<string, number> = { critical: 20, high: 14, medium: 8, low: 3 };
const PER_EXTRA_PLACE = 10;
const MAX_PLACE_POINTS = 40;
const PER_EXTRA_SYSTEM = 5;
const MAX_SYSTEM_POINTS = 10;
const DAYS_PER_POINT = 30;
const MAX_AGE_POINTS = 15;
const AT_HEAD_POINTS = 10;
const HISTORY_ONLY_POINTS = 4;

const plural = (n: number, word: string, words = `${word}s`): string => `${n} ${n === 1 ? word : words}`;

export function riskOf(s: RiskInput): Risk {
  const factors: RiskFactor[] = [verificationFactor(s)];

  const lifetimePoints = LIFETIME_POINTS[s.lifetime] ?? LIFETIME_POINTS.unknown ?? 0;
  factors.push({ factor: 'lifetime', points: lifetimePoints, reason: s.lifetime === 'long-lived' ? 'long-lived: valid until someone revokes it' : `lifetime ${s.lifetime}` });

  const systems = (s.repos.length > 0 ? 1 : 0) + s.ticketSystems.length;
  const placePoints = Math.min(MAX_PLACE_POINTS, Math.max(0, s.places - 1) * PER_EXTRA_PLACE);
  const systemPoints = Math.min(MAX_SYSTEM_POINTS, Math.max(0, systems - 1) * PER_EXTRA_SYSTEM);
  const spread = [s.repos.length > 0 ? plural(s.repos.length, 'repository', 'repositories') : '', s.tickets.length > 0 ? plural(s.tickets.length, 'ticket') : '']
    .filter(Boolean)
    .join(' and ');
  factors.push({
    factor: 'sprawl',
    points: placePoints + systemPoints,
    reason: `in ${plural(s.places, 'place')} (${spread || 'no place'})${systems > 1 ? ` across ${systems} systems` : ''}`,
  });

  const agePoints = Math.min(MAX_AGE_POINTS, Math.floor(s.ageDays / DAYS_PER_POINT));
  const atHead = s.locations.filter((l) => l.repo !== undefined && l.presence === 'present').length;
  const headPoints = atHead > 0 ? AT_HEAD_POINTS : s.removedFromHead > 0 ? HISTORY_ONLY_POINTS : 0;
  const where = atHead > 0 ? `still at HEAD in ${plural(atHead, 'place')}` : s.removedFromHead > 0 ? 'only in history (every clone still has it)' : 'in tickets or scanned files';
  factors.push({ factor: 'exposure', points: agePoints + headPoints, reason: `exposed ${Math.floor(s.ageDays)} days; ${where}` });

  factors.push({ factor: 'severity', points: SEVERITY_POINTS[s.severity] ?? 0, reason: `severity ${s.severity}` });

  return {
    score: factors.reduce((sum, f) => sum + f.points, 0),
    actionable: s.status === 'open' || s.status === 'verified-live',
    factors,
  };
}

function verificationFactor(s: RiskInput): RiskFactor {
  const v = s.verification;
  switch (s.status) {
    case 'verified-live': {
      const identity = v?.identity && Object.keys(v.identity).length > 0 ? `; ${s.provider} reported ${Object.entries(v.identity).map(([k, val]) => `${k} ${val}`).join(', ')}` : '';
      return { factor: 'verification', points: 40, reason: `verified live at ${s.provider}${v ? ` on ${v.checkedAt.slice(0, 10)}` : ''}${identity}` };
    }
    case 'open':
      return { factor: 'verification', points: 20, reason: v?.status === 'unknown' ? `could not be verified${v.reason ? ` (${v.reason})` : ''}: treated as possibly live` : 'not verified: treated as possibly live' };
    case 'dead':
      return { factor: 'verification', points: 0, reason: `${s.provider} reports it dead` };
    case 'revoked':
      return { factor: 'verification', points: 0, reason: 'revoked' };
    case 'allowed':
      return { factor: 'verification', points: 0, reason: 'allowed after review' };
  }
}

/** The queue's order (see the module comment); returns the secrets sorted, first = priority 1. */
export function byPriority<T extends { risk: Risk; places: number; firstSeen: string; firstCommitted?: string; fingerprint: string }>(secrets: readonly T[]): T[] {
  return [...secrets].sort(
    (a, b) =>
      Number(b.risk.actionable) - Number(a.risk.actionable) ||
      b.risk.score - a.risk.score ||
      b.places - a.places ||
      (a.firstCommitted ?? a.firstSeen).localeCompare(b.firstCommitted ?? b.firstSeen) ||
      a.fingerprint.localeCompare(b.fingerprint),
  );
}
