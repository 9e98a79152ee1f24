/**
 * @module
 * The settings the renderers (formats/, guides/) take: one address's servers, best first. This
 * module decides which settings those are: from a stored report (what the diagnosis verified and
 * recommended) or from the provider index alone. client-settings.ts adds the domain-level chain.
 */
import { keyOf } from '../discovery/candidates.ts'
import { providerCandidates } from '../discovery/sources.ts'
import type { CandidateServer } from '../discovery/types.ts'
import { type Provider, type ProviderIndex, providerName, splitEmail } from '../providers/index.ts'
import type { Report, ReportServer } from './report.ts'

export interface AccountSettings {
  /** The address with its domain in ASCII (punycode) form: `local@xn--....`. */
  email: string
  /** The ASCII form of the address's domain. */
  domain: string
  /** What to call the account: the provider's name, else the domain. */
  displayName: string
  provider: Provider | null
  /** IMAP and POP3 servers, best first, usernames expanded for `email`. */
  incoming: CandidateServer[]
  /** SMTP servers, best first. */
  outgoing: CandidateServer[]
}

/**
 * Settings for an address (already checked by the route). For a domain nobody knows it resolves
 * with empty lists; it rejects only for a failure of its own (and never differently for two
 * local parts at one domain).
 */
export type SettingsSource = (email: string, signal?: AbortSignal) => Promise<AccountSettings>

/** Settings with no servers, for an unknown domain. */
export const emptySettings = (email: string, domain: string): AccountSettings => ({
  email,
  domain,
  displayName: domain,
  provider: null,
  incoming: [],
  outgoing: [],
})

const address = (input: string) => {
  const { localPart, domain } = splitEmail(input)
  return { email: `${localPart}@${domain}`, domain }
}

/** What to call the account: the provider's name, else the domain. */
export const displayNameOf = (provider: Provider | null, domain: string): string =>
  provider ? providerName(provider, 'en') : domain

/** Splits servers into directions. */
export const byDirection = (servers: readonly CandidateServer[]) => ({
  incoming: servers.filter((c) => c.protocol !== 'smtp'),
  outgoing: servers.filter((c) => c.protocol === 'smtp'),
})

/**
 * The operator overlay and the provider database alone (overlay entries win, as in the index):
 * no traffic. Null when neither knows the domain.
 *
 * @example
 * knownSettings(index, 'ann@qq.com')?.incoming[0]?.host // 'imap.qq.com'
 */
export const knownSettings = (index: ProviderIndex, input: string): AccountSettings | null => {
  const { email, domain } = address(input)
  const provider = index.byDomain(domain)
  if (!provider) return null
  const source = {
    type: index.isOverlay(provider.id) ? ('overlay' as const) : ('provider-db' as const),
    url: provider.id,
    trusted: true,
  }
  return {
    email,
    domain,
    displayName: providerName(provider, 'en'),
    provider,
    ...byDirection(providerCandidates(provider, email, source)),
  }
}

/** A SettingsSource over the provider index alone (tests, and the first step of the chain). */
export const settingsFromProviders =
  (index: ProviderIndex): SettingsSource =>
  async (input) => {
    const { email, domain } = address(input)
    return knownSettings(index, input) ?? emptySettings(email, domain)
  }

/** A report's server as a candidate again (what the probes said included). */
export const fromReportServer = (s: ReportServer): CandidateServer => ({
  protocol: s.protocol,
  host: s.host,
  port: s.port,
  security: s.security,
  username: s.username,
  source: s.source,
  verified: s.verified,
  ...(s.region ? { region: s.region } : {}),
  ...(s.auth ? { auth: s.auth } : {}),
  ...(s.oauthOnly ? { oauthOnly: true } : {}),
  ...(s.certNameOf ? { certNameOf: s.certNameOf } : {}),
  ...(s.status ? { status: s.status, code: s.code ?? null } : {}),
})

/** The recommended server first, then the other servers the probes verified. */
const direction = (recommended: ReportServer | null, all: readonly ReportServer[]) => {
  const first = recommended ? [recommended] : []
  const verified = all.filter(
    (s) => s.verified && !(recommended && keyOf(s) === keyOf(recommended)),
  )
  return [...first, ...verified].map(fromReportServer)
}

/**
 * What a stored report says to use: the recommended servers first, then the others it verified
 * (nothing it did not recommend or prove). The provider comes from the index, for its hints and
 * credential in the language asked for.
 *
 * @example
 * renderGuide('outlook', settingsFromReport(report, providers), { lang, protocol: report.protocol ?? undefined })
 */
export const settingsFromReport = (report: Report, index: ProviderIndex): AccountSettings => {
  const provider = report.provider ? (index.get(report.provider.id) ?? null) : null
  return {
    email: report.email,
    domain: report.domain,
    displayName: displayNameOf(provider, report.domain),
    provider,
    incoming: direction(report.recommended.incoming, report.incoming),
    outgoing: direction(report.recommended.outgoing, report.outgoing),
  }
}
