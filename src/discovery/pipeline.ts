/**
 * @module
 * The discovery pipeline: every source starts at once (database and overlay, autoconfig, MX,
 * SRV); candidates are merged by source priority, the others kept as alternatives; then, unless
 * asked not to, every candidate is probed, and guessing fills a direction nothing else found.
 */
import type { Resolver } from '../dns/resolver.ts'
import type { MatrixDeps } from '../probes/matrix.ts'
import type { ProbeResult } from '../probes/result.ts'
import { type Provider, type ProviderIndex, splitEmail } from '../providers/index.ts'
import { keyOf, withProbe } from './candidates.ts'
import { certNameCandidates } from './cert-names.ts'
import { guessCandidates } from './guess.ts'
import { leaveOutBlocked, leaveOutInternal } from './internal-targets.ts'
import type { HttpGet } from './http.ts'
import { probeCandidates } from './probe-candidates.ts'
import { createSourceCache } from './source-cache.ts'
import { createSourceSearch } from './source-search.ts'
import { type SourceReport, fromDatabase } from './sources.ts'
import type { CandidateServer } from './types.ts'

/** Most candidate probes one discovery runs (and most guess probes). */
export const MAX_DISCOVERY_PROBES = 16

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
  /** Servers a source named that point inside (localhost, private addresses): never offered. */
  leftOut?: CandidateServer[]
}

export const createDiscovery = (deps: DiscoveryDeps) => {
  const findSources = createSourceCache(createSourceSearch(deps))
  const guessDeps = { resolver: deps.resolver, probe: deps.probe, maxProbes: MAX_DISCOVERY_PROBES }

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
    const probeOptions = {
      signal: options.signal,
      onResult: (probe: ProbeResult) => options.onEvent?.({ type: 'probe', probe }),
    }
    const early = probeCandidates(known, deps.probe, probeOptions)

    const sourced = await findSources(email, domain, (source) =>
      options.onEvent?.({ type: 'source', source }),
    )
    const internal = leaveOutInternal(sourced.candidates, deps.probe.guard)
    internal.reports.forEach((source) => options.onEvent?.({ type: 'source', source }))
    const found = {
      ...sourced,
      candidates: internal.kept,
      sources: [...sourced.sources, ...internal.reports],
    }
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
        leftOut: internal.leftOut,
      }
    }
    const started = new Set(known.map(keyOf))
    const rest = found.candidates
      .filter((c) => !started.has(keyOf(c)))
      .slice(0, MAX_DISCOVERY_PROBES - known.length)
    // Guessing depends only on which directions the sources found, so it runs beside the probes.
    const guessing = guessCandidates(guessDeps, email, domain, found, probeOptions).then(
      (guessed) => {
        if (guessed.candidates.length) {
          options.onEvent?.({
            type: 'candidates',
            provider: found.provider,
            candidates: [...found.candidates, ...guessed.candidates],
          })
        }
        return guessed
      },
    )
    const [earlyResults, restResults, guessed] = await Promise.all([
      early,
      probeCandidates(rest, deps.probe, probeOptions),
      guessing,
    ])
    const results = new Map([...earlyResults, ...restResults])
    const probed = found.candidates.map((c) => withProbe(c, results.get(keyOf(c))))
    // A certificate issued to another host: that host, if it answers on the same port.
    const renamed = await certNameCandidates(probed, results, deps.probe, probeOptions)
    if (renamed.candidates.length) {
      options.onEvent?.({
        type: 'candidates',
        provider: found.provider,
        candidates: [...found.candidates, ...guessed.candidates, ...renamed.candidates],
      })
    }
    // A name that resolved to a private address: refused by the probe, never handed to a client.
    const blocked = leaveOutBlocked([...probed, ...renamed.candidates, ...guessed.candidates])
    const guessReports: SourceReport[] = guessed.candidates.length
      ? [{ type: 'guess', name: domain, status: 'found', servers: guessed.candidates.length }]
      : []
    ;[...blocked.reports, ...guessReports].forEach((source) =>
      options.onEvent?.({ type: 'source', source }),
    )
    return {
      email,
      domain,
      provider: found.provider,
      candidates: blocked.kept,
      probes: [...results.values(), ...renamed.probes, ...guessed.probes],
      sources: [...found.sources, ...blocked.reports, ...guessReports],
      leftOut: [...internal.leftOut, ...blocked.leftOut],
    }
  }

  return { discover }
}

export type DiscoveryService = ReturnType<typeof createDiscovery>
