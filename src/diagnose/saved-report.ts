/**
 * @module
 * Saving a diagnosis and reading it back: the id, share link and delete token of a new report,
 * the stored report as GET /api/v1/reports/{id} answers it, and the domain's verified settings
 * recorded beside it.
 */
import type { Lang, Needs } from '../model/domain.ts'
import { type ProviderIndex, providerName } from '../providers/index.ts'
import { recommend } from '../recommend/index.ts'
import { fromReportServer, settingsFromReport } from './account-settings.ts'
import type { LoginVerdict } from './login-verdict.ts'
import { withProvenUsernames } from './proven-usernames.ts'
import { type Report, recommendationView } from './report.ts'
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

/** A report as the API answers it once stored, with the newest login test's verdict (or null). */
export type SavedReport = Report & {
  id: string
  url: string
  createdAt: string
  expiresAt: string
  loginTest: LoginVerdict | null
}

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
export const saveReport = async (
  storage: ReportStorage,
  report: Report,
  input: { needs?: Needs; probed: boolean },
) => {
  const id = newReportId()
  const deleteToken = newDeleteToken()
  const now = storage.now()
  await storage.store.save({
    id,
    deleteTokenHash: await hashToken(deleteToken),
    domain: report.domain,
    createdAt: now,
    expiresAt: now + storage.retention.reportMs,
    report: { report, needs: input.needs ?? null, probed: input.probed } satisfies Body,
  })
  await recordVerified(storage, report)
  return {
    ...report,
    id,
    url: reportUrl(id),
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + storage.retention.reportMs).toISOString(),
    deleteToken,
  }
}

/** What a stored row holds: the report and what the recommendation was made from. */
interface Body {
  report: Report
  needs: Needs | null
  probed: boolean
}

const sameServer = (a: { host: string; port: number } | null, b: typeof a) =>
  a === b || (a !== null && b !== null && a.host === b.host && a.port === b.port)

/**
 * The report's texts in another language: the recommendation made again, without any probe,
 * from the same servers and probe verdicts; only its words are taken, and only when it picks the
 * same servers (it always should: the recommendation is a pure function of them).
 */
const inLanguage = (body: Body, lang: Lang, index: ProviderIndex): Report => {
  const { report } = body
  if (report.lang === lang) return report
  const provider = report.provider ? (index.get(report.provider.id) ?? null) : null
  const rec = recommend({
    email: report.email,
    candidates: [...report.incoming, ...report.outgoing].map(fromReportServer),
    provider,
    needs: body.needs ?? undefined,
    lang,
    probed: body.probed,
    region: report.region ?? undefined,
    regionFrom: report.regionFrom ?? undefined,
    stability: report.stability?.hosts,
    sources: report.sources,
    didYouMean: report.didYouMean,
  })
  const view = recommendationView(rec)
  const same =
    view.protocol === report.protocol &&
    sameServer(view.recommended.incoming, report.recommended.incoming) &&
    sameServer(view.recommended.outgoing, report.recommended.outgoing)
  if (!same) return report
  // An account ID's words (the usernames) are in the report's language too.
  const accountId = view.username?.form === 'account-id' ? view.username.value : null
  const relabel = <S extends { username: string }>(s: S): S =>
    accountId ? { ...s, username: accountId } : s
  return {
    ...report,
    ...(accountId
      ? {
          incoming: report.incoming.map(relabel),
          outgoing: report.outgoing.map(relabel),
          recommended: {
            incoming: report.recommended.incoming && relabel(report.recommended.incoming),
            outgoing: report.recommended.outgoing && relabel(report.recommended.outgoing),
          },
          username: view.username,
        }
      : {}),
    lang,
    provider:
      report.provider && provider
        ? { ...report.provider, name: providerName(provider, lang) }
        : report.provider,
    reasons: view.reasons,
    warnings: view.warnings,
    credential: view.credential,
    hints: rec.hints,
  }
}

/**
 * A stored report in the API's shape, its texts in `lang` when given.
 *
 * @example
 * savedReport(await store.get(id, Date.now()), { lang: 'en', providers })
 */
export const savedReport = (
  stored: StoredReport,
  options: { lang?: Lang; providers: ProviderIndex },
): SavedReport => {
  // The store gives back what saveReport put in: a Body this code built.
  const body = stored.report as Body
  // The store gives back what recordLoginVerdict put in.
  const loginTest = (stored.login as LoginVerdict | undefined) ?? null
  const report = withProvenUsernames(
    options.lang ? inLanguage(body, options.lang, options.providers) : body.report,
    loginTest,
  )
  return {
    ...report,
    // Reports stored before the measurement and the choice existed have neither.
    stability: report.stability ?? null,
    hostChoice: report.hostChoice ?? [],
    didYouMean: report.didYouMean ?? [],
    regionFrom: report.regionFrom ?? (report.region ? 'answer' : null),
    id: stored.id,
    url: reportUrl(stored.id),
    createdAt: new Date(stored.createdAt).toISOString(),
    expiresAt: new Date(stored.expiresAt).toISOString(),
    loginTest,
  }
}

/** Records a login test's verdict on a stored report; false when the report is gone. */
export const recordLoginVerdict = (storage: ReportStorage, id: string, verdict: LoginVerdict) =>
  storage.store.saveLogin(id, verdict)
