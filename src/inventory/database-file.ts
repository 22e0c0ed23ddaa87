/**
 * Opening the inventory file: create it whole, refuse one that is empty or damaged with what to do
 * about it, configure the connection for several processes at once, and bring the schema up to date.
 *
 * - A new inventory is built in a temporary file and linked into place, so no process ever sees a
 *   half-made one (an empty file is then always a mistake, never a neighbour's fresh inventory).
 * - WAL journal mode lets readers work while one process writes; writers wait for each other
 *   (`busy_timeout`, then `retryWhileBusy`).
 * - `PRAGMA integrity_check` runs at every open: a damaged file is named, with how to recover,
 *   before anything is read from it or written to it.
 */
import { existsSync, linkSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_RETRY, retryWhileBusy, type RetryPolicy } from './busy-retry.js';
import { InventoryBusyError, InventoryError } from './errors.js';
import { interruptAbandonedRuns } from './run-owner.js';
import { migrate } from './migrations.js';
import { openSqlite, sqliteCode, type SqlDatabase, type SqliteBackend } from './sqlite.js';

export interface DatabaseOptions {
  /** Back end to use (default: SPRAWLGUARD_SQLITE, else the first that loads). */
  backend?: SqliteBackend;
  /** How long one statement waits for another process's write lock. */
  busyTimeoutMs?: number;
  retry?: RetryPolicy;
  /** The pause between attempts (tests replace it). */
  sleep?: (ms: number) => void;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export interface OpenedDatabase {
  db: SqlDatabase;
  /** The schema version the file was at (0 for a new file). */
  openedAtVersion: number;
  /** Runs found `running` whose process had ended, now marked `interrupted`. */
  interruptedRuns: number;
}

/** Open (creating it and its directory if needed), check and upgrade the inventory at `file`. */
export function openDatabase(file: string, options: DatabaseOptions = {}): OpenedDatabase {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let openedAtVersion: number | undefined;
  if (!existsSync(file)) openedAtVersion = createWhole(file, options);
  else refuseEmpty(file);
  const db = connect(file, options);
  try {
    checkIntegrity(db, file);
    const before = withRetry(file, options, () => migrate(db, file));
    const interruptedRuns = withRetry(file, options, () => interruptAbandonedRuns(db));
    return { db, openedAtVersion: openedAtVersion ?? before, interruptedRuns };
  } catch (error) {
    db.close();
    throw explain(file, error);
  }
}

/** `attempt` (synchronous database work), retried while another process holds the lock; SQLite errors explained. */
export function withRetry<T>(file: string, options: DatabaseOptions, attempt: () => T): T {
  try {
    return retryWhileBusy(attempt, options.retry ?? DEFAULT_RETRY, options.sleep);
  } catch (error) {
    throw explain(file, error);
  }
}

/**
 * A SQLite error a user can act on, as an InventoryError that says what to do; other errors as
 * they are.
 */
export function explain(file: string, error: unknown): unknown {
  if (error instanceof InventoryError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  switch (sqliteCode(error)) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new InventoryBusyError(
        `${file}: another process kept the inventory locked for too long (${reason}); nothing of this run's last step was written. Run the command again once the other run has finished.`,
      );
    case 'SQLITE_NOTADB':
      return new InventoryError(
        `${file}: not an SQLite database (${reason}). If this file is your inventory, restore it from a backup; otherwise choose another file with --db, or move this one aside (mv ${file} ${file}.bad) and run again to start a new inventory.`,
      );
    case 'SQLITE_CORRUPT':
      return damaged(file, reason);
    default:
      return error;
  }
}

function damaged(file: string, problem: string): InventoryError {
  return new InventoryError(
    `${file}: the inventory is damaged (PRAGMA integrity_check: ${problem}). Move it aside (mv ${file} ${file}.damaged) and restore it from a backup, ` +
      `or salvage what SQLite can read (sqlite3 ${file}.damaged .recover | sqlite3 ${file}); then run again. Without either, a new inventory starts empty and org scans rebuild it (--force).`,
  );
}

/**
 * SQLite takes an empty file for a new database. An existing empty inventory is what a failed copy,
 * a restore from an empty backup or a full disk leaves, so it is not silently started afresh.
 */
function refuseEmpty(file: string): void {
  const size = statSync(file).size;
  // In WAL mode the pages may all still be in the -wal file.
  const wal = statSync(`${file}-wal`, { throwIfNoEntry: false });
  if (size === 0 && !(wal && wal.size > 0)) {
    throw new InventoryError(
      `${file}: the inventory file is empty (0 bytes): a copy or restore that did not finish, or a full disk, leaves such a file. ` +
        `Restore it from a backup, or delete it (rm ${file}) and run again to start a new inventory.`,
    );
  }
}

/** Build a new inventory in a temporary file and link it into place; the version it was at (0). */
function createWhole(file: string, options: DatabaseOptions): number {
  const temp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.${Date.now()}.new`);
  try {
    const db = connect(temp, options);
    try {
      migrate(db, temp);
    } finally {
      db.close();
    }
    try {
      linkSync(temp, file);
    } catch (error) {
      // EEXIST: another process created it first; that one is used. Otherwise (no hard links on
      // this file system) the file is opened in place, as SQLite would.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' && !existsSync(file)) return 0;
    }
  } catch (error) {
    throw explain(file, error);
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true });
  }
  return 0;
}

function connect(file: string, options: DatabaseOptions): SqlDatabase {
  let db: SqlDatabase;
  try {
    db = openSqlite(file, options.backend);
  } catch (error) {
    if (error instanceof InventoryError) throw error;
    throw new InventoryError(`${file}: cannot open the inventory: ${(error as Error).message}`);
  }
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
    db.pragma('foreign_keys = ON');
    // Readers never wait for a writer, and a writer never waits for readers. Where the file system
    // cannot do WAL (some network file systems), SQLite keeps its rollback journal and says so.
    withRetry(file, options, () => db.pragma('journal_mode = WAL'));
    return db;
  } catch (error) {
    db.close();
    throw explain(file, error);
  }
}

function checkIntegrity(db: SqlDatabase, file: string): void {
  const rows = (db.prepare('PRAGMA integrity_check(3)').all() as Record<string, unknown>[]).map((row) => String(Object.values(row)[0]));
  if (rows.length === 1 && rows[0] === 'ok') return;
  // One line: SQLite's answer may span lines, under a "*** in database main ***" heading.
  const problems = rows.flatMap((r) => r.split('\n')).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('***'));
  throw damaged(file, problems.slice(0, 3).join('; ') || 'no answer');
}
