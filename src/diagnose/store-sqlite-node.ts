/**
 * @module
 * The Node ReportStore: an embedded SQLite file through better-sqlite3 (MAILSETUP_DATABASE).
 * The file and its folder are created on first start; `:memory:` keeps everything in memory.
 * better-sqlite3 is synchronous and fast for one process; the interface stays async for D1.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.ts'
import type { ReportStore, StoredReport, StoredVerified } from './store.ts'
import {
  entryValues,
  reportOf,
  type ReportRow,
  SQL,
  verifiedOf,
  type VerifiedRow,
} from './store-sql.ts'

/**
 * Applies the steps above the file's `user_version`. The version is read inside the same
 * IMMEDIATE transaction that applies them: processes opening a new file at once (the workers of
 * MAILSETUP_WORKERS > 1) take turns on the write lock (better-sqlite3 waits up to 5 s for it),
 * and a later one finds the version the first recorded instead of creating the tables again
 * ("table reports already exists", which stopped a worker). Each step still runs once, in order.
 */
const migrate = (db: Database.Database) => {
  db.transaction(() => {
    const current = Number(db.pragma('user_version', { simple: true }))
    if (current > SCHEMA_VERSION)
      throw new Error(
        `the database has schema version ${current}, newer than this code knows (${SCHEMA_VERSION})`,
      )
    for (const step of MIGRATIONS.filter((m) => m.version > current)) {
      db.exec(step.sql)
      db.pragma(`user_version = ${step.version}`)
    }
  }).immediate()
}

/**
 * Opens (creating and migrating) the database. Throws for a file that is not an SQLite database,
 * one that fails its integrity check, or one from a newer version of the code.
 *
 * @example
 * const store = openSqliteReportStore('var/mailsetup.sqlite')
 */
export const openSqliteReportStore = (path: string): ReportStore => {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  try {
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new Error(`the database failed its integrity check: ${String(check)}`)
    if (path !== ':memory:') {
      db.pragma('journal_mode = WAL')
      // In WAL mode NORMAL still never corrupts the file; a power cut may lose the last reports.
      db.pragma('synchronous = NORMAL')
    }
    migrate(db)
  } catch (err) {
    db.close()
    throw err
  }

  // The statements and row mapping are the D1 store's too (store-sql.ts).
  const insert = db.prepare<[string, string, string, number, number, string]>(SQL.insertReport)
  const select = db.prepare<[string, number], ReportRow>(SQL.selectReport)
  const remove = db.prepare<[string]>(SQL.deleteReport)
  const updateLogin = db.prepare<[string, string]>(SQL.updateLogin)
  const purgeReports = db.prepare<[number]>(SQL.purgeReports)
  const purgeVerified = db.prepare<[number]>(SQL.purgeVerified)
  const upsertVerified = db.prepare<[string, number, number, string]>(SQL.upsertVerified)
  const selectVerified = db.prepare<[string, number], VerifiedRow>(SQL.selectVerified)

  return {
    async save(entry: StoredReport) {
      insert.run(entry.id, entry.deleteTokenHash, ...entryValues(entry, entry.report))
    },
    async get(id, now) {
      const row = select.get(id, now)
      return row ? reportOf(row) : null
    },
    async saveLogin(id, verdict) {
      return updateLogin.run(JSON.stringify(verdict), id).changes > 0
    },
    async delete(id) {
      return remove.run(id).changes > 0
    },
    async purgeExpired(now) {
      return db.transaction(() => purgeReports.run(now).changes + purgeVerified.run(now).changes)()
    },
    async saveVerified(entry: StoredVerified) {
      upsertVerified.run(...entryValues(entry, entry.settings))
    },
    async getVerified(domain, now) {
      const row = selectVerified.get(domain, now)
      return row ? verifiedOf(row) : null
    },
    close() {
      db.close()
    },
  }
}
