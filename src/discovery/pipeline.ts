/**
 * @module
 * The discovery pipeline: every source starts at once (database and overlay, autoconfig, MX,
 * SRV), and so does guessing; candidates are merged by source priority, the others kept as
 * alternatives. Unless asked not to, every candidate is probed: the database's at once, the
 * other sources' when they are in, guesses as their names resolve (kept for a direction nothing
 * else found). Each (protocol, host, port, security) is probed once, whoever names it, and the
 * discovery ends when the last probe it still needs ends.
 */
import type { Resolver } from '../dns/resolver.ts'
import type { MatrixDeps } from '../probes/matrix.ts'
import type { ProbeResult } from '../probes/result.ts'
import { type Provider, type ProviderIndex, splitEmail } from '../providers/index.ts'
import { keyOf, withProbe } from './candidates.ts'
import { certNameCandidates } from './cert-names.ts'
import { startGuessing } from './guess.ts'
import { leaveOutBlocked, leaveOutInternal } from './internal-targets.ts'
import type { HttpGet } from './http.ts'
import { probeAll } from './probe-candidates.ts'
import { createProbeRuns } from './probe-runs.ts'
import { createSourceCache } from './source-cache.ts'
import { createSourceSearch } from './source-search.ts'
import { didYouMean } from './domain-state.ts'
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
  /** When the domain cannot take mail: the addresses at known domains a typo away. */
  didYouMean?: string[]
}

export const createDiscovery = (deps: DiscoveryDeps) => {
  const findSources = createSourceCache(createSourceSearch(deps))
  const guessDeps = {
    resolver: deps.resolver,
    providers: deps.providers,
    maxProbes: MAX_DISCOVERY_PROBES,
  }

  /**
   * @example
   * const discovery = createDiscovery(deps)
   * const found = await discovery.discover('ann@example.com', { probe: true, onEvent: send })
   */
  const discover = async (address: string, options: DiscoverOptions = {}): Promise<Discovery> => {
    const { localPart, domain } = splitEmail(address)
    const email = `${localPart}@${domain}`
    const onSource = (source: SourceReport) => options.onEvent?.({ type: 'source', source })
    const searchSources = async () => {
      const sourced = await findSources(email, domain, onSource)
      const internal = leaveOutInternal(sourced.candidates, deps.probe.guard)
      internal.reports.forEach(onSource)
      return {
        ...sourced,
        candidates: internal.kept,
        sources: [...sourced.sources, ...internal.reports],
        leftOut: internal.leftOut,
      }
    }
    if (options.probe === false) {
      const found = await searchSources()
      options.onEvent?.({
        type: 'candidates',
        provider: found.provider,
        candidates: found.candidates,
      })
      return {
        email,
        domain,
        provider: found.provider,
        candidates: found.candidates,
        probes: [],
        sources: found.sources,
        leftOut: found.leftOut,
        didYouMean: didYouMean(localPart, domain, found.sources, deps.providers),
      }
    }

    const runs = createProbeRuns(deps.probe, {
      signal: options.signal,
      onResult: (probe) => options.onEvent?.({ type: 'probe', probe }),
    })
    // The database's servers are known at once: probe them while the network sources run.
    const database = fromDatabase(deps.providers, domain, email)
    const known = database.candidates.slice(0, MAX_DISCOVERY_PROBES)
    if (known.length)
      options.onEvent?.({
        type: 'candidates',
        provider: database.provider ?? null,
        candidates: known,
      })
    const early = known.map((c) => runs.claim(c).result)
    // Guessing too: its names are looked up and probed while the sources run, tentatively until
    // they are in (a direction they find needs no guess).
    let announce: (findings: CandidateServer[]) => void = () => undefined
    const guessing = startGuessing(guessDeps, runs, email, domain, {
      known: database.candidates,
      signal: options.signal,
      onFindings: (findings) => announce(findings),
    })

    const found = await searchSources()
    options.onEvent?.({
      type: 'candidates',
      provider: found.provider,
      candidates: found.candidates,
    })
    announce = (findings) =>
      options.onEvent?.({
        type: 'candidates',
        provider: found.provider,
        candidates: [...found.candidates, ...findings],
      })
    const started = new Set(known.map(keyOf))
    const rest = found.candidates
      .filter((c) => !started.has(keyOf(c)))
      .slice(0, MAX_DISCOVERY_PROBES - known.length)
    // Claimed before guessing lets go of its guesses for the directions found: a server both
    // guessed and named by a source keeps its probe running.
    const restProbes = probeAll(runs, rest)
    guessing.sourcesIn(found)
    const [earlyResults, restResults, guessed] = await Promise.all([
      Promise.all(early),
      restProbes,
      guessing.done,
    ])
    const results = new Map(
      known.flatMap((c, i) => {
        const result = earlyResults[i]
        return result ? [[keyOf(c), result] as const] : []
      }),
    )
    restResults.forEach((result, key) => results.set(key, result))
    const probed = found.candidates.map((c) => withProbe(c, results.get(keyOf(c))))
    // A certificate issued to another host: that host, if it answers on the same port.
    const renamed = await certNameCandidates(probed, results, (targets) => probeAll(runs, targets))
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
    ;[...blocked.reports, ...guessReports].forEach(onSource)
    return {
      email,
      domain,
      provider: found.provider,
      candidates: blocked.kept,
      probes: [...results.values(), ...renamed.probes, ...guessed.probes],
      sources: [...found.sources, ...blocked.reports, ...guessReports],
      leftOut: [...found.leftOut, ...blocked.leftOut],
      didYouMean: didYouMean(localPart, domain, found.sources, deps.providers),
    }
  }

  return { discover }
}

export type DiscoveryService = ReturnType<typeof createDiscovery>
