/**
 * The open database as the inventory's modules share it: prepared statements kept by their SQL
 * text, the clock, and transactions that wait for another writer.
 */
import { withRetry, type DatabaseOptions } from './database-file.js';
import type { SqlDatabase, SqlStatement } from './sqlite.js';

export interface InventoryOptions extends DatabaseOptions {
  /** The clock; tests pin it. */
  now?: () => Date;
}

export class Store {
  private readonly now: () => Date;
  /** Prepared statements by SQL text: SQLite compiles on every prepare, and merging a shard runs a few per record. */
  private readonly statements = new Map<string, SqlStatement>();

  constructor(
    readonly db: SqlDatabase,
    readonly file: string,
    private readonly options: InventoryOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  prepare(sql: string): SqlStatement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** The current time as stored: ISO 8601 in UTC. */
  stamp(): string {
    return this.now().toISOString();
  }

  /**
   * Run `fn` in one IMMEDIATE transaction: all of it is recorded, or none of it (an interrupted
   * repo leaves no half). When another process is writing, it waits and tries again (bounded), so
   * `fn` must be synchronous inventory work only.
   */
  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return this.db.transaction(fn);
    return withRetry(this.file, this.options, () => this.db.transaction(fn));
  }
}
