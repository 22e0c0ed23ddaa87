/**
 * One small interface over the two SQLite back ends the inventory can use:
 *
 * - Node's built-in `node:sqlite` (Node 22.5 and later; unflagged from 22.13), preferred: nothing to
 *   install or compile;
 * - `better-sqlite3`, an optional dependency, everywhere else.
 *
 * Both are loaded here, synchronously and only when an inventory is opened, so a scan or a
 * pre-commit hook never loads either (and works where neither is installed). `SPRAWLGUARD_SQLITE`
 * (`node:sqlite` or `better-sqlite3`) picks one.
 *
 * Transactions are always `BEGIN IMMEDIATE`: a deferred transaction that reads first and writes
 * later cannot wait for another writer (SQLite answers SQLITE_BUSY at once to avoid a deadlock),
 * which is how concurrent runs on one inventory used to lose their writes. A transaction inside a
 * transaction is a savepoint.
 */
import { createRequire } from 'node:module';
import { InventoryError } from './errors.js';

export const SQLITE_BACKENDS = ['node:sqlite', 'better-sqlite3'] as const;
export type SqliteBackend = (typeof SQLITE_BACKENDS)[number];

/** A positional value, or one object of named values (`@name` in the SQL, key without the `@`). */
export type SqlParam = string | number | bigint | null | Uint8Array | Readonly<Record<string, string | number | bigint | null | Uint8Array>>;

export interface SqlStatement {
  run(...params: SqlParam[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: SqlParam[]): unknown;
  all(...params: SqlParam[]): unknown[];
  /** Rows one at a time; no other statement may run on the connection until it is exhausted. */
  iterate(...params: SqlParam[]): IterableIterator<unknown>;
}

export interface SqlDatabase {
  readonly backend: SqliteBackend;
  readonly inTransaction: boolean;
  prepare(sql: string): SqlStatement;
  exec(sql: string): void;
  /** Run `PRAGMA <text>`; the first column of the first row it returns, if any. */
  pragma(text: string): unknown;
  /** `fn` in one IMMEDIATE transaction (a savepoint when already in one): all of it, or none. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

/** The SQLite primary result code of an error from either back end (`SQLITE_BUSY`, `SQLITE_CORRUPT`…). */
export function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; errcode?: unknown };
  // node:sqlite: code ERR_SQLITE_ERROR, `errcode` the extended result code.
  if (typeof e.errcode === 'number') return PRIMARY_CODES[e.errcode & 0xff];
  // better-sqlite3: `code` is the extended code's name (SQLITE_BUSY_SNAPSHOT).
  if (typeof e.code === 'string' && e.code.startsWith('SQLITE_')) {
    return Object.values(PRIMARY_CODES).find((name) => e.code === name || (e.code as string).startsWith(`${name}_`));
  }
  return undefined;
}

const PRIMARY_CODES: Readonly<Record<number, string>> = {
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  8: 'SQLITE_READONLY',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  26: 'SQLITE_NOTADB',
};

const NO_BACKEND =
  'no SQLite back end for the inventory: install the optional dependency better-sqlite3 (npm install better-sqlite3) or run sprawlguard on Node.js 22.5 or later (built-in node:sqlite)';

/**
 * Open `file` with the first back end that loads: `preferred` (or SPRAWLGUARD_SQLITE) only, when
 * given; else node:sqlite, then better-sqlite3. Raises InventoryError when none loads.
 */
export function openSqlite(file: string, preferred: SqliteBackend | undefined = backendFromEnv()): SqlDatabase {
  const order: readonly SqliteBackend[] = preferred ? [preferred] : SQLITE_BACKENDS;
  const reasons: string[] = [];
  for (const backend of order) {
    const loaded = loadBackend(backend);
    if (typeof loaded === 'string') {
      reasons.push(`${backend}: ${loaded}`);
      continue;
    }
    return loaded(file);
  }
  throw new InventoryError(
    preferred ? `SPRAWLGUARD_SQLITE=${preferred}: that back end cannot be loaded (${reasons.join('; ')})` : `${NO_BACKEND} (${reasons.join('; ')})`,
  );
}

/** The back ends this process can load, in order of preference. */
export function availableBackends(): SqliteBackend[] {
  return SQLITE_BACKENDS.filter((b) => typeof loadBackend(b) !== 'string');
}

function backendFromEnv(): SqliteBackend | undefined {
  const value = process.env.SPRAWLGUARD_SQLITE;
  if (value === undefined || value === '') return undefined;
  if ((SQLITE_BACKENDS as readonly string[]).includes(value)) return value as SqliteBackend;
  throw new InventoryError(`SPRAWLGUARD_SQLITE: expected ${SQLITE_BACKENDS.join(' or ')}, got ${JSON.stringify(value)}`);
}

type Opener = (file: string) => SqlDatabase;
const require = createRequire(import.meta.url);
const loaded = new Map<SqliteBackend, Opener | string>();

/** The back end's opener, or why it cannot be loaded. */
function loadBackend(backend: SqliteBackend): Opener | string {
  let result = loaded.get(backend);
  if (result === undefined) {
    try {
      result = backend === 'node:sqlite' ? nodeSqliteOpener() : betterSqliteOpener();
    } catch (error) {
      result = (error as Error).message.split('\n')[0] ?? 'cannot be loaded';
    }
    loaded.set(backend, result);
  }
  return result;
}

// ---- the shared transaction logic ---------------------------------------------------------------

abstract class BaseDatabase implements SqlDatabase {
  abstract readonly backend: SqliteBackend;
  private depth = 0;

  abstract prepare(sql: string): SqlStatement;
  abstract exec(sql: string): void;
  abstract pragma(text: string): unknown;
  abstract close(): void;

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  transaction<T>(fn: () => T): T {
    const name = `sg_${this.depth}`;
    this.exec(this.depth === 0 ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${name}`);
    this.depth++;
    try {
      const result = fn();
      if (result instanceof Promise) throw new TypeError('a transaction function must not be async');
      this.exec(this.depth === 1 ? 'COMMIT' : `RELEASE ${name}`);
      return result;
    } catch (error) {
      // SQLite may already have rolled back (a failed COMMIT, an I/O error): nothing to undo then.
      try {
        this.exec(this.depth === 1 ? 'ROLLBACK' : `ROLLBACK TO ${name}; RELEASE ${name}`);
      } catch {
        /* no transaction left to roll back */
      }
      throw error;
    } finally {
      this.depth--;
    }
  }
}

// ---- better-sqlite3 -----------------------------------------------------------------------------

interface BetterStatement {
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
}
interface BetterDatabase {
  prepare(sql: string): BetterStatement;
  exec(sql: string): void;
  pragma(text: string, options: { simple: true }): unknown;
  close(): void;
}
type BetterConstructor = new (file: string) => BetterDatabase;

function betterSqliteOpener(): Opener {
  const Database = require('better-sqlite3') as BetterConstructor;
  // The native part loads on first use: a build for another Node version fails here, not later.
  new Database(':memory:').close();
  return (file) => new BetterSqliteDatabase(new Database(file));
}

class BetterSqliteDatabase extends BaseDatabase {
  readonly backend = 'better-sqlite3';
  constructor(private readonly db: BetterDatabase) {
    super();
  }
  prepare(sql: string): SqlStatement {
    return this.db.prepare(sql);
  }
  exec(sql: string): void {
    this.db.exec(sql);
  }
  pragma(text: string): unknown {
    return this.db.pragma(text, { simple: true });
  }
  close(): void {
    this.db.close();
  }
}

// ---- node:sqlite --------------------------------------------------------------------------------

interface NodeStatement {
  run(...params: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  /** Node 22.13 and later. */
  iterate?: (...params: unknown[]) => IterableIterator<unknown>;
}
interface NodeDatabase {
  prepare(sql: string): NodeStatement;
  exec(sql: string): void;
  close(): void;
}
type NodeConstructor = new (file: string) => NodeDatabase;

function nodeSqliteOpener(): Opener {
  const { DatabaseSync } = withoutSqliteWarning(() => require('node:sqlite') as { DatabaseSync: NodeConstructor });
  return (file) => new NodeSqliteDatabase(new DatabaseSync(file));
}

/**
 * Loading node:sqlite prints an ExperimentalWarning on Node 22 and 23: noise on every inventory
 * command, and not the user's concern. Only that warning is dropped.
 */
function withoutSqliteWarning<T>(load: () => T): T {
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/SQLite/i.test(text)) return;
    (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return load();
  } finally {
    process.emitWarning = emit;
  }
}

class NodeSqliteDatabase extends BaseDatabase {
  readonly backend = 'node:sqlite';
  constructor(private readonly db: NodeDatabase) {
    super();
  }
  prepare(sql: string): SqlStatement {
    return new NodeSqliteStatement(this.db.prepare(sql), namedParameters(sql));
  }
  exec(sql: string): void {
    this.db.exec(sql);
  }
  pragma(text: string): unknown {
    const row = this.db.prepare(`PRAGMA ${text}`).get() as Record<string, unknown> | undefined;
    return row === undefined ? undefined : Object.values(row)[0];
  }
  close(): void {
    this.db.close();
  }
}

/**
 * node:sqlite refuses a named value the statement does not use, where better-sqlite3 ignores it;
 * callers pass one record for several statements, so unused keys are dropped here.
 */
class NodeSqliteStatement implements SqlStatement {
  constructor(
    private readonly statement: NodeStatement,
    private readonly names: ReadonlySet<string>,
  ) {}
  private bind(params: SqlParam[]): unknown[] {
    return params.map((p) =>
      p !== null && typeof p === 'object' && !(p instanceof Uint8Array)
        ? Object.fromEntries(Object.entries(p).filter(([key]) => this.names.has(key)))
        : p,
    );
  }
  run(...params: SqlParam[]): { changes: number; lastInsertRowid: number | bigint } {
    const result = this.statement.run(...this.bind(params));
    return { changes: Number(result.changes), lastInsertRowid: result.lastInsertRowid };
  }
  get(...params: SqlParam[]): unknown {
    return this.statement.get(...this.bind(params));
  }
  all(...params: SqlParam[]): unknown[] {
    return this.statement.all(...this.bind(params));
  }
  iterate(...params: SqlParam[]): IterableIterator<unknown> {
    const bound = this.bind(params);
    return this.statement.iterate ? this.statement.iterate(...bound) : this.statement.all(...bound)[Symbol.iterator]();
  }
}

/** `@name`, `:name` and `$name` parameters of a statement (string literals may hold false hits: harmless). */
function namedParameters(sql: string): Set<string> {
  return new Set([...sql.matchAll(/[@:$]([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string));
}
