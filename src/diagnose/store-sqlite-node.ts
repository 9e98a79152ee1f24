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

/** The columns both tables end with: the domain, the lifetime and the JSON body. */
interface EntryRow {
  domain: string
  created_at: number
  expires_at: number
  body: string
}

interface ReportRow extends EntryRow {
  id: string
  delete_token_hash: string
  login: string | null
}

type VerifiedRow = EntryRow

/** The values of those columns, in their order in both tables. */
const entryValues = (e: Omit<StoredVerified, 'settings'>, body: unknown) =>
  [e.domain, e.createdAt, e.expiresAt, JSON.stringify(body)] as const

const entryOf = (row: EntryRow) => ({
  domain: row.domain,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  body: JSON.parse(row.body) as unknown,
})

const migrate = (db: Database.Database) => {
  const current = Number(db.pragma('user_version', { simple: true }))
  if (current > SCHEMA_VERSION)
    throw new Error(
      `the database has schema version ${current}, newer than this code knows (${SCHEMA_VERSION})`,
    )
  for (const step of MIGRATIONS.filter((m) => m.version > current)) {
    db.transaction(() => {
      db.exec(step.sql)
      db.pragma(`user_version = ${step.version}`)
    })()
  }
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

  const insert = db.prepare<[string, string, string, number, number, string]>(
    'INSERT INTO reports (id, delete_token_hash, domain, created_at, expires_at, body) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const select = db.prepare<[string, number], ReportRow>(
    'SELECT * FROM reports WHERE id = ? AND expires_at > ?',
  )
  const remove = db.prepare<[string]>('DELETE FROM reports WHERE id = ?')
  const updateLogin = db.prepare<[string, string]>('UPDATE reports SET login = ? WHERE id = ?')
  const purgeReports = db.prepare<[number]>('DELETE FROM reports WHERE expires_at <= ?')
  const purgeVerified = db.prepare<[number]>('DELETE FROM verified_settings WHERE expires_at <= ?')
  const upsertVerified = db.prepare<[string, number, number, string]>(
    `INSERT INTO verified_settings (domain, created_at, expires_at, body) VALUES (?, ?, ?, ?)
     ON CONFLICT (domain) DO UPDATE SET created_at = excluded.created_at,
       expires_at = excluded.expires_at, body = excluded.body`,
  )
  const selectVerified = db.prepare<[string, number], VerifiedRow>(
    'SELECT * FROM verified_settings WHERE domain = ? AND expires_at > ?',
  )

  return {
    async save(entry: StoredReport) {
      insert.run(entry.id, entry.deleteTokenHash, ...entryValues(entry, entry.report))
    },
    async get(id, now) {
      const row = select.get(id, now)
      if (!row) return null
      const { body, ...entry } = entryOf(row)
      return {
        id: row.id,
        deleteTokenHash: row.delete_token_hash,
        ...entry,
        report: body,
        ...(row.login === null ? {} : { login: JSON.parse(row.login) as unknown }),
      }
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
      if (!row) return null
      const { body, ...entry } = entryOf(row)
      return { ...entry, settings: body }
    },
    close() {
      db.close()
    },
  }
}
