/**
 * The inventory's tables as data: for every column, the record field it holds and how its value is
 * converted. Reading a row into a record, turning a record into statement parameters, and the
 * column and placeholder lists of SELECT and INSERT statements are all derived from these tables,
 * so a new field is one line here (plus a migration), not three hand-written mappers kept in step.
 *
 * Columns are listed in the order of the record's fields: records read from a row keep that order,
 * and so do the JSON lines of a shard file written from them.
 */
import type { OccurrenceRecord, RepoRecord, RunRecord, SecretRecord } from './records.js';

/** A value as SQLite stores it. */
export type SqlValue = string | number | bigint | null;

export interface Column {
  /** The column's name; also the name of its statement parameter (`@name`). */
  name: string;
  /** The record field it holds; `outer.inner` for a member of a nested object. */
  field: string;
  /** Stored as JSON text (objects and lists). */
  json?: boolean;
  /**
   * The field may be absent (NULL in the row). A nested object is there only when each of its
   * members that is not optional has a value.
   */
  optional?: boolean;
}

/** One table: its name and columns. `R` is the record type its rows are read into. */
export interface Table<R> {
  readonly name: string;
  readonly columns: readonly Column[];
  /** Never set: carries the record type. */
  readonly record?: R;
}

const required = (name: string, field: string, json = false): Column => ({ name, field, ...(json ? { json } : {}) });
const optional = (name: string, field: string, json = false): Column => ({ name, field, optional: true, ...(json ? { json } : {}) });

export const SECRETS: Table<SecretRecord> = {
  name: 'secrets',
  columns: [
    required('fingerprint', 'fingerprint'),
    required('rule_id', 'ruleId'),
    required('provider', 'provider'),
    required('title', 'title'),
    required('severity', 'severity'),
    required('lifetime', 'lifetime'),
    required('redacted', 'redacted'),
    required('status', 'status'),
    required('first_seen', 'firstSeen'),
    required('last_seen', 'lastSeen'),
    optional('status_changed_at', 'statusChangedAt'),
    optional('expires_at', 'expiresAt'),
    optional('facts', 'facts', true),
    // The verdict is one nested object: there when both its status and its time are.
    required('verified_status', 'verification.status'),
    required('verified_at', 'verification.checkedAt'),
    optional('verified_identity', 'verification.identity', true),
    optional('verified_reason', 'verification.reason'),
    optional('revoked_at', 'revokedAt'),
  ],
};

export const OCCURRENCES: Table<OccurrenceRecord> = {
  name: 'occurrences',
  columns: [
    required('fingerprint', 'fingerprint'),
    required('source', 'source'),
    required('repo', 'repo'),
    required('path', 'path'),
    required('system', 'system'),
    required('ticket', 'ticket'),
    required('field', 'field'),
    optional('line', 'line'),
    optional('commit_id', 'commit'),
    optional('author', 'author'),
    optional('committed_at', 'committedAt'),
    optional('url', 'url'),
    optional('context', 'context'),
    required('presence', 'presence'),
    optional('branches', 'branches', true),
    required('first_seen', 'firstSeen'),
    required('last_seen', 'lastSeen'),
  ],
};

export const REPOS: Table<RepoRecord> = {
  name: 'repos',
  columns: [
    required('name', 'name'),
    required('location', 'location'),
    required('state', 'state'),
    optional('head', 'head'),
    optional('refs_digest', 'refsDigest'),
    optional('pushed_at', 'pushedAt'),
    optional('settings_digest', 'settingsDigest'),
    optional('commits', 'commits'),
    optional('bytes', 'bytes'),
    optional('findings', 'findings'),
    optional('duration_ms', 'durationMs'),
    optional('error', 'error'),
    optional('started_at', 'startedAt'),
    optional('scanned_at', 'scannedAt'),
    optional('codeowners', 'codeowners', true),
  ],
};

export const RUNS: Table<RunRecord> = {
  name: 'scan_runs',
  columns: [
    required('id', 'id'),
    required('kind', 'kind'),
    required('target', 'target'),
    required('tool_version', 'toolVersion'),
    required('options', 'options', true),
    required('started_at', 'startedAt'),
    optional('finished_at', 'finishedAt'),
    required('status', 'status'),
    optional('stats', 'stats', true),
  ],
};

function splitField(field: string): [string, string | undefined] {
  const dot = field.indexOf('.');
  return dot < 0 ? [field, undefined] : [field.slice(0, dot), field.slice(dot + 1)];
}

function decode(column: Column, raw: unknown): unknown {
  if (raw === null || raw === undefined) return undefined;
  return column.json ? (raw === '' ? undefined : (JSON.parse(raw as string) as unknown)) : raw;
}

/** A row (as either SQLite back end returns it) as a record; absent fields are left out, not undefined. */
export function fromRow<R>(table: Table<R>, row: Readonly<Record<string, unknown>>): R {
  const record: Record<string, unknown> = {};
  const nested = new Map<string, Record<string, unknown> | null>();
  for (const column of table.columns) {
    const value = decode(column, row[column.name]);
    const [outer, inner] = splitField(column.field);
    if (inner === undefined) {
      if (value !== undefined || !column.optional) record[outer] = value;
      continue;
    }
    if (!nested.has(outer)) {
      // Reserve the nested object's place among the fields, so records keep the table's order.
      record[outer] = undefined;
      nested.set(outer, {});
    }
    const object = nested.get(outer);
    if (object === null || object === undefined) continue;
    // An empty text counts as missing: a verdict without a status or a time is no verdict.
    if (!column.optional && (value === undefined || value === '')) nested.set(outer, null);
    else if (value !== undefined) object[inner] = value;
  }
  for (const [outer, object] of nested) {
    if (object === null) delete record[outer];
    else record[outer] = object;
  }
  return record as R;
}

/** A record as named statement parameters, one per column (`@column_name`): absent fields are NULL. */
export function paramsOf<R>(table: Table<R>, record: Partial<R>): Record<string, SqlValue> {
  const params: Record<string, SqlValue> = {};
  const source = record as Record<string, unknown>;
  for (const column of table.columns) {
    const [outer, inner] = splitField(column.field);
    const container = inner === undefined ? source : (source[outer] as Record<string, unknown> | undefined);
    const value = container?.[inner ?? outer];
    params[column.name] = value === undefined || value === null ? null : column.json ? JSON.stringify(value) : (value as SqlValue);
  }
  return params;
}

/** The table's columns, comma-separated, for a SELECT list (after any columns of the caller's own). */
export function columnList(table: Table<unknown>): string {
  return table.columns.map((c) => c.name).join(', ');
}

/** `SELECT <every column> FROM <table>`; the caller adds WHERE and ORDER BY. */
export function selectFrom(table: Table<unknown>, extraColumns: readonly string[] = []): string {
  return `SELECT ${[...extraColumns, columnList(table)].join(', ')} FROM ${table.name}`;
}

/**
 * `INSERT INTO <table> (<columns>) VALUES (@<columns>)` for the parameters of `paramsOf()`, with
 * `extraColumns` (filled from parameters of the same name) after the record's own. The caller adds
 * any ON CONFLICT clause.
 */
export function insertInto(table: Table<unknown>, options: { extraColumns?: readonly string[]; omit?: readonly string[]; verb?: 'INSERT' | 'INSERT OR REPLACE' } = {}): string {
  const omit = new Set(options.omit ?? []);
  const names = [...table.columns.map((c) => c.name).filter((n) => !omit.has(n)), ...(options.extraColumns ?? [])];
  return `${options.verb ?? 'INSERT'} INTO ${table.name} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`;
}
