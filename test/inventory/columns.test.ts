/**
 * The column tables that map inventory records to rows: they name exactly the columns the
 * migrations create (so a new column cannot be forgotten on one side), and a record written through
 * them reads back equal, with its fields in the same order and no `undefined` members.
 */
import { describe, expect, it } from 'vitest';
import { fromRow, insertInto, OCCURRENCES, paramsOf, REPOS, RUNS, SECRETS, selectFrom, type Table } from '../../src/inventory/columns.js';
import { migrate } from '../../src/inventory/migrations.js';
import type { OccurrenceRecord, RepoRecord, SecretRecord } from '../../src/inventory/records.js';
import { openSqlite, type SqlDatabase, type SqliteBackend } from '../../src/inventory/sqlite.js';
import { backendSuites } from '../support/inventory-fixtures.js';

/** Columns the inventory keeps for itself, with no record field: row ids, run links, run owners. */
const INTERNAL: Record<string, string[]> = {
  secrets: [],
  occurrences: ['id', 'last_run'],
  repos: ['last_run'],
  scan_runs: ['owner_pid', 'owner_host', 'owner_started'],
};

const fp = (n: number): string => `sha256:${n.toString(16).padStart(64, '0')}`;

const fullSecret: SecretRecord = {
  fingerprint: fp(1),
  ruleId: 'github-classic-pat',
  provider: 'github',
  title: 'GitHub personal access token (classic)',
  severity: 'critical',
  lifetime: 'long-lived',
  redacted: 'ghp_ab…yz',
  status: 'verified-live',
  firstSeen: '2025-01-01T00:00:00.000Z',
  lastSeen: '2025-02-01T00:00:00.000Z',
  statusChangedAt: '2025-01-15T00:00:00.000Z',
  expiresAt: '2026-01-01T00:00:00.000Z',
  facts: { account: '123' },
  verification: { status: 'live', checkedAt: '2025-01-15T00:00:00.000Z', identity: { login: 'octo' }, reason: 'HTTP 200' },
  revokedAt: '2025-01-20T00:00:00.000Z',
};

const bareSecret: SecretRecord = {
  fingerprint: fp(2),
  ruleId: 'slack-bot-token',
  provider: 'slack',
  title: 'Slack bot token',
  severity: 'high',
  lifetime: 'long-lived',
  redacted: 'xoxb-1…ab',
  status: 'open',
  firstSeen: '2025-01-01T00:00:00.000Z',
  lastSeen: '2025-01-01T00:00:00.000Z',
};

const occurrence: OccurrenceRecord = {
  fingerprint: fp(1),
  source: 'history',
  repo: 'acme/api',
  path: 'config/.env',
  system: '',
  ticket: '',
  field: '',
  line: 3,
  commit: 'a'.repeat(40),
  author: 'Dev <dev@example.test>',
  committedAt: '2024-12-31T00:00:00.000Z',
  presence: 'removed-from-head',
  branches: ['main', 'release'],
  firstSeen: '2025-01-01T00:00:00.000Z',
  lastSeen: '2025-02-01T00:00:00.000Z',
};

const repo: RepoRecord = { name: 'acme/api', location: 'https://example.test/acme/api.git', state: 'failed', error: 'git fetch failed', startedAt: '2025-01-01T00:00:00.000Z' };

for (const { backend, title, available } of backendSuites()) describe.skipIf(!available)(title, () => columnTests(backend));

function columnTests(backend: SqliteBackend): void {
  function migrated(): SqlDatabase {
    const db = openSqlite(':memory:', backend);
    db.pragma('foreign_keys = OFF');
    migrate(db, ':memory:');
    return db;
  }

  it('names every column the migrations create, and no other', () => {
    const db = migrated();
    try {
      for (const table of [SECRETS, OCCURRENCES, REPOS, RUNS] as Table<unknown>[]) {
        const inSchema = (db.prepare(`PRAGMA table_info(${table.name})`).all() as { name: string }[]).map((c) => c.name).sort();
        const declared = [...table.columns.map((c) => c.name), ...(INTERNAL[table.name] ?? [])].sort();
        expect(declared, table.name).toEqual(inSchema);
      }
    } finally {
      db.close();
    }
  });

  it('reads back what it wrote, field for field and in the same order, without undefined members', () => {
    const db = migrated();
    try {
      const roundTrip = <R>(table: Table<R>, record: R, where: string, key: string, extra: Record<string, number> = {}): R => {
        db.prepare(insertInto(table, { extraColumns: Object.keys(extra) })).run({ ...paramsOf(table, record), ...extra });
        return fromRow(table, db.prepare(`${selectFrom(table)} WHERE ${where} = ?`).get(key) as Record<string, unknown>);
      };
      for (const secret of [fullSecret, bareSecret]) {
        const back = roundTrip(SECRETS, secret, 'fingerprint', secret.fingerprint);
        expect(back).toStrictEqual(secret);
        expect(Object.keys(back)).toEqual(Object.keys(secret));
      }
      const occ = roundTrip(OCCURRENCES, occurrence, 'fingerprint', occurrence.fingerprint, { last_run: 1 });
      expect(occ).toStrictEqual(occurrence);
      expect(Object.keys(occ)).toEqual(Object.keys(occurrence));
      const rep = roundTrip(REPOS, repo, 'name', repo.name);
      expect(rep).toStrictEqual(repo);
    } finally {
      db.close();
    }
  });
}

describe('a nested object (a secret\'s verdict)', () => {
  const row = { ...paramsOf(SECRETS, fullSecret) };

  it('is absent when its status or its time is missing', () => {
    expect(fromRow(SECRETS, { ...row, verified_at: null })).not.toHaveProperty('verification');
    expect(fromRow(SECRETS, { ...row, verified_status: null })).not.toHaveProperty('verification');
    expect(fromRow(SECRETS, { ...row, verified_at: '' })).not.toHaveProperty('verification');
  });

  it('keeps only the members that have a value', () => {
    expect(fromRow(SECRETS, { ...row, verified_identity: null, verified_reason: null }).verification).toStrictEqual({ status: 'live', checkedAt: fullSecret.verification?.checkedAt });
  });

  it('becomes NULL in every one of its columns when the record has none', () => {
    const params = paramsOf(SECRETS, bareSecret);
    expect([params.verified_status, params.verified_at, params.verified_identity, params.verified_reason]).toEqual([null, null, null, null]);
    expect(params.facts).toBeNull();
  });
});
