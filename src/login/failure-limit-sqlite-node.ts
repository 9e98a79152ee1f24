/**
 * @module
 * The login failure limit shared by every process that opens the same SQLite file: the Node
 * service's worker processes (MAILSETUP_WORKERS) all count in MAILSETUP_DATABASE, so the limit
 * holds for the service, not per worker. A reservation is one row; checking the count and adding
 * the rows is one IMMEDIATE transaction, so two workers cannot both take the last place.
 *
 * No account name reaches the file: a row holds an HMAC of the key under a secret that lives only
 * in memory (the cluster's primary makes one per start and gives it to its workers), and rows are
 * deleted once they leave the window. A restart therefore starts a new count, as before.
 */
import { createHmac } from 'node:crypto'
import Database from 'better-sqlite3'
import {
  type FailureLimit,
  type FailureLimitOptions,
  type Reservation,
  waitFor,
} from './failure-limit.ts'

/**
 * The table is the limit's own, made here rather than in the reports' migrations: it holds
 * nothing a report needs, and an older version of the service opening the file stays happy.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS login_failures (key TEXT NOT NULL, at INTEGER NOT NULL) STRICT;
  CREATE INDEX IF NOT EXISTS login_failures_key_at ON login_failures (key, at);
  CREATE INDEX IF NOT EXISTS login_failures_at ON login_failures (at);
`

const SQL = {
  forget: 'DELETE FROM login_failures WHERE at <= ?',
  times: 'SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at',
  add: 'INSERT INTO login_failures (key, at) VALUES (?, ?)',
  forgive: 'DELETE FROM login_failures WHERE rowid = ?',
} as const

export interface SqliteFailureLimitOptions extends FailureLimitOptions {
  /** The secret the keys are hashed under; every process sharing the count needs the same one. */
  secret: string
}

/**
 * Opens the limit in the SQLite file at `path` (its own connection; the file is the report
 * store's, MAILSETUP_DATABASE). With `:memory:` the count is this process's alone.
 *
 * @example
 * const limit = openSqliteFailureLimit('var/mailsetup.sqlite', { max: 5, windowMs, secret })
 */
export const openSqliteFailureLimit = (
  path: string,
  options: SqliteFailureLimitOptions,
): FailureLimit & { close(): void } => {
  const db = new Database(path)
  db.exec(SCHEMA)
  const now = options.now ?? Date.now
  const hash = (key: string) => createHmac('sha256', options.secret).update(key).digest('hex')
  const forget = db.prepare<[number]>(SQL.forget)
  const times = db.prepare<[string, number], { at: number }>(SQL.times)
  const add = db.prepare<[string, number]>(SQL.add)
  const forgive = db.prepare<[number | bigint]>(SQL.forgive)

  const take = db.transaction(
    (keys: readonly string[], at: number): Reservation | Map<string, number | bigint> => {
      forget.run(at - options.windowMs)
      const wait = Math.max(
        0,
        ...keys.map((key) =>
          waitFor(
            times.all(key, at - options.windowMs).map((row) => row.at),
            at,
            options,
          ),
        ),
      )
      if (wait > 0) return { ok: false, retryAfter: wait }
      return new Map(keys.map((key) => [key, add.run(key, at).lastInsertRowid]))
    },
  )

  return {
    async reserve(keys) {
      const hashed = [...new Set(keys)].map(hash)
      // IMMEDIATE: the write lock is taken before the count is read, so the count cannot change
      // between reading it and adding to it (another worker waits, up to better-sqlite3's 5 s).
      const taken = take.immediate(hashed, now())
      if (!(taken instanceof Map)) return taken
      return {
        ok: true,
        async forgive(key) {
          const row = taken.get(hash(key))
          if (row !== undefined) forgive.run(row)
        },
      }
    },
    close() {
      db.close()
    },
  }
}
