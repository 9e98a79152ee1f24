/**
 * @module
 * The report store's schema, as numbered steps. Plain SQLite SQL, so a D1 database (SQLite too)
 * runs the same steps. A store applies every step above the database's `user_version` and records
 * the number (the Node store in one IMMEDIATE transaction with the version read, so workers
 * opening a new file at once do not both create it); steps are only ever appended, never edited.
 */

export interface Migration {
  version: number
  sql: string
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        delete_token_hash TEXT NOT NULL,
        domain TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX reports_expires_at ON reports (expires_at);
      CREATE TABLE verified_settings (
        domain TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX verified_settings_expires_at ON verified_settings (expires_at);
    `,
  },
  {
    version: 2,
    // The login test's verdict (ok or a code, the username form, when): never a credential.
    sql: `ALTER TABLE reports ADD COLUMN login TEXT;`,
  },
]

/** The newest schema version this code knows. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0
