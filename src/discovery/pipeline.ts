/**
 * @module
 * The discovery pipeline: every source starts at once (database and overlay, autoconfig, MX,
 * SRV); candidates are merged by source priority, the others kept as alternatives; then, unless
 * asked not to, every candidate is probed, and guessing fills a direction nothing else found.
 */
import { LRUCache } from 'lru-cache'
import type { Resolver } from '../dns/resolver.ts'
import type { MatrixDeps } from '../probes/matrix.ts'
import { runProbe } from '../probes/probe.ts'
import { ProbeError } from '../probes/probe-error.ts'
import { type ProbeResult, unreachedResult } from '../probes/result.ts'
import { type Provider, type ProviderIndex, splitEmail } from '../providers/index.ts'
import type { PinnedTarget } from '../security/target-guard.ts'
import type { HttpGet } from './http.ts'
import {
  type SourceReport,
  type SourceResult,
  fromAutoconfig,
  fromDatabase,
  fromMx,
  fromSrv,
  guessTargets,
} from './sources.ts'
import { type CandidateServer, SOURCE_TYPES } from './types.ts'

/** Most candidate probes one discovery runs (and most guess probes). */
export const MAX_DISCOVERY_PROBES = 16
/** Budget for the network sources (autoconfig, MX, SRV) together. */
export const SOURCES_TIMEOUT_MS = 6_000
/** The same when the database already knows the domain: the others are only alternatives then. */
export const SOURCES_TIMEOUT_KNOWN_MS = 2_000
/** How long found sources are reused for the same address (probes are never reused). */
const SOURCES_CACHE_MS = 5 * 60 * 1000

export interface DiscoveryDeps {
  providers: ProviderIndex
  resolver: Resolver
  httpGet: HttpGet
  probe: MatrixDeps
}

export type DiscoveryEvent =
  | { type: 'source'; source: SourceReport }
  | { type: 'probe'; probe: ProbeResult }
  /** The merged candidates, once the sources are in (and again when guessing added some). */
  | { type: 'candidates'; provider: Provider | null; candidates: CandidateServer[] }

export interface DiscoverOptions {
  /** Probe the candidates (default true). */
  probe?: boolean
  signal?: AbortSignal
  onEvent?: (event: DiscoveryEvent) => void
}

export interface Discovery {
  email: string
  domain: string
  provider: Provider | null
  /** Merged candidates, best source first; probed ones carry verified, status and code. */
  candidates: CandidateServer[]
  probes: ProbeResult[]
  sources: SourceReport[]
}

interface Found {
  provider: Provider | null
  candidates: CandidateServer[]
  sources: SourceReport[]
  mxHosts: string[]
}

const rank = (c: CandidateServer) =>
  SOURCE_TYPES.indexOf(c.source.type) * 2 + (c.source.trusted ? 0 : 1)
export const keyOf = (c: { protocol: string; host: string; port: number; security: string }) =>
  `${c.protocol}|${c.host}|${c.port}|${c.security}`

/** Keeps the best-ranked copy of each server, best first (a stable sort keeps source order). */
export const mergeCandidates = (lists: CandidateServer[][]): CandidateServer[] => {
  const best = new Map<string, CandidateServer>()
  for (const c of lists.flat().sort((a, b) => rank(a) - rank(b)))
    if (!best.has(keyOf(c))) best.set(keyOf(c), c)
  return [...best.values()]
}

export const createDiscovery = (deps: DiscoveryDeps) => {
  const cache = new LRUCache<string, Found>({ max: 1_000, ttl: SOURCES_CACHE_MS })

  const inFlight = new Map<string, Promise<Found>>()

  /**
   * The sources for an address: from the cache, or shared with a search already running for it.
   * Sharing also stops a loop: when a domain's autoconfig points back at this service, the
   * request it receives waits for the search that sent it instead of starting another.
   */
  const findSources = async (
    email: string,
    domain: string,
    options: DiscoverOptions,
  ): Promise<Found> => {
    const hit = cache.get(email)
    const running = inFlight.get(email)
    const shared = hit ?? (running ? await running : null)
    if (shared) {
      shared.sources.forEach((source) => options.onEvent?.({ type: 'source', source }))
      return shared
    }
    const search = searchSources(email, domain, options).finally(() => inFlight.delete(email))
    inFlight.set(email, search)
    return search
  }

  const searchSources = async (
    email: string,
    domain: string,
    options: DiscoverOptions,
  ): Promise<Found> => {
    const report = <T extends SourceResult>(result: T): T => {
      result.reports.forEach((source) => options.onEvent?.({ type: 'source', source }))
      return result
    }
    const db = report(fromDatabase(deps.providers, domain, email))
    const budget = db.provider ? SOURCES_TIMEOUT_KNOWN_MS : SOURCES_TIMEOUT_MS
    // Its own deadline only, not the caller's signal: the search may be shared and is cached, so
    // a client that goes away must not cut it short for the others.
    const signal = AbortSignal.timeout(budget)
    const [auto, mx, srv] = await Promise.all([
      fromAutoconfig(domain, email, { httpGet: deps.httpGet, signal }).then(report),
      fromMx(domain, email, { ...deps, signal }).then(report),
      fromSrv(domain, email, { resolver: deps.resolver, signal }).then(report),
    ])
    const found: Found = {
      provider: db.provider ?? mx.provider ?? null,
      candidates: mergeCandidates([db.candidates, auto.candidates, mx.candidates, srv.candidates]),
      sources: [db, auto, mx, srv].flatMap((r) => r.reports),
      mxHosts: mx.mxHosts,
    }
    cache.set(email, found)
    return found
  }

  /** Probes targets grouped by host: one guarded lookup per host, then each port. */
  const probeAll = async (
    targets: CandidateServer[],
    options: DiscoverOptions,
  ): Promise<Map<string, ProbeResult>> => {
    const results = new Map<string, ProbeResult>()
    const hosts = [...new Set(targets.map((t) => t.host))]
    await Promise.all(
      hosts.map(async (host) => {
        const mine = targets.filter((t) => t.host === host)
        let pinned: PinnedTarget | null = null
        let failure: ProbeError | null = null
        try {
          pinned = await deps.probe.guard.resolve(host, options.signal)
        } catch (err) {
          failure = err instanceof ProbeError ? err : new ProbeError('PROBE_FAILED')
        }
        await Promise.all(
          mine.map(async (t) => {
            const target = { host, port: t.port, protocol: t.protocol, security: t.security }
            const result =
              pinned && deps.probe.guard.allowsPort(t.port)
                ? await deps.probe.limiter.run(pinned.address, () =>
                    runProbe(target, deps.probe, {
                      pinned: pinned ?? undefined,
                      signal: options.signal,
                    }),
                  )
                : unreachedResult(
                    target,
                    failure ?? new ProbeError('TARGET_BLOCKED', `port ${t.port}`),
                    null,
                  )
            results.set(keyOf(t), result)
            options.onEvent?.({ type: 'probe', probe: result })
          }),
        )
      }),
    )
    return results
  }

  const verify = (c: CandidateServer, result: ProbeResult | undefined): CandidateServer =>
    result
      ? { ...c, verified: result.status !== 'error', status: result.status, code: result.code }
      : c

  /** Guesses common host names for the directions (incoming, outgoing) nothing else found. */
  const guess = async (email: string, domain: string, found: Found, options: DiscoverOptions) => {
    const hasIncoming = found.candidates.some((c) => c.protocol !== 'smtp')
    const hasOutgoing = found.candidates.some((c) => c.protocol === 'smtp')
    if (hasIncoming && hasOutgoing) return { candidates: [], probes: [] }
    const wanted = guessTargets(domain, found.mxHosts).flatMap(({ host, entries }) =>
      entries
        .filter((e) => (e.protocol === 'smtp' ? !hasOutgoing : !hasIncoming))
        .map((e): CandidateServer => ({
          ...e,
          host,
          username: email,
          source: { type: 'guess', url: host, trusted: true },
          verified: false,
        })),
    )
    // Only names that exist are worth a connection.
    const hosts = [...new Set(wanted.map((c) => c.host))]
    const exists = await Promise.all(
      hosts.map((host) =>
        deps.resolver.addresses(host, options.signal).then(
          () => true,
          () => false,
        ),
      ),
    )
    const live = wanted.filter((c) => exists[hosts.indexOf(c.host)]).slice(0, MAX_DISCOVERY_PROBES)
    const results = await probeAll(live, options)
    return {
      // A guess is a finding when a mail server answered there, even one with a bad certificate.
      candidates: live
        .map((c) => verify(c, results.get(keyOf(c))))
        .filter(
          (c) => c.status === 'ok' || c.status === 'warning' || c.code?.startsWith('TLS_CERT_'),
        ),
      probes: [...results.values()],
    }
  }

  /**
   * @example
   * const discovery = createDiscovery(deps)
   * const found = await discovery.discover('ann@example.com', { probe: true, onEvent: send })
   */
  const discover = async (address: string, options: DiscoverOptions = {}): Promise<Discovery> => {
    const { localPart, domain } = splitEmail(address)
    const email = `${localPart}@${domain}`
    const probing = options.probe !== false
    // The database's servers are known at once: probe them while the network sources run.
    const known = probing
      ? fromDatabase(deps.providers, domain, email).candidates.slice(0, MAX_DISCOVERY_PROBES)
      : []
    if (known.length)
      options.onEvent?.({
        type: 'candidates',
        provider: deps.providers.byDomain(domain) ?? null,
        candidates: known,
      })
    const early = probeAll(known, options)

    const found = await findSources(email, domain, options)
    options.onEvent?.({
      type: 'candidates',
      provider: found.provider,
      candidates: found.candidates,
    })
    if (!probing) {
      return {
        email,
        domain,
        provider: found.provider,
        candidates: found.candidates,
        probes: [],
        sources: found.sources,
      }
    }
    const started = new Set(known.map(keyOf))
    const rest = found.candidates
      .filter((c) => !started.has(keyOf(c)))
      .slice(0, MAX_DISCOVERY_PROBES - known.length)
    // Guessing depends only on which directions the sources found, so it runs beside the probes.
    const guessing = guess(email, domain, found, options).then((guessed) => {
      if (guessed.candidates.length) {
        options.onEvent?.({
          type: 'candidates',
          provider: found.provider,
          candidates: [...found.candidates, ...guessed.candidates],
        })
      }
      return guessed
    })
    const [earlyResults, restResults, guessed] = await Promise.all([
      early,
      probeAll(rest, options),
      guessing,
    ])
    const results = new Map([...earlyResults, ...restResults])
    const probed = found.candidates.map((c) => verify(c, results.get(keyOf(c))))
    const guessReports: SourceReport[] = guessed.candidates.length
      ? [{ type: 'guess', name: domain, status: 'found', servers: guessed.candidates.length }]
      : []
    guessReports.forEach((source) => options.onEvent?.({ type: 'source', source }))
    return {
      email,
      domain,
      provider: found.provider,
      candidates: [...probed, ...guessed.candidates],
      probes: [...results.values(), ...guessed.probes],
      sources: [...found.sources, ...guessReports],
    }
  }

  return { discover }
}

export type DiscoveryService = ReturnType<typeof createDiscovery>
