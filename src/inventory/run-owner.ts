/**
 * Which process owns a scan run, so a run whose process died (kill -9, out of memory, power loss)
 * is not left `running` forever: the next process to open the inventory on the same host finds the
 * owner gone and marks the run `interrupted`.
 *
 * An owner is its pid, host name and, on Linux, its start time from /proc (a pid reused by a later
 * process has another start time). Runs owned by another host are left as they are: their process
 * cannot be seen from here.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { SqlDatabase } from './sqlite.js';

export interface RunOwner {
  pid: number;
  host: string;
  /** Process start time as the OS gives it (Linux: clock ticks since boot); undefined where unknown. */
  started?: string;
}

export function currentOwner(): RunOwner {
  const started = processStart(process.pid);
  return { pid: process.pid, host: os.hostname(), ...(started !== undefined ? { started } : {}) };
}

/** Whether the process that owned a run (on this host) has ended. */
export function ownerIsGone(owner: RunOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: a process with that pid exists (another user's); only ESRCH says there is none.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
  }
  if (owner.started === undefined) return false;
  const now = processStart(owner.pid);
  return now !== undefined && now !== owner.started;
}

/** Linux: field 22 of /proc/PID/stat (after the command name, which may hold spaces and parentheses). */
function processStart(pid: number): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const start = fields[19];
  return start !== undefined && /^\d+$/.test(start) ? start : undefined;
}

interface RunningRow {
  id: number;
  owner_pid: number;
  owner_started: string | null;
}

/** Mark `running` runs of this host whose process is gone as `interrupted`; returns how many. */
export function interruptAbandonedRuns(db: SqlDatabase, host = os.hostname()): number {
  const rows = db
    .prepare("SELECT id, owner_pid, owner_started FROM scan_runs WHERE status = 'running' AND owner_pid IS NOT NULL AND owner_host = ?")
    .all(host) as RunningRow[];
  const gone = rows.filter((r) => ownerIsGone({ pid: r.owner_pid, host, ...(r.owner_started !== null ? { started: r.owner_started } : {}) }));
  if (gone.length === 0) return 0;
  const mark = db.prepare("UPDATE scan_runs SET status = 'interrupted' WHERE id = ? AND status = 'running'");
  // Another process may have marked some of them since the SELECT: count only this one's changes.
  return db.transaction(() => gone.reduce((n, r) => n + mark.run(r.id).changes, 0));
}
