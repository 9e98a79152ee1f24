/**
 * @module
 * The discovery sources, each a function from a domain to candidate servers plus a report of
 * what it tried: the provider database (and the operator's overlay), the domain's autoconfig,
 * the MX hosts, and DNS SRV records (RFC 6186, RFC 8314).
 */
import type { MxRecord, Resolver } from '../dns/resolver.ts'
import { MATRIX } from '../probes/matrix.ts'
import { ProbeError } from '../errors/probe-error.ts'
import { type Provider, type ProviderIndex, expandPlaceholders } from '../providers/index.ts'
import { checkHostName } from '../security/host-name.ts'
import { registrableDomain } from '../util/registrable-domain.ts'
import { type AutoconfigResult, fetchAutoconfig } from './autoconfig.ts'
import type { HttpGet } from './http.ts'
import type { CandidateServer, ServerSource, SourceType } from './types.ts'
import { type Protocol, type Security, PROTOCOLS } from '../model/domain.ts'

/** What one source did, for the report and the event stream. */
export interface SourceReport {
  type: SourceType
  /** What was asked: the domain, the URL, the SRV or MX name. */
  name: string
  status: 'found' | 'none' | 'error'
  /** Servers it contributed. */
  servers: number
  code?: string
  detail?: string
  trusted?: boolean
}

export interface SourceResult {
  candidates: CandidateServer[]
  reports: SourceReport[]
  provider?: Provider
}

const candidate = (
  email: string,
  server: {
    protocol: Protocol
    host: string
    port: number
    security: Security
    username?: string | null
  },
  source: ServerSource,
): CandidateServer => ({
  protocol: server.protocol,
  host: expandPlaceholders(server.host, email).toLowerCase(),
  port: server.port,
  security: server.security,
  username: expandPlaceholders(server.username ?? '%EMAILADDRESS%', email),
  source,
  verified: false,
})

/** The provider's servers as candidates, marked as the operator's or the built-in database's. */
export const providerCandidates = (
  provider: Pick<Provider, 'servers'>,
  email: string,
  source: ServerSource,
): CandidateServer[] =>
  PROTOCOLS.flatMap((protocol) =>
    provider.servers[protocol].map((spec) => ({
      ...candidate(email, { protocol, ...spec }, source),
      ...(spec.confidence ? { confidence: spec.confidence } : {}),
      ...(spec.region ? { region: spec.region } : {}),
    })),
  )

export const fromDatabase = (
  providers: ProviderIndex,
  domain: string,
  email: string,
): SourceResult => {
  const provider = providers.byDomain(domain)
  if (!provider)
    return {
      candidates: [],
      reports: [{ type: 'provider-db', name: domain, status: 'none', servers: 0 }],
    }
  const type: SourceType = providers.isOverlay(provider.id) ? 'overlay' : 'provider-db'
  const candidates = providerCandidates(provider, email, { type, url: provider.id, trusted: true })
  return {
    provider,
    candidates,
    reports: [{ type, name: provider.id, status: 'found', servers: candidates.length }],
  }
}

const autoconfigCandidates = (
  found: AutoconfigResult,
  email: string,
  type: SourceType,
): CandidateServer[] =>
  found.doc.servers.map((server) =>
    candidate(email, server, { type, url: found.source.url, trusted: found.source.trusted }),
  )

export const fromAutoconfig = async (
  domain: string,
  email: string,
  deps: { httpGet: HttpGet; signal: AbortSignal; type?: SourceType },
): Promise<SourceResult> => {
  const type = deps.type ?? 'autoconfig'
  const reports: SourceReport[] = []
  const [found] = await fetchAutoconfig(domain, email, {
    httpGet: deps.httpGet,
    signal: deps.signal,
    onAttempt: (attempt) => {
      if (attempt.code)
        reports.push({
          type,
          name: attempt.url,
          status: 'error',
          servers: 0,
          code: attempt.code,
          detail: attempt.detail ?? undefined,
        })
    },
  })
  if (!found) return { candidates: [], reports }
  const candidates = autoconfigCandidates(found, email, type)
  reports.push({
    type,
    name: found.source.url,
    status: 'found',
    servers: candidates.length,
    trusted: found.source.trusted,
  })
  return { candidates, reports }
}

/**
 * The MX hosts worth a look, best first, and a report for each one refused: split-horizon DNS
 * often names an internal MX (mx.corp.internal), which the guard would refuse, so it is reported
 * with a code and neither looked up in the database nor guessed.
 * @example
 * mxHostsOf([{ exchange: 'MX.Example.com.', priority: 10 }]).mxHosts // ['mx.example.com']
 */
export const mxHostsOf = (
  records: ReadonlyArray<Pick<MxRecord, 'exchange'>>,
): { mxHosts: string[]; refused: SourceReport[] } => {
  const named = records
    .map((r) => r.exchange.toLowerCase().replace(/\.$/, ''))
    .filter((host) => host && host !== '.')
  const refused: SourceReport[] = []
  const mxHosts = named.filter((host) => {
    const checked = checkHostName(host)
    if (checked.kind === 'name') return true
    const reason = checked.kind === 'ip' ? 'an IP address, not a host name' : checked.reason
    refused.push({
      type: 'mx',
      name: host,
      status: 'error',
      servers: 0,
      code: 'TARGET_BLOCKED',
      detail: `${host}: ${reason}`,
    })
    return false
  })
  return { mxHosts, refused }
}

/**
 * The domain's MX hosts: a provider that hosts them (Tencent Exmail behind mxbiz1.qq.com, Alibaba
 * behind mxhichina.com, Microsoft 365), else the autoconfig of the MX host's registrable domain.
 */
export const fromMx = async (
  domain: string,
  email: string,
  deps: { resolver: Resolver; providers: ProviderIndex; httpGet: HttpGet; signal: AbortSignal },
): Promise<SourceResult & { mxHosts: string[] }> => {
  let records
  try {
    records = await deps.resolver.mx(domain, deps.signal)
  } catch (err) {
    const code = err instanceof ProbeError ? err.code : 'DNS_ERROR'
    return {
      candidates: [],
      mxHosts: [],
      reports: [{ type: 'mx', name: domain, status: 'error', servers: 0, code }],
    }
  }
  const { mxHosts, refused } = mxHostsOf(records)
  const withRefused = <T extends SourceResult>(result: T): T => ({
    ...result,
    reports: [...refused, ...result.reports],
  })
  for (const host of mxHosts) {
    const provider = await deps.providers.byMx(host)
    if (provider) {
      const candidates = providerCandidates(provider, email, {
        type: 'mx',
        url: host,
        trusted: true,
      })
      return withRefused({
        provider,
        candidates,
        mxHosts,
        reports: [{ type: 'mx', name: host, status: 'found', servers: candidates.length }],
      })
    }
  }
  const mxDomain = mxHosts[0] ? await registrableDomain(mxHosts[0]) : null
  if (!mxDomain || mxDomain === domain) {
    if (refused.length > 0) return { candidates: [], mxHosts, reports: refused }
    return {
      candidates: [],
      mxHosts,
      reports: [{ type: 'mx', name: mxHosts.join(', ') || domain, status: 'none', servers: 0 }],
    }
  }
  const viaAutoconfig = await fromAutoconfig(mxDomain, email, { ...deps, type: 'mx' })
  // Its autoconfig reports name URLs; say which MX hosts were left without settings.
  const unknownMx: SourceReport[] =
    viaAutoconfig.candidates.length === 0
      ? [{ type: 'mx', name: mxHosts.join(', '), status: 'none', servers: 0 }]
      : []
  return withRefused({
    ...viaAutoconfig,
    reports: [...viaAutoconfig.reports, ...unknownMx],
    mxHosts,
  })
}

/** RFC 6186 / RFC 8314 service labels, each with its protocol and TLS mode. */
export const SRV_SERVICES: ReadonlyArray<{
  label: string
  protocol: Protocol
  security: Security
}> = [
  { label: '_imaps._tcp', protocol: 'imap', security: 'tls' },
  { label: '_imap._tcp', protocol: 'imap', security: 'starttls' },
  { label: '_pop3s._tcp', protocol: 'pop3', security: 'tls' },
  { label: '_pop3._tcp', protocol: 'pop3', security: 'starttls' },
  { label: '_submissions._tcp', protocol: 'smtp', security: 'tls' },
  { label: '_submission._tcp', protocol: 'smtp', security: 'starttls' },
]

export const fromSrv = async (
  domain: string,
  email: string,
  deps: { resolver: Resolver; signal: AbortSignal },
): Promise<SourceResult> => {
  const results = await Promise.all(
    SRV_SERVICES.map(async (service): Promise<SourceResult> => {
      const name = `${service.label}.${domain}`
      try {
        const records = await deps.resolver.srv(name, deps.signal)
        // A target of "." says the service is not offered at this domain (RFC 2782, RFC 6186).
        if (records.length === 1 && (records[0]?.name === '.' || records[0]?.name === '')) {
          return {
            candidates: [],
            reports: [{ type: 'srv', name, status: 'none', servers: 0, code: 'SRV_NOT_OFFERED' }],
          }
        }
        const sorted = [...records].sort((a, b) => a.priority - b.priority || b.weight - a.weight)
        const candidates = sorted
          .filter((r) => r.name && r.name !== '.' && r.port > 0)
          .map((r) =>
            candidate(
              email,
              {
                protocol: service.protocol,
                host: r.name.replace(/\.$/, ''),
                port: r.port,
                security: service.security,
              },
              { type: 'srv', url: name, trusted: true },
            ),
          )
        return {
          candidates,
          reports: candidates.length
            ? [{ type: 'srv', name, status: 'found', servers: candidates.length }]
            : [],
        }
      } catch (err) {
        const code = err instanceof ProbeError ? err.code : 'DNS_ERROR'
        return {
          candidates: [],
          reports: [{ type: 'srv', name, status: 'error', servers: 0, code }],
        }
      }
    }),
  )
  const reports = results.flatMap((r) => r.reports)
  const candidates = results.flatMap((r) => r.candidates)
  if (reports.length === 0)
    reports.push({ type: 'srv', name: `_*._tcp.${domain}`, status: 'none', servers: 0 })
  return { candidates, reports }
}

/** Host names worth guessing for a domain, each with the matrix entries that fit its name. */
export const guessTargets = (domain: string, mxHosts: string[]) => {
  // Port 25 is for server-to-server mail: a client never submits there, so it is not guessed.
  const all = MATRIX.filter((entry) => entry.port !== 25)
  const of = (protocol: Protocol) => all.filter((entry) => entry.protocol === protocol)
  const targets = [
    { host: `imap.${domain}`, entries: of('imap') },
    { host: `pop.${domain}`, entries: of('pop3') },
    { host: `pop3.${domain}`, entries: of('pop3') },
    { host: `smtp.${domain}`, entries: of('smtp') },
    { host: `mail.${domain}`, entries: all },
    { host: domain, entries: all },
    ...mxHosts.slice(0, 1).map((host) => ({ host, entries: all })),
  ]
  // The MX host is often one of the names above (mail.<domain>): each host once.
  const seen = new Set<string>()
  return targets.filter(({ host }) => {
    const name = host.toLowerCase().replace(/\.$/, '')
    if (seen.has(name)) return false
    seen.add(name)
    return true
  })
}
