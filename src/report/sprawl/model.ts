/**
 * The sprawl report: inventory records in, figures out. Pure — no database, no clock of its own —
 * so every output format (text, Markdown, HTML, JSON) shows the same numbers.
 *
 * A *place* is a repository or a ticket (ticket system + ticket key): a secret in three repositories
 * and two tickets has sprawled to five places. Occurrences marked `gone` (no longer found by a
 * complete scan) are history of the inventory, not current sprawl, and are left out of every figure.
 */
import type { OccurrenceRecord, RepoRecord, RunRecord, SecretRecord, SecretStatus } from '../../inventory/records.js';
import { severityRank } from '../../findings/finding.js';
import type { Severity } from '../../rules/vocabulary.js';
import { dropUndefined } from '../../inventory/drop-undefined.js';
import { isoDate } from '../../inventory/iso-date.js';
import { lifecycleOf, trendOf, type Lifecycle, type RevocationEvent, type TrendEntry } from './lifecycle.js';
import { ownersOf, type SecretOwners } from './owners.js';
import { byPriority, riskOf, type Risk } from './priority.js';
import { remediationFor, type Remediation, type RuleAdvice } from './remediation.js';

export const SPRAWL_REPORT_VERSION = 1;
const DAY_MS = 86_400_000;
const TOP_SPRAWLED = 10;

export interface LocationSummary {
  source: string;
  repo?: string;
  path: string;
  line?: number;
  commit?: string;
  committedAt?: string;
  system?: string;
  ticket?: string;
  field?: string;
  url?: string;
  presence: 'present' | 'removed-from-head';
  branches?: string[];
  firstSeen: string;
  lastSeen: string;
}

/** One secret in the report: its inventory record's identity and status, plus sprawl figures. */
export interface SecretSummary
  extends Pick<
    SecretRecord,
    'fingerprint' | 'ruleId' | 'provider' | 'title' | 'severity' | 'lifetime' | 'redacted' | 'status' | 'firstSeen' | 'lastSeen' | 'expiresAt' | 'verification'
  > {
  /** Repositories plus tickets holding it. */
  places: number;
  occurrences: number;
  repos: string[];
  ticketSystems: string[];
  /** `system:ticket`. */
  tickets: string[];
  /** Branches holding an adding commit; null when none are known. */
  branches: string[] | null;
  /** Occurrences still at HEAD (or in the scanned files), and those only in history. */
  inHead: number;
  removedFromHead: number;
  /** Earliest author date of a commit that added it. */
  firstCommitted?: string;
  /** Days from first commit (or first sighting) to the report's time. */
  ageDays: number;
  /** Place in the remediation queue: 1 = fix first; unique. */
  priority: number;
  /** The score the queue is ordered by, and the factors that make it up, in words. */
  risk: Risk;
  /** What to do now, and what to move the workload to. */
  remediation: Remediation;
  /** Who to ask: commit authors, CODEOWNERS owners, ticket authors. */
  owners: SecretOwners;
  locations: LocationSummary[];
}

export interface RepoSummary {
  name: string;
  state?: RepoRecord['state'];
  location?: string;
  error?: string;
  scannedAt?: string;
  head?: string;
  commits?: number;
  secrets: number;
  occurrences: number;
  /** Secrets here that are in at least one other place too. */
  sharedSecrets: number;
  longLived: number;
  inHead: number;
  removedFromHead: number;
}

export interface TicketSystemSummary {
  system: string;
  tickets: number;
  secrets: number;
  occurrences: number;
  sharedSecrets: number;
}

export interface TopSprawled {
  fingerprint: string;
  redacted: string;
  provider: string;
  lifetime: string;
  status: SecretStatus;
  places: number;
  repos: number;
  tickets: number;
  occurrences: number;
}

export interface SprawlSummary {
  secrets: number;
  occurrences: number;
  /** Repositories known to the inventory (scanned, or holding an occurrence). */
  repos: number;
  reposWithSecrets: number;
  reposFailed: number;
  ticketSystems: number;
  tickets: number;
  secretsInMultipleRepos: number;
  secretsInReposAndTickets: number;
  secretsInMultiplePlaces: number;
  longLived: number;
  /** longLived / secrets; null without secrets. */
  longLivedShare: number | null;
  medianAgeDays: number | null;
  removedFromHead: number;
  /** Secrets whose every occurrence is gone. */
  goneSecrets: number;
  byStatus: Record<SecretStatus, number>;
  verification: {
    /** Secrets with a live/dead verdict (verified-live, dead or revoked). */
    known: number;
    live: number;
    /** live / known; null when nothing was verified. */
    liveShare: number | null;
  };
  /** Exposure and time to revoke, and what each month opened, revoked and saw disappear. */
  lifecycle: Lifecycle;
}

export interface SprawlReport {
  version: typeof SPRAWL_REPORT_VERSION;
  tool: { name: 'sprawlguard'; version: string };
  generatedAt: string;
  inventory: { schemaVersion: number; runs: number; lastRunAt?: string };
  summary: SprawlSummary;
  topSprawled: TopSprawled[];
  secrets: SecretSummary[];
  repos: RepoSummary[];
  ticketSystems: TicketSystemSummary[];
  /** One entry per recorded run, oldest first: whether sprawl is shrinking. */
  trend: TrendEntry[];
}

export interface ReportInput {
  secrets: readonly SecretRecord[];
  /** Including `gone` ones (they count only towards `goneSecrets`). */
  occurrences: readonly OccurrenceRecord[];
  repos: readonly RepoRecord[];
  runs: readonly RunRecord[];
  /** Confirmed revocations from the audit log (the inventory may not have recorded them all). */
  revocations?: readonly RevocationEvent[];
}

/** The reading side of an open inventory: all the report is computed from. */
export interface InventoryReader {
  secrets(): SecretRecord[];
  occurrences(options: { includeGone?: boolean }): OccurrenceRecord[];
  repos(): RepoRecord[];
  runs(): RunRecord[];
}

/** Everything the report needs from an inventory, gone occurrences included. */
export function reportInputFrom(inventory: InventoryReader): ReportInput {
  return { secrets: inventory.secrets(), occurrences: inventory.occurrences({ includeGone: true }), repos: inventory.repos(), runs: inventory.runs() };
}

export interface SprawlModelContext {
  now: Date;
  toolVersion: string;
  schemaVersion: number;
  /** The rule pack's advice for a rule id (its remediation and references), where known. */
  ruleAdvice?: (ruleId: string) => RuleAdvice | undefined;
}

export function buildSprawlReport(input: ReportInput, context: SprawlModelContext): SprawlReport {
  const nowMs = context.now.getTime();
  const active = input.occurrences.filter((o) => o.presence !== 'gone');
  const bySecret = groupBy(active, (o) => o.fingerprint);

  const codeowners = new Map(input.repos.map((r) => [r.name, r.codeowners]));
  const unranked: SecretSummary[] = [];
  for (const s of input.secrets) {
    const occs = bySecret.get(s.fingerprint);
    if (!occs || occs.length === 0) continue;
    const summary = summarizeSecret(s, occs, nowMs);
    summary.risk = riskOf(summary);
    summary.remediation = remediationFor(summary, summary.locations, context.ruleAdvice?.(s.ruleId));
    summary.owners = ownersOf(occs, (repo) => codeowners.get(repo));
    unranked.push(summary);
  }
  // The queue's order: `secrets` is the remediation queue, priority 1 first.
  const secrets = byPriority(unranked);
  secrets.forEach((s, i) => (s.priority = i + 1));
  const bySprawl = [...secrets].sort(
    (a, b) => b.places - a.places || b.occurrences - a.occurrences || rankOf(b.severity) - rankOf(a.severity) || a.fingerprint.localeCompare(b.fingerprint),
  );
  const placesOf = new Map(secrets.map((s) => [s.fingerprint, s.places]));
  const lifetimeOf = new Map(secrets.map((s) => [s.fingerprint, s.lifetime]));

  const repoNames = new Set<string>([...input.repos.map((r) => r.name), ...active.filter((o) => o.repo !== '').map((o) => o.repo)]);
  const repoInfo = new Map(input.repos.map((r) => [r.name, r]));
  const occByRepo = groupBy(
    active.filter((o) => o.repo !== ''),
    (o) => o.repo,
  );
  const repos: RepoSummary[] = [...repoNames].map((name) => {
    const occs = occByRepo.get(name) ?? [];
    const fps = new Set(occs.map((o) => o.fingerprint));
    const info = repoInfo.get(name);
    return dropUndefined({
      name,
      state: info?.state,
      location: info?.location,
      error: info?.state === 'failed' ? info.error : undefined,
      scannedAt: info?.scannedAt,
      head: info?.head,
      commits: info?.commits,
      secrets: fps.size,
      occurrences: occs.length,
      sharedSecrets: [...fps].filter((fp) => (placesOf.get(fp) ?? 0) > 1).length,
      longLived: [...fps].filter((fp) => lifetimeOf.get(fp) === 'long-lived').length,
      inHead: occs.filter((o) => o.presence === 'present').length,
      removedFromHead: occs.filter((o) => o.presence === 'removed-from-head').length,
    });
  });
  repos.sort((a, b) => b.secrets - a.secrets || b.occurrences - a.occurrences || a.name.localeCompare(b.name));

  const ticketOccs = active.filter((o) => o.ticket !== '' || o.system !== '');
  const ticketSystems: TicketSystemSummary[] = [...groupBy(ticketOccs, (o) => o.system || 'tickets')].map(([system, occs]) => {
    const fps = new Set(occs.map((o) => o.fingerprint));
    return {
      system,
      tickets: new Set(occs.map((o) => o.ticket)).size,
      secrets: fps.size,
      occurrences: occs.length,
      sharedSecrets: [...fps].filter((fp) => (placesOf.get(fp) ?? 0) > 1).length,
    };
  });
  ticketSystems.sort((a, b) => b.secrets - a.secrets || a.system.localeCompare(b.system));

  const byStatus = Object.fromEntries(['open', 'allowed', 'verified-live', 'dead', 'revoked'].map((s) => [s, 0])) as Record<SecretStatus, number>;
  for (const s of secrets) byStatus[s.status]++;
  const known = byStatus['verified-live'] + byStatus.dead + byStatus.revoked;
  const longLived = secrets.filter((s) => s.lifetime === 'long-lived').length;
  const allTickets = new Set(ticketOccs.map((o) => `${o.system}:${o.ticket}`));
  const activeFps = new Set(active.map((o) => o.fingerprint));
  const lastRun = input.runs.reduce<string | undefined>((latest, r) => {
    const t = r.finishedAt ?? r.startedAt;
    return latest === undefined || t > latest ? t : latest;
  }, undefined);

  const summary: SprawlSummary = {
    secrets: secrets.length,
    occurrences: active.length,
    repos: repos.length,
    reposWithSecrets: repos.filter((r) => r.secrets > 0).length,
    reposFailed: repos.filter((r) => r.state === 'failed').length,
    ticketSystems: ticketSystems.length,
    tickets: allTickets.size,
    secretsInMultipleRepos: secrets.filter((s) => s.repos.length > 1).length,
    secretsInReposAndTickets: secrets.filter((s) => s.repos.length > 0 && s.tickets.length > 0).length,
    secretsInMultiplePlaces: secrets.filter((s) => s.places > 1).length,
    longLived,
    longLivedShare: secrets.length > 0 ? longLived / secrets.length : null,
    medianAgeDays: median(secrets.map((s) => s.ageDays)),
    removedFromHead: active.filter((o) => o.presence === 'removed-from-head').length,
    goneSecrets: input.secrets.filter((s) => !activeFps.has(s.fingerprint)).length,
    byStatus,
    verification: { known, live: byStatus['verified-live'], liveShare: known > 0 ? byStatus['verified-live'] / known : null },
    lifecycle: lifecycleOf(input.secrets, input.occurrences, input.revocations ?? [], nowMs),
  };

  const topSprawled: TopSprawled[] = bySprawl
    .filter((s) => s.places > 1)
    .slice(0, TOP_SPRAWLED)
    .map((s) => ({
      fingerprint: s.fingerprint,
      redacted: s.redacted,
      provider: s.provider,
      lifetime: s.lifetime,
      status: s.status,
      places: s.places,
      repos: s.repos.length,
      tickets: s.tickets.length,
      occurrences: s.occurrences,
    }));

  return {
    version: SPRAWL_REPORT_VERSION,
    tool: { name: 'sprawlguard', version: context.toolVersion },
    generatedAt: context.now.toISOString(),
    inventory: dropUndefined({ schemaVersion: context.schemaVersion, runs: input.runs.length, lastRunAt: lastRun }),
    summary,
    topSprawled,
    secrets,
    repos,
    ticketSystems,
    trend: trendOf(input.runs),
  };
}

function summarizeSecret(s: SecretRecord, occs: readonly OccurrenceRecord[], nowMs: number): SecretSummary {
  const repos = sortedUnique(occs.filter((o) => o.repo !== '').map((o) => o.repo));
  const ticketOccs = occs.filter((o) => o.ticket !== '' || o.system !== '');
  const tickets = sortedUnique(ticketOccs.map((o) => `${o.system}:${o.ticket}`));
  const ticketSystems = sortedUnique(ticketOccs.map((o) => o.system || 'tickets'));
  const branchLists = occs.flatMap((o) => (o.branches ? [o.branches] : []));
  const committed = occs
    .map((o) => isoDate(o.committedAt))
    .filter((d): d is string => d !== undefined && Number.isFinite(Date.parse(d)))
    .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  const startMs = Math.min(Date.parse(s.firstSeen), committed !== undefined ? Date.parse(committed) : Number.POSITIVE_INFINITY);
  const locations: LocationSummary[] = occs
    .map((o) =>
      dropUndefined({
        source: o.source,
        repo: o.repo || undefined,
        path: o.path,
        line: o.line,
        commit: o.commit,
        committedAt: isoDate(o.committedAt),
        system: o.system || undefined,
        ticket: o.ticket || undefined,
        field: o.field || undefined,
        url: o.url,
        presence: o.presence as LocationSummary['presence'],
        branches: o.branches,
        firstSeen: o.firstSeen,
        lastSeen: o.lastSeen,
      }),
    )
    .sort((a, b) => (a.repo ?? '').localeCompare(b.repo ?? '') || (a.system ?? '').localeCompare(b.system ?? '') || (a.ticket ?? '').localeCompare(b.ticket ?? '') || a.path.localeCompare(b.path));
  return dropUndefined({
    fingerprint: s.fingerprint,
    ruleId: s.ruleId,
    provider: s.provider,
    title: s.title,
    severity: s.severity,
    lifetime: s.lifetime,
    redacted: s.redacted,
    status: s.status,
    places: repos.length + tickets.length,
    occurrences: occs.length,
    repos,
    ticketSystems,
    tickets,
    branches: branchLists.length > 0 ? sortedUnique(branchLists.flat()) : null,
    inHead: occs.filter((o) => o.presence === 'present').length,
    removedFromHead: occs.filter((o) => o.presence === 'removed-from-head').length,
    firstSeen: s.firstSeen,
    lastSeen: s.lastSeen,
    firstCommitted: committed,
    ageDays: Number.isFinite(startMs) ? Math.max(0, Math.round(((nowMs - startMs) / DAY_MS) * 10) / 10) : 0,
    expiresAt: s.expiresAt,
    verification: s.verification,
    // Filled in by buildSprawlReport once every secret is summarised.
    priority: 0,
    risk: { score: 0, actionable: false, factors: [] },
    remediation: { next: '', revoke: '', replaceWith: [], links: [] },
    owners: { authors: [], codeOwners: [], ticketAuthors: [] },
    locations,
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    let list = map.get(k);
    if (!list) map.set(k, (list = []));
    list.push(item);
  }
  return map;
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(value * 10) / 10;
}

/** Severities read from a shard file may be anything: unknown ones rank lowest. */
function rankOf(severity: string): number {
  return severityRank(severity as Severity) ?? 0;
}

