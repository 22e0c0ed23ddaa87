/**
 * Merging another inventory's records (a shard file) into this one. Seen times widen (earliest
 * first seen, latest last seen); for a location, the most recently seen record wins; a triage or
 * verification status is taken when it is newer than the one held. A repository the other side
 * scanned completely, more recently than this side, is reconciled: its occurrences missing there
 * are marked `gone`.
 */
import type { SourceKind } from '../findings/finding.js';
import { fromRow, insertInto, OCCURRENCES, paramsOf, REPOS, SECRETS, selectFrom } from './columns.js';
import { hasSecret } from './read-records.js';
import { GIT_SOURCES, occurrenceKey, type InventoryExport, type OccurrenceRecord, type RepoRecord, type SecretRecord } from './records.js';
import { repoState } from './repos.js';
import type { Store } from './store.js';

export interface MergeCounts {
  repos: number;
  secrets: number;
  occurrences: number;
}

export function importExport(store: Store, runId: number, data: InventoryExport): MergeCounts {
  return store.transaction(() => {
    const appliedRepos = new Set<string>();
    for (const repo of data.repos) if (mergeRepo(store, repo, runId)) appliedRepos.add(repo.name);
    for (const secret of data.secrets) mergeSecret(store, secret);
    const incomingKeys = new Map<string, Set<string>>();
    for (const occ of data.occurrences) {
      if (!hasSecret(store, occ.fingerprint)) continue;
      mergeOccurrence(store, occ, runId);
      let keys = incomingKeys.get(occ.repo);
      if (!keys) incomingKeys.set(occ.repo, (keys = new Set()));
      keys.add(occurrenceKey(occ));
    }
    for (const repo of data.repos) {
      if (repo.state !== 'done' || !appliedRepos.has(repo.name)) continue;
      const keys = incomingKeys.get(repo.name) ?? new Set<string>();
      const mark = store.prepare("UPDATE occurrences SET presence = 'gone' WHERE id = ?");
      const rows = store.prepare(`${selectFrom(OCCURRENCES, ['id'])} WHERE repo = ? AND presence != 'gone'`).all(repo.name) as Record<string, unknown>[];
      for (const row of rows) {
        if (GIT_SOURCES.includes(row.source as SourceKind) && !keys.has(occurrenceKey(fromRow(OCCURRENCES, row)))) mark.run(row.id as number);
      }
    }
    return { repos: data.repos.length, secrets: data.secrets.length, occurrences: data.occurrences.length };
  });
}

function mergeRepo(store: Store, repo: RepoRecord, runId: number): boolean {
  const current = repoState(store, repo.name);
  const activity = (r: RepoRecord): string => [r.scannedAt ?? '', r.startedAt ?? ''].sort().at(-1) ?? '';
  if (current && activity(current) > activity(repo)) return false;
  store.prepare(insertInto(REPOS, { verb: 'INSERT OR REPLACE', extraColumns: ['last_run'] })).run({ ...paramsOf(REPOS, repo), last_run: runId });
  return true;
}

const UPDATE_SECRET = `UPDATE secrets SET status = @status, first_seen = @first_seen, last_seen = @last_seen,
    status_changed_at = @status_changed_at, expires_at = @expires_at, facts = @facts, verified_status = @verified_status,
    verified_at = @verified_at, verified_identity = @verified_identity, verified_reason = @verified_reason,
    revoked_at = @revoked_at
  WHERE fingerprint = @fingerprint`;

function mergeSecret(store: Store, s: SecretRecord): void {
  const row = store.prepare(`${selectFrom(SECRETS)} WHERE fingerprint = ?`).get(s.fingerprint) as Record<string, unknown> | undefined;
  if (!row) {
    store.prepare(insertInto(SECRETS)).run(paramsOf(SECRETS, s));
    return;
  }
  const existing = fromRow(SECRETS, row);
  const merged: SecretRecord = {
    ...existing,
    firstSeen: s.firstSeen < existing.firstSeen ? s.firstSeen : existing.firstSeen,
    lastSeen: s.lastSeen > existing.lastSeen ? s.lastSeen : existing.lastSeen,
    expiresAt: existing.expiresAt ?? s.expiresAt,
    facts: existing.facts ?? s.facts,
  };
  // `open` is where every secret starts, not a decision: it never overrides one.
  if (s.status !== 'open' && (existing.status === 'open' || (s.statusChangedAt ?? '') > (existing.statusChangedAt ?? ''))) {
    merged.status = s.status;
    merged.statusChangedAt = s.statusChangedAt;
    merged.revokedAt = s.revokedAt ?? existing.revokedAt;
  }
  if (s.verification && (!existing.verification || s.verification.checkedAt > existing.verification.checkedAt)) {
    merged.verification = s.verification;
  }
  store.prepare(UPDATE_SECRET).run(paramsOf(SECRETS, merged));
}

function mergeOccurrence(store: Store, o: OccurrenceRecord, runId: number): void {
  const existing = store
    .prepare(`${selectFrom(OCCURRENCES, ['id'])} WHERE fingerprint = ? AND repo = ? AND path = ? AND system = ? AND ticket = ? AND field = ?`)
    .get(o.fingerprint, o.repo, o.path, o.system, o.ticket, o.field) as Record<string, unknown> | undefined;
  const params = { ...paramsOf(OCCURRENCES, o), last_run: runId };
  if (!existing) {
    store.prepare(insertInto(OCCURRENCES, { extraColumns: ['last_run'] })).run(params);
    return;
  }
  const newer = o.lastSeen >= (existing.last_seen as string);
  store
    .prepare(
      `UPDATE occurrences SET first_seen = min(first_seen, @first_seen), last_seen = max(last_seen, @last_seen),
         last_run = @last_run ${
           newer
             ? `, source = @source, line = @line, commit_id = @commit_id, author = @author, committed_at = @committed_at,
                url = coalesce(@url, url), context = coalesce(@context, context), presence = @presence, branches = coalesce(@branches, branches)`
             : ''
         }
       WHERE id = @id`,
    )
    .run({ ...params, id: existing.id as number });
}
