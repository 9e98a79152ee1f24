/**
 * @module
 * The Workers ReportStore: a Cloudflare D1 database (binding `DB`), running the same SQL as the
 * SQLite adapter (store-sql.ts). The schema is the one of migrations.ts, shipped as D1
 * migration files in migrations/ (`wrangler d1 migrations apply`; a unit test keeps the two
 * equal), since D1 keeps its own record of applied migrations instead of `user_version`.
 */
import {
  SQL,
  type ReportRow,
  type VerifiedRow,
  entryValues,
  reportOf,
  verifiedOf,
} from './store-sql.ts'
import type { ReportStore } from './store.ts'

/** The slice of D1's API this store uses (D1Database from @cloudflare/workers-types). */
export interface D1Like {
  prepare(sql: string): D1StatementLike
  batch(statements: D1StatementLike[]): Promise<Array<{ meta: { changes: number } }>>
}

export interface D1StatementLike {
  bind(...values: unknown[]): D1StatementLike
  first<T>(): Promise<T | null>
  run(): Promise<{ meta: { changes: number } }>
}

/**
 * @example
 * const reports = createD1ReportStore(env.DB)
 */
export const createD1ReportStore = (db: D1Like): ReportStore => ({
  async save(entry) {
    await db
      .prepare(SQL.insertReport)
      .bind(entry.id, entry.deleteTokenHash, ...entryValues(entry, entry.report))
      .run()
  },
  async get(id, now) {
    const row = await db.prepare(SQL.selectReport).bind(id, now).first<ReportRow>()
    return row ? reportOf(row) : null
  },
  async saveLogin(id, verdict) {
    const result = await db.prepare(SQL.updateLogin).bind(JSON.stringify(verdict), id).run()
    return result.meta.changes > 0
  },
  async delete(id) {
    const result = await db.prepare(SQL.deleteReport).bind(id).run()
    return result.meta.changes > 0
  },
  async purgeExpired(now) {
    // One batch is one transaction in D1.
    const results = await db.batch([
      db.prepare(SQL.purgeReports).bind(now),
      db.prepare(SQL.purgeVerified).bind(now),
    ])
    return results.reduce((sum, result) => sum + result.meta.changes, 0)
  },
  async saveVerified(entry) {
    await db
      .prepare(SQL.upsertVerified)
      .bind(...entryValues(entry, entry.settings))
      .run()
  },
  async getVerified(domain, now) {
    const row = await db.prepare(SQL.selectVerified).bind(domain, now).first<VerifiedRow>()
    return row ? verifiedOf(row) : null
  },
  close() {
    // A binding has no connection to close.
  },
})
