/**
 * @module
 * Guessing: common host names (imap.domain, smtp.domain, the MX host, ...) for the directions
 * (incoming, outgoing) no source found, kept only where a mail server answered.
 */
import type { Resolver } from '../dns/resolver.ts'
import type { MatrixDeps } from '../probes/matrix.ts'
import type { ProbeResult } from '../probes/result.ts'
import { keyOf, withProbe } from './candidates.ts'
import { probeCandidates } from './probe-candidates.ts'
import type { Found } from './source-search.ts'
import { guessTargets } from './sources.ts'
import type { CandidateServer } from './types.ts'

export interface GuessDeps {
  resolver: Resolver
  probe: MatrixDeps
  /** Most guesses probed. */
  maxProbes: number
}

export interface Guessed {
  /** The guesses a mail server answered at, marked with their probe's outcome. */
  candidates: CandidateServer[]
  /** Every guess probe, found or not. */
  probes: ProbeResult[]
}

/**
 * @example
 * const guessed = await guessCandidates(deps, 'ann@example.com', 'example.com', found, { onResult })
 */
export const guessCandidates = async (
  deps: GuessDeps,
  email: string,
  domain: string,
  found: Pick<Found, 'candidates' | 'mxHosts'>,
  options: { signal?: AbortSignal; onResult?: (result: ProbeResult) => void } = {},
): Promise<Guessed> => {
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
  const live = wanted.filter((c) => exists[hosts.indexOf(c.host)]).slice(0, deps.maxProbes)
  const results = await probeCandidates(live, deps.probe, options)
  return {
    // A guess is a finding when a mail server answered there, even one with a bad certificate.
    candidates: live
      .map((c) => withProbe(c, results.get(keyOf(c))))
      .filter(
        (c) => c.status === 'ok' || c.status === 'warning' || c.code?.startsWith('TLS_CERT_'),
      ),
    probes: [...results.values()],
  }
}
