/**
 * Scan runs: every command that writes to the inventory is one run, owned by its process. A run
 * whose process ends without finishing it is marked `interrupted` by the next open (run-owner.ts).
 */
import { fromRow, insertInto, paramsOf, RUNS, selectFrom } from './columns.js';
import type { RunKind, RunRecord, RunStats, RunStatus } from './records.js';
import { currentOwner } from './run-owner.js';
import type { Store } from './store.js';

export interface RunStart {
  kind: RunKind;
  target: string;
  toolVersion: string;
  options: Record<string, unknown>;
}

/** A new run, owned by this process; its id. */
export function startRun(store: Store, info: RunStart): number {
  const owner = currentOwner();
  return store.transaction(() => {
    const record: Omit<RunRecord, 'id'> = { ...info, startedAt: store.stamp(), status: 'running' };
    const result = store
      .prepare(insertInto(RUNS, { omit: ['id'], extraColumns: ['owner_pid', 'owner_host', 'owner_started'] }))
      .run({ ...paramsOf(RUNS, record), owner_pid: owner.pid, owner_host: owner.host, owner_started: owner.started ?? null });
    return Number(result.lastInsertRowid);
  });
}

/** Finish a run, keeping the inventory's figures at that moment for the sprawl trend. */
export function finishRun(store: Store, runId: number, status: Exclude<RunStatus, 'running'>): void {
  store.transaction(() => {
    const stats = runStats(store, runId);
    store.prepare('UPDATE scan_runs SET status = ?, finished_at = ?, stats = ? WHERE id = ?').run(status, store.stamp(), JSON.stringify(stats), runId);
  });
}

const ACTIVE = "EXISTS (SELECT 1 FROM occurrences o WHERE o.fingerprint = s.fingerprint AND o.presence != 'gone')";

function runStats(store: Store, runId: number): RunStats {
  const row = store
    .prepare(
      `SELECT
         sum(CASE WHEN s.status IN ('open', 'verified-live') AND ${ACTIVE} THEN 1 ELSE 0 END) AS open,
         sum(CASE WHEN s.first_seen >= r.started_at THEN 1 ELSE 0 END) AS new,
         sum(CASE WHEN s.status IN ('revoked', 'dead') OR NOT ${ACTIVE} THEN 1 ELSE 0 END) AS closed,
         sum(CASE WHEN s.status = 'revoked' THEN 1 ELSE 0 END) AS revoked,
         sum(CASE WHEN s.status = 'verified-live' AND ${ACTIVE} THEN 1 ELSE 0 END) AS verified_live
       FROM secrets s, (SELECT started_at FROM scan_runs WHERE id = ?) r`,
    )
    .get(runId) as Record<string, number | null> | undefined;
  const n = (v: number | null | undefined): number => Number(v ?? 0);
  return { open: n(row?.open), new: n(row?.new), closed: n(row?.closed), revoked: n(row?.revoked), verifiedLive: n(row?.verified_live) };
}

export function listRuns(store: Store): RunRecord[] {
  return store.prepare(`${selectFrom(RUNS)} ORDER BY id`).all().map((row) => fromRow(RUNS, row as Record<string, unknown>));
}
