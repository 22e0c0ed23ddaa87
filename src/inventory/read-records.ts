/**
 * Reading the inventory back as records: all secrets, occurrences (live ones, or all), repositories,
 * what a shard file carries for a set of repositories, and a canonical snapshot for comparisons.
 */
import { fromRow, OCCURRENCES, REPOS, SECRETS, selectFrom } from './columns.js';
import { occurrenceKey, type InventoryExport, type OccurrenceRecord, type RepoRecord, type SecretRecord } from './records.js';
import type { Store } from './store.js';

export function hasSecret(store: Store, fingerprint: string): boolean {
  return store.prepare('SELECT 1 FROM secrets WHERE fingerprint = ?').get(fingerprint) !== undefined;
}

export function listSecrets(store: Store): SecretRecord[] {
  return store.prepare(`${selectFrom(SECRETS)} ORDER BY fingerprint`).all().map((row) => fromRow(SECRETS, row as Record<string, unknown>));
}

export function listOccurrences(store: Store, options: { includeGone?: boolean; repos?: readonly string[] } = {}): OccurrenceRecord[] {
  const only = options.repos ? new Set(options.repos) : undefined;
  const out: OccurrenceRecord[] = [];
  const rows = store.prepare(`${selectFrom(OCCURRENCES)} ${options.includeGone ? '' : "WHERE presence != 'gone'"} ORDER BY id`).iterate();
  for (const row of rows as IterableIterator<Record<string, unknown>>) if (!only || only.has(row.repo as string)) out.push(fromRow(OCCURRENCES, row));
  return out;
}

export function listRepos(store: Store): RepoRecord[] {
  return store.prepare(`${selectFrom(REPOS)} ORDER BY name`).all().map((row) => fromRow(REPOS, row as Record<string, unknown>));
}

/** What a shard file carries: the listed repositories, their live occurrences and those secrets. */
export function exportRepos(store: Store, names: readonly string[]): InventoryExport {
  const wanted = new Set(names);
  const repos = listRepos(store).filter((r) => wanted.has(r.name));
  const occurrences = listOccurrences(store, { repos: names });
  const fps = new Set(occurrences.map((o) => o.fingerprint));
  const secrets = listSecrets(store).filter((s) => fps.has(s.fingerprint));
  return { repos, secrets, occurrences };
}

export interface InventorySnapshot {
  secrets: Pick<SecretRecord, 'fingerprint' | 'ruleId' | 'provider' | 'lifetime' | 'redacted' | 'status'>[];
  occurrences: Pick<OccurrenceRecord, 'fingerprint' | 'source' | 'repo' | 'path' | 'line' | 'commit' | 'presence' | 'branches' | 'system' | 'ticket' | 'field'>[];
  repos: Pick<RepoRecord, 'name' | 'state' | 'head' | 'refsDigest' | 'commits' | 'findings' | 'error'>[];
}

/**
 * A canonical view without times or run ids: two inventories of the same repositories compare
 * equal whatever order or split (shards) they were built in.
 */
export function snapshot(store: Store): InventorySnapshot {
  return {
    secrets: listSecrets(store).map(({ fingerprint, ruleId, provider, lifetime, redacted, status }) => ({ fingerprint, ruleId, provider, lifetime, redacted, status })),
    occurrences: listOccurrences(store, { includeGone: true })
      .map(({ fingerprint, source, repo, path, line, commit, presence, branches, system, ticket, field }) => ({
        fingerprint, source, repo, path, line, commit, presence, branches, system, ticket, field,
      }))
      .sort((a, b) => occurrenceKey(a).localeCompare(occurrenceKey(b))),
    repos: listRepos(store).map(({ name, state, head, refsDigest, commits, findings, error }) => ({ name, state, head, refsDigest, commits, findings, error })),
  };
}
