/**
 * Each repository's scan state, for org scans and their resumption: scanning, done (with the head,
 * refs digest and settings it was scanned with) or failed (with its error).
 */
import { fromRow, insertInto, paramsOf, REPOS, selectFrom } from './columns.js';
import type { RepoRecord } from './records.js';
import type { Store } from './store.js';

export type RepoScanFacts = Pick<RepoRecord, 'head' | 'refsDigest' | 'pushedAt' | 'settingsDigest' | 'commits' | 'bytes' | 'findings' | 'durationMs' | 'codeowners'>;

const MARK_DONE = `${insertInto(REPOS, { extraColumns: ['last_run'] })}
  ON CONFLICT (name) DO UPDATE SET location = excluded.location, state = 'done', head = excluded.head,
    refs_digest = excluded.refs_digest, pushed_at = excluded.pushed_at, settings_digest = excluded.settings_digest,
    commits = excluded.commits,
    bytes = excluded.bytes, findings = excluded.findings, duration_ms = excluded.duration_ms, codeowners = excluded.codeowners, error = NULL,
    last_run = excluded.last_run, scanned_at = excluded.scanned_at`;

export function repoState(store: Store, name: string): RepoRecord | undefined {
  const row = store.prepare(`${selectFrom(REPOS)} WHERE name = ?`).get(name) as Record<string, unknown> | undefined;
  return row ? fromRow(REPOS, row) : undefined;
}

export function markRepoScanning(store: Store, name: string, location: string, runId: number): void {
  store.transaction(() =>
    store
      .prepare(
        `INSERT INTO repos (name, location, state, last_run, started_at) VALUES (?, ?, 'scanning', ?, ?)
         ON CONFLICT (name) DO UPDATE SET location = excluded.location, state = 'scanning', last_run = excluded.last_run,
           started_at = excluded.started_at, error = NULL`,
      )
      .run(name, location, runId, store.stamp()),
  );
}

export function markRepoDone(store: Store, name: string, location: string, facts: RepoScanFacts, runId: number): void {
  const now = store.stamp();
  const record: RepoRecord = { name, location, state: 'done', ...pickFacts(facts), startedAt: now, scannedAt: now };
  store.transaction(() => store.prepare(MARK_DONE).run({ ...paramsOf(REPOS, record), last_run: runId }));
}

/** Only the scan facts: a caller's object may carry more (or an `error`, which a done repository has not). */
function pickFacts(f: RepoScanFacts): RepoScanFacts {
  const { head, refsDigest, pushedAt, settingsDigest, commits, bytes, findings, durationMs, codeowners } = f;
  return { head, refsDigest, pushedAt, settingsDigest, commits, bytes, findings, durationMs, codeowners };
}

/** A repository that could not be scanned: the error is kept, earlier results stay as they were. */
export function markRepoFailed(store: Store, name: string, location: string, error: string, runId: number): void {
  store.transaction(() =>
    store
      .prepare(
        `INSERT INTO repos (name, location, state, error, last_run, started_at) VALUES (?, ?, 'failed', ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET location = excluded.location, state = 'failed', error = excluded.error,
           last_run = excluded.last_run`,
      )
      .run(name, location, error, runId, store.stamp()),
  );
}

/** An unchanged repository: everything found there before is still there, so it was seen now. */
export function touchRepo(store: Store, name: string, runId: number): void {
  const now = store.stamp();
  store.transaction(() => {
    store
      .prepare(
        `UPDATE secrets SET last_seen = ? WHERE fingerprint IN
           (SELECT fingerprint FROM occurrences WHERE repo = ? AND presence != 'gone')`,
      )
      .run(now, name);
    store.prepare("UPDATE occurrences SET last_seen = ?, last_run = ? WHERE repo = ? AND presence != 'gone'").run(now, runId, name);
    store.prepare('UPDATE repos SET last_run = ? WHERE name = ?').run(runId, name);
  });
}
