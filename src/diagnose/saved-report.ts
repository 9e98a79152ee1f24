/**
 * @module
 * Saving a diagnosis and reading it back: the id, share link and delete token of a new report,
 * the stored report as GET /api/v1/reports/{id} answers it, and the domain's verified settings
 * recorded beside it.
 */
import type { ProviderIndex } from '../providers/index.ts'
import { settingsFromReport } from './account-settings.ts'
import type { Report } from './report.ts'
import { hashToken, newDeleteToken, newReportId } from './report-id.ts'
import type { ReportStore, StoredReport } from './store.ts'
import { toVerified } from './verified-settings.ts'

/** How long reports and the domains' verified settings are kept. */
export interface Retention {
  reportMs: number
  verifiedMs: number
}

export interface ReportStorage {
  store: ReportStore
  retention: Retention
  providers: ProviderIndex
  /** Milliseconds since the epoch; fixed in tests. */
  now: () => number
}

/** The share link of a report (a path on this service). */
export const reportUrl = (id: string) => `/r/${id}`

/** A report as the API answers it once stored. */
export type SavedReport = Report & { id: string; url: string; createdAt: string }

/** Records the verified servers of a report as its domain's newest. */
export const recordVerified = async (storage: ReportStorage, report: Report) => {
  const verified = toVerified(settingsFromReport(report, storage.providers))
  if (!verified) return
  const now = storage.now()
  await storage.store.saveVerified({
    domain: report.domain,
    createdAt: now,
    expiresAt: now + storage.retention.verifiedMs,
    settings: verified,
  })
}

/**
 * Stores a report; the answer adds its id, link and the delete token (shown this once: only its
 * hash is kept).
 *
 * @example
 * const saved = await saveReport(storage, report) // { ...report, id, url: '/r/…', deleteToken, createdAt }
 */
export const saveReport = async (storage: ReportStorage, report: Report) => {
  const id = newReportId()
  const deleteToken = newDeleteToken()
  const now = storage.now()
  await storage.store.save({
    id,
    deleteTokenHash: await hashToken(deleteToken),
    domain: report.domain,
    createdAt: now,
    expiresAt: now + storage.retention.reportMs,
    report,
  })
  await recordVerified(storage, report)
  return { ...report, id, url: reportUrl(id), createdAt: new Date(now).toISOString(), deleteToken }
}

/** A stored report in the API's shape. */
export const savedReport = (stored: StoredReport): SavedReport => ({
  // The store gives back what saveReport put in: a Report this code built.
  ...(stored.report as Report),
  id: stored.id,
  url: reportUrl(stored.id),
  createdAt: new Date(stored.createdAt).toISOString(),
})
