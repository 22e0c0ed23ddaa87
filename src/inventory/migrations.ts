/**
 * The inventory's SQLite schema as an ordered list of migrations. `PRAGMA user_version` holds the
 * version a file is at; opening a file runs every later step, each in its own transaction, so an
 * inventory written by an older sprawlguard is upgraded in place and a failed step leaves it as it was.
 *
 * A released step is never edited: a change to the schema is a new step at the end.
 */
import { InventoryError } from './errors.js';
import type { SqlDatabase } from './sqlite.js';

export interface Migration {
  version: number;
  description: string;
  up(db: SqlDatabase): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'scan runs, secrets and their occurrences',
    up(db) {
      db.exec(`
        CREATE TABLE scan_runs (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          kind TEXT NOT NULL,
          target TEXT NOT NULL,
          tool_version TEXT NOT NULL,
          options TEXT NOT NULL DEFAULT '{}',
          started_at TEXT NOT NULL,
          finished_at TEXT,
          status TEXT NOT NULL DEFAULT 'running'
        );
        CREATE TABLE secrets (
          fingerprint TEXT PRIMARY KEY,
          rule_id TEXT NOT NULL,
          provider TEXT NOT NULL,
          title TEXT NOT NULL DEFAULT '',
          severity TEXT NOT NULL DEFAULT 'high',
          lifetime TEXT NOT NULL DEFAULT 'unknown',
          redacted TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'open'
            CHECK (status IN ('open', 'allowed', 'verified-live', 'dead', 'revoked')),
          first_seen TEXT NOT NULL,
          last_seen TEXT NOT NULL
        );
        CREATE TABLE occurrences (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          fingerprint TEXT NOT NULL REFERENCES secrets(fingerprint),
          source TEXT NOT NULL,
          repo TEXT NOT NULL DEFAULT '',
          path TEXT NOT NULL DEFAULT '',
          system TEXT NOT NULL DEFAULT '',
          ticket TEXT NOT NULL DEFAULT '',
          field TEXT NOT NULL DEFAULT '',
          line INTEGER,
          commit_id TEXT,
          author TEXT,
          committed_at TEXT,
          url TEXT,
          first_seen TEXT NOT NULL,
          last_seen TEXT NOT NULL,
          last_run INTEGER REFERENCES scan_runs(id),
          UNIQUE (fingerprint, repo, path, system, ticket, field)
        );
        CREATE INDEX occurrences_by_repo ON occurrences(repo);
      `);
    },
  },
  {
    version: 2,
    description: 'per-repository scan state (org scans, resume), head presence, branches, verification',
    up(db) {
      db.exec(`
        ALTER TABLE occurrences ADD COLUMN presence TEXT NOT NULL DEFAULT 'present'
          CHECK (presence IN ('present', 'removed-from-head', 'gone'));
        ALTER TABLE occurrences ADD COLUMN branches TEXT;
        ALTER TABLE secrets ADD COLUMN status_changed_at TEXT;
        ALTER TABLE secrets ADD COLUMN expires_at TEXT;
        ALTER TABLE secrets ADD COLUMN facts TEXT;
        ALTER TABLE secrets ADD COLUMN verified_status TEXT;
        ALTER TABLE secrets ADD COLUMN verified_at TEXT;
        ALTER TABLE secrets ADD COLUMN verified_identity TEXT;
        ALTER TABLE secrets ADD COLUMN verified_reason TEXT;
        ALTER TABLE secrets ADD COLUMN revoked_at TEXT;
        UPDATE secrets SET status_changed_at = first_seen;
        CREATE TABLE repos (
          name TEXT PRIMARY KEY,
          location TEXT NOT NULL DEFAULT '',
          state TEXT NOT NULL CHECK (state IN ('scanning', 'done', 'failed')),
          head TEXT,
          refs_digest TEXT,
          pushed_at TEXT,
          commits INTEGER,
          bytes INTEGER,
          findings INTEGER,
          duration_ms INTEGER,
          error TEXT,
          last_run INTEGER REFERENCES scan_runs(id),
          started_at TEXT,
          scanned_at TEXT
        );
        CREATE INDEX occurrences_by_fingerprint ON occurrences(fingerprint);
      `);
    },
  },
  {
    version: 3,
    description: 'what a repository was scanned with (rules, configuration), so a change triggers a re-scan',
    up(db) {
      db.exec('ALTER TABLE repos ADD COLUMN settings_digest TEXT');
    },
  },
  {
    version: 4,
    description: 'the process that owns a scan run, so a run whose process died is marked interrupted',
    up(db) {
      db.exec(`
        ALTER TABLE scan_runs ADD COLUMN owner_pid INTEGER;
        ALTER TABLE scan_runs ADD COLUMN owner_host TEXT;
        ALTER TABLE scan_runs ADD COLUMN owner_started TEXT;
      `);
    },
  },
  {
    version: 5,
    description: "each run's figures when it finished (the sprawl trend), and each repository's CODEOWNERS rules",
    up(db) {
      db.exec(`
        ALTER TABLE scan_runs ADD COLUMN stats TEXT;
        ALTER TABLE repos ADD COLUMN codeowners TEXT;
      `);
    },
  },
  {
    version: 6,
    description: 'what kind of file each occurrence sits in (source, test, docs, example, vendor, generated)',
    up(db) {
      db.exec('ALTER TABLE occurrences ADD COLUMN context TEXT');
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;


/**
 * Bring `db` up to SCHEMA_VERSION; returns the version the file was at before. Each step reads the
 * version again inside its own IMMEDIATE transaction, so two processes opening an old (or new)
 * file at once upgrade it once: the second finds the step done.
 */
export function migrate(db: SqlDatabase, file: string): number {
  const before = checkVersion(db, file);
  for (;;) {
    const done = db.transaction(() => {
      const current = checkVersion(db, file);
      const step = MIGRATIONS.find((m) => m.version > current);
      if (!step) return true;
      step.up(db);
      // PRAGMA takes no bound parameters; the version is a number from this file.
      db.pragma(`user_version = ${step.version}`);
      return false;
    });
    if (done) return before;
  }
}

function checkVersion(db: SqlDatabase, file: string): number {
  const version = Number(db.pragma('user_version'));
  if (version > SCHEMA_VERSION) {
    throw new InventoryError(
      `${file}: inventory schema version ${version} is newer than this sprawlguard understands (${SCHEMA_VERSION}); upgrade sprawlguard`,
    );
  }
  if (version === 0 && hasTables(db)) {
    throw new InventoryError(`${file}: is an SQLite database, but not a sprawlguard inventory (no schema version)`);
  }
  return version;
}

function hasTables(db: SqlDatabase): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
  return row.n > 0;
}
