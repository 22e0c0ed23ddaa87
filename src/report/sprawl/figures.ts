/**
 * What every sprawl format shows the same way: the headline figures, shares as percentages, where
 * an occurrence is, and days.
 */
import type { LocationSummary, SecretSummary, SprawlReport } from './model.js';

/** How many secrets every format lists under "Fix first". */
export const FIX_FIRST = 5;

/** The head of the remediation queue: the first secrets that still need action. */
export function fixFirst(report: SprawlReport): SecretSummary[] {
  return report.secrets.filter((s) => s.risk.actionable).slice(0, FIX_FIRST);
}

const days = (value: number | null): string => (value === null ? 'n/a' : `${value} days`);

export function percent(share: number | null): string {
  return share === null ? 'n/a' : `${Math.round(share * 100)}%`;
}

/** The headline figures as label/value pairs, shared by every format. */
export function headline(report: SprawlReport): [string, string][] {
  const s = report.summary;
  const v = s.verification;
  return [
    ['Secrets', String(s.secrets)],
    ['Occurrences', String(s.occurrences)],
    ['Secrets in more than one repository', `${s.secretsInMultipleRepos}${s.secrets > 0 ? ` (${percent(s.secretsInMultipleRepos / s.secrets)})` : ''}`],
    ['Secrets in repositories and tickets', String(s.secretsInReposAndTickets)],
    ['Long-lived share', `${percent(s.longLivedShare)}${s.secrets > 0 ? ` (${s.longLived} of ${s.secrets})` : ''}`],
    ['Median age', s.medianAgeDays === null ? 'n/a' : `${s.medianAgeDays} days`],
    ['Median exposure', days(s.lifecycle.medianExposureDays)],
    ['Median time to revoke', s.lifecycle.medianTimeToRevokeDays === null ? 'nothing revoked yet' : `${s.lifecycle.medianTimeToRevokeDays} days (${s.lifecycle.revokedSecrets} revoked)`],
    ['Verified live', v.known > 0 ? `${percent(v.liveShare)} (${v.live} of ${v.known} checked)` : 'not verified'],
    ['Removed from HEAD, still in history', `${s.removedFromHead} occurrence${s.removedFromHead === 1 ? '' : 's'}`],
    ['Repositories', `${s.repos} (${s.reposWithSecrets} with secrets${s.reposFailed > 0 ? `, ${s.reposFailed} failed` : ''})`],
    ['Ticket systems', `${s.ticketSystems} (${s.tickets} ticket${s.tickets === 1 ? '' : 's'})`],
  ];
}

export function locationLabel(l: LocationSummary): string {
  if (l.ticket || l.system) return `${l.system ?? 'tickets'} ${l.ticket ?? ''}${l.field ? ` (${l.field})` : ''}`.trim();
  let where = `${l.repo ? `${l.repo}: ` : ''}${l.path}${l.line !== undefined ? `:${l.line}` : ''}`;
  if (l.commit) where += ` @ ${l.commit.slice(0, 12)}`;
  return where;
}

/** The day of an ISO time (`-` when there is none). */
export const day = (iso: string | undefined): string => (iso ? iso.slice(0, 10) : '-');
