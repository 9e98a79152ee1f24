/**
 * @module
 * The report store's SQL and row mapping, shared by the D1 adapter (store-d1.ts) and the SQLite
 * adapter (store-sqlite-node.ts), on the same schema (migrations.ts). Runtime-neutral.
 */
import type { StoredReport, StoredVerified } from './store.ts'

/** The columns both tables end with: the domain, the lifetime and the JSON body. */
export interface EntryRow {
  domain: string
  created_at: number
  expires_at: number
  body: string
}

export interface ReportRow extends EntryRow {
  id: string
  delete_token_hash: string
  login: string | null
}

export type VerifiedRow = EntryRow

/** The values of those columns, in their order in both tables. */
export const entryValues = (e: Omit<StoredVerified, 'settings'>, body: unknown) =>
  [e.domain, e.createdAt, e.expiresAt, JSON.stringify(body)] as const

const entryOf = (row: EntryRow) => ({
  domain: row.domain,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  body: JSON.parse(row.body) as unknown,
})

export const reportOf = (row: ReportRow): StoredReport => {
  const { body, ...entry } = entryOf(row)
  return {
    id: row.id,
    deleteTokenHash: row.delete_token_hash,
    ...entry,
    report: body,
    ...(row.login === null ? {} : { login: JSON.parse(row.login) as unknown }),
  }
}

export const verifiedOf = (row: VerifiedRow): StoredVerified => {
  const { body, ...entry } = entryOf(row)
  return { ...entry, settings: body }
}

/** Every statement the stores run, with `?` placeholders in the order entryValues gives. */
export const SQL = {
  insertReport:
    'INSERT INTO reports (id, delete_token_hash, domain, created_at, expires_at, body) VALUES (?, ?, ?, ?, ?, ?)',
  selectReport: 'SELECT * FROM reports WHERE id = ? AND expires_at > ?',
  deleteReport: 'DELETE FROM reports WHERE id = ?',
  updateLogin: 'UPDATE reports SET login = ? WHERE id = ?',
  purgeReports: 'DELETE FROM reports WHERE expires_at <= ?',
  purgeVerified: 'DELETE FROM verified_settings WHERE expires_at <= ?',
  upsertVerified: `INSERT INTO verified_settings (domain, created_at, expires_at, body) VALUES (?, ?, ?, ?)
     ON CONFLICT (domain) DO UPDATE SET created_at = excluded.created_at,
       expires_at = excluded.expires_at, body = excluded.body`,
  selectVerified: 'SELECT * FROM verified_settings WHERE domain = ? AND expires_at > ?',
} as const
