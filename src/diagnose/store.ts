/**
 * @module
 * Where reports are kept: a small interface the app receives, so the Node entry can give it an
 * SQLite file (store-sqlite-node.ts) and a Workers entry a D1 database. Runtime-neutral.
 * A stored report never holds a credential: only what the diagnosis answered, and a hash of the
 * token that may delete it.
 */

/** One stored report, as the store hands it back. */
export interface StoredReport {
  id: string
  /** SHA-256 of the delete token, hex (the token itself is never stored). */
  deleteTokenHash: string
  domain: string
  /** Milliseconds since the epoch. */
  createdAt: number
  expiresAt: number
  /** The report as the diagnosis answered it (JSON-serialisable). */
  report: unknown
  /** The newest login test's verdict for this report (login-verdict.ts), or null before one. */
  login?: unknown
}

/** The newest verified servers for a domain, with usernames as forms (see verified-settings.ts). */
export interface StoredVerified {
  domain: string
  createdAt: number
  expiresAt: number
  settings: unknown
}

export interface ReportStore {
  save(entry: StoredReport): Promise<void>
  /** The report, or null when unknown or expired at `now`. */
  get(id: string, now: number): Promise<StoredReport | null>
  /**
   * Records a login test's verdict on the report (the newest replaces the one before); false
   * when there is no such report. The verdict holds no credential.
   */
  saveLogin(id: string, verdict: unknown): Promise<boolean>
  /** True when a report was deleted. */
  delete(id: string): Promise<boolean>
  /** Drops what expired before `now` (reports and verified settings); returns how many. */
  purgeExpired(now: number): Promise<number>
  /** Replaces the domain's verified settings. */
  saveVerified(entry: StoredVerified): Promise<void>
  getVerified(domain: string, now: number): Promise<StoredVerified | null>
  close(): void
}
