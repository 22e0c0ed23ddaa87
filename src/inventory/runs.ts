/**
 * Scan runs: every command that writes to the inventory is one run, owned by its process. A run
 * whose process ends without finishing it is marked `interrupted` by the next open (run-owner.ts).
 */
import { fromRow, insertInto, paramsOf, RUNS, selectFrom } from './columns.js';
import type { RunKind, RunRecord, RunStatus } from './records.js';
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

export function finishRun(store: Store, runId: number, status: Exclude<RunStatus, 'running'>): void {
  store.transaction(() => store.prepare('UPDATE scan_runs SET status = ?, finished_at = ? WHERE id = ?').run(status, store.stamp(), runId));
}

export function listRuns(store: Store): RunRecord[] {
  return store.prepare(`${selectFrom(RUNS)} ORDER BY id`).all().map((row) => fromRow(RUNS, row as Record<string, unknown>));
}
