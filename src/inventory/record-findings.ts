/**
 * Recording one scan's findings: each secret once (by fingerprint), each place it was seen once
 * (by occurrence key), and, for a scan that covered a repository completely, what it no longer
 * finds there marked `gone`. Line and commit say where a secret was first added.
 */
import type { Finding, SourceKind } from '../findings/finding.js';
import { fromRow, insertInto, OCCURRENCES, paramsOf, SECRETS, selectFrom } from './columns.js';
import {
  locationKeyParts,
  occurrenceAtHeadKey,
  occurrenceKey,
  type OccurrenceRecord,
  type Presence,
  type RecordScope,
  type RecordSummary,
  type SecretRecord,
} from './records.js';
import { isoDate } from './iso-date.js';
import type { Store } from './store.js';

const INSERT_SECRET = `${insertInto(SECRETS)}
  ON CONFLICT (fingerprint) DO UPDATE SET
    last_seen = max(last_seen, excluded.last_seen),
    expires_at = coalesce(excluded.expires_at, expires_at),
    facts = coalesce(excluded.facts, facts)`;

const UPSERT_OCCURRENCE = `${insertInto(OCCURRENCES, { extraColumns: ['last_run'] })}
  ON CONFLICT (fingerprint, repo, path, system, ticket, field) DO UPDATE SET
    source = excluded.source, line = excluded.line, commit_id = excluded.commit_id, author = excluded.author,
    committed_at = excluded.committed_at, url = coalesce(excluded.url, url), context = coalesce(excluded.context, context),
    last_seen = excluded.last_seen, last_run = excluded.last_run, presence = excluded.presence,
    branches = coalesce(excluded.branches, branches)`;

/** Record one scan's findings (already filtered by config and baseline). */
export function recordFindings(store: Store, runId: number, findings: readonly Finding[], scope: RecordScope = {}): RecordSummary {
  const now = store.stamp();
  const insertSecret = store.prepare(INSERT_SECRET);
  const upsertOccurrence = store.prepare(UPSERT_OCCURRENCE);
  const exists = store.prepare('SELECT 1 FROM secrets WHERE fingerprint = ?');

  return store.transaction(() => {
    const fingerprints = new Set<string>();
    let newSecrets = 0;
    const occurrenceKeys = new Set<string>();
    for (const f of findings) {
      if (!fingerprints.has(f.fingerprint)) {
        if (exists.get(f.fingerprint) === undefined) newSecrets++;
        fingerprints.add(f.fingerprint);
      }
      insertSecret.run(paramsOf(SECRETS, newSecret(f, now)));
      const occurrence = occurrenceOf(f, scope, now);
      occurrenceKeys.add(occurrenceKey(occurrence));
      upsertOccurrence.run({ ...paramsOf(OCCURRENCES, occurrence), last_run: runId });
    }
    let gone = 0;
    if (scope.completeFor && scope.completeFor.length > 0 && scope.repo !== undefined) {
      const repo = scope.repo;
      const kept = new Set((scope.seenButFiltered ?? []).map((f) => occurrenceKey({ ...locationKeyParts(f, repo), fingerprint: f.fingerprint })));
      gone = markUnseenGone(store, repo, scope.completeFor, runId, kept);
    }
    return { secrets: fingerprints.size, newSecrets, occurrences: occurrenceKeys.size, gone };
  });
}

/** A finding's secret as first recorded; an existing one keeps its status and first sighting. */
function newSecret(f: Finding, now: string): SecretRecord {
  return {
    fingerprint: f.fingerprint,
    ruleId: f.ruleId,
    provider: f.provider,
    title: f.title,
    severity: f.severity,
    lifetime: f.lifetime,
    redacted: f.redacted,
    status: 'open',
    firstSeen: now,
    lastSeen: now,
    statusChangedAt: now,
    expiresAt: f.expiresAt,
    facts: f.facts && Object.keys(f.facts).length > 0 ? f.facts : undefined,
  };
}

function occurrenceOf(f: Finding, scope: RecordScope, now: string): OccurrenceRecord {
  const loc = f.location;
  const presence: Presence =
    scope.presentAtHead === undefined || loc.source !== 'history'
      ? 'present'
      : scope.presentAtHead.has(occurrenceAtHeadKey(f.fingerprint, loc.path))
        ? 'present'
        : 'removed-from-head';
  const branches = loc.commit !== undefined ? scope.branches?.get(loc.commit) : undefined;
  return {
    fingerprint: f.fingerprint,
    source: loc.source,
    ...locationKeyParts(f, scope.repo ?? loc.repo ?? ''),
    line: loc.line,
    commit: loc.commit,
    author: loc.author,
    committedAt: isoDate(loc.date),
    url: loc.url,
    context: loc.context,
    presence,
    branches: branches ? [...branches].sort() : undefined,
    firstSeen: now,
    lastSeen: now,
  };
}

/**
 * A complete scan did not find these occurrences: they are gone. Secrets the configuration
 * allowlists are exempt (the scan filters them out, it did not stop seeing them).
 */
function markUnseenGone(store: Store, repo: string, sources: readonly SourceKind[], runId: number, seenButFiltered: ReadonlySet<string>): number {
  const placeholders = sources.map(() => '?').join(', ');
  const rows = store
    .prepare(
      `${selectFrom(OCCURRENCES, ['id'])}
       WHERE repo = ? AND source IN (${placeholders}) AND presence != 'gone' AND (last_run IS NULL OR last_run != ?)
         AND fingerprint NOT IN (SELECT fingerprint FROM secrets WHERE status = 'allowed')`,
    )
    .all(repo, ...sources, runId) as Record<string, unknown>[];
  const mark = store.prepare("UPDATE occurrences SET presence = 'gone' WHERE id = ?");
  let n = 0;
  for (const row of rows) {
    if (seenButFiltered.has(occurrenceKey(fromRow(OCCURRENCES, row)))) continue;
    mark.run(row.id as number);
    n++;
  }
  return n;
}
