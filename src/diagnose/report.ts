/**
 * @module
 * The diagnosis report: what discovery found, what the probes proved, and what to use and why.
 * Pure: it turns a Discovery into the answer of /api/v1/lookup and /api/v1/diagnose.
 */
import type { Discovery } from '../discovery/pipeline.ts'
import { type HostStability, stabilityReport } from '../discovery/stability.ts'
import type { CandidateServer } from '../discovery/types.ts'
import type { Region } from '../providers/index.ts'
import { accountIdLabel, providerName } from '../providers/index.ts'
import { type Recommendation, recommend } from '../recommend/index.ts'
import type { Lang, Needs } from '../model/domain.ts'
import type { RegionSource } from '../model/region.ts'

/** A server as the API shows it. */
export interface ReportServer {
  protocol: CandidateServer['protocol']
  host: string
  port: number
  security: CandidateServer['security']
  username: string
  source: CandidateServer['source']
  verified: boolean
  status?: CandidateServer['status']
  code?: CandidateServer['code']
  region?: CandidateServer['region']
  auth?: CandidateServer['auth']
  oauthOnly?: CandidateServer['oauthOnly']
  certNameOf?: CandidateServer['certNameOf']
}

export const toReportServer = (c: CandidateServer): ReportServer => ({
  protocol: c.protocol,
  host: c.host,
  port: c.port,
  security: c.security,
  username: c.username,
  source: c.source,
  verified: c.verified,
  ...(c.status ? { status: c.status, code: c.code ?? null } : {}),
  ...(c.region ? { region: c.region } : {}),
  ...(c.auth ? { auth: c.auth } : {}),
  ...(c.oauthOnly ? { oauthOnly: true } : {}),
  ...(c.certNameOf ? { certNameOf: c.certNameOf } : {}),
})

/**
 * A server as the API shows it; for a provider that logs in with an ID it issues, its username
 * is that ID in words (`accountId`), never the address the server's template would give.
 */
const shown = (c: CandidateServer, accountId: string | null): ReportServer => ({
  ...toReportServer(c),
  ...(accountId ? { username: accountId } : {}),
})

const shownAll = (servers: readonly CandidateServer[], accountId: string | null) =>
  servers.map((c) => shown(c, accountId))

export const recommendationView = (rec: Recommendation) => {
  const accountId = rec.username?.form === 'account-id' ? rec.username.value : null
  return {
    protocol: rec.protocol,
    recommended: {
      incoming: rec.recommended.incoming && shown(rec.recommended.incoming, accountId),
      outgoing: rec.recommended.outgoing && shown(rec.recommended.outgoing, accountId),
    },
    reasons: rec.reasons,
    warnings: rec.warnings,
    credential: rec.credential,
    username: rec.username,
    hostChoice: rec.hostChoice,
  }
}

/** What a recommendation says, with its servers in the API's shape. */
export type RecommendationView = ReturnType<typeof recommendationView>

/**
 * @example
 * const report = buildReport(await discovery.discover(email, { probe: true }), { lang: 'zh-CN', probed: true })
 */
export const buildReport = (
  found: Discovery,
  options: {
    lang: Lang
    needs?: Needs
    probed: boolean
    region?: Region
    /** Whether `region` is the user's answer or their browser's time zone's. */
    regionFrom?: RegionSource
    /** The measured handshakes of the provider's alternative hosts (probing runs only). */
    stability?: readonly HostStability[]
  },
) => {
  const rec = recommend({
    email: found.email,
    candidates: found.candidates,
    provider: found.provider,
    needs: options.needs,
    lang: options.lang,
    probed: options.probed,
    region: options.region,
    regionFrom: options.regionFrom,
    stability: options.stability,
    leftOut: found.leftOut,
    sources: found.sources,
    didYouMean: found.didYouMean,
  })
  const provider = found.provider
  const accountId = accountIdLabel(provider, options.lang)
  return {
    email: found.email,
    domain: found.domain,
    lang: options.lang,
    region: options.region ?? null,
    regionFrom: options.region ? (options.regionFrom ?? 'answer') : null,
    provider: provider
      ? {
          id: provider.id,
          name: providerName(provider, options.lang),
          status: provider.status,
          credential: provider.credential,
        }
      : null,
    incoming: shownAll(
      found.candidates.filter((c) => c.protocol !== 'smtp'),
      accountId,
    ),
    outgoing: shownAll(
      found.candidates.filter((c) => c.protocol === 'smtp'),
      accountId,
    ),
    ...recommendationView(rec),
    hints: rec.hints,
    probes: found.probes,
    sources: found.sources,
    stability: stabilityReport(options.stability ?? []),
    didYouMean: found.didYouMean ?? [],
  }
}

export type Report = ReturnType<typeof buildReport>
