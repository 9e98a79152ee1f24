/**
 * @module
 * The connect stability of a provider's alternative hosts: when a provider publishes regional
 * hosts for the same mailbox (Exmail's imap and hwimap, NetEase qiye's imaphz and hwhzimap), each
 * of them, and the primary, gets a few TLS handshakes from the service while discovery probes.
 * Only such providers are measured, at most MAX_MEASURED_HOSTS hosts, all at once.
 */
import {
  HANDSHAKES_PER_HOST,
  type HandshakeSeries,
  measureHandshakes,
} from '../probes/handshakes.ts'
import type { HostProbeDeps } from '../probes/host-probes.ts'
import type { Protocol } from '../model/domain.ts'
import type { CandidateServer } from './types.ts'

/** Most hosts one diagnosis measures (their handshakes run one after another per host). */
export const MAX_MEASURED_HOSTS = 6

/** One measured host: its handshakes, with the protocol and region it serves. */
export interface HostStability extends HandshakeSeries {
  protocol: Protocol
  region?: 'cn' | 'intl'
}

/** What a report shows of the measurement. */
export interface StabilityReport {
  /** Always `service`: the handshakes ran from this service's location, not the user's. */
  measuredFrom: 'service'
  /** Handshakes per host. */
  handshakes: number
  /** How `spreadMs` is computed: the largest minus the smallest time. */
  spread: 'max-min'
  hosts: HostStability[]
}

const hostKey = (c: { host: string; port: number }) => `${c.host}:${c.port}`

/**
 * The hosts worth measuring among `candidates`: for each protocol where the provider names a
 * host for a region, every implicit-TLS host of that protocol from the same source, once each.
 *
 * @example
 * hostsToMeasure(exmailCandidates).map((c) => c.host)
 * // ['imap.exmail.qq.com', 'hwimap.exmail.qq.com', 'smtp.exmail.qq.com', 'hwsmtp.exmail.qq.com']
 */
export const hostsToMeasure = (candidates: readonly CandidateServer[]): CandidateServer[] => {
  const regional = candidates.filter((c) => c.region)
  const wanted = candidates.filter(
    (c) =>
      c.security === 'tls' &&
      regional.some((r) => r.protocol === c.protocol && r.source.type === c.source.type),
  )
  return [...new Map(wanted.map((c) => [hostKey(c), c])).values()]
}

/**
 * A diagnosis's measurement: hosts added as discovery finds them, each host's result handed to
 * `onHost` as soon as its handshakes end, all of them at the end.
 */
export interface StabilityRun {
  /** Starts measuring the hosts of `candidates` not measured yet (within the cap). */
  add(candidates: readonly CandidateServer[]): void
  /** Every started measurement, once all have ended; empty when nothing was worth measuring. */
  results(): Promise<HostStability[]>
}

/**
 * Told each time a host's handshakes end (before `results()` settles): every host measured so
 * far, in the order they were started, as `results()` will list them.
 */
export type OnHostMeasured = (measured: readonly HostStability[]) => void

/**
 * @example
 * const run = createStabilityRun(deps.probe, signal, (host) => send('recommendation', …))
 * onEvent = (e) => e.type === 'candidates' && run.add(e.candidates)
 * const hosts = await run.results()
 */
export const createStabilityRun = (
  deps: HostProbeDeps,
  signal?: AbortSignal,
  onHost?: OnHostMeasured,
): StabilityRun => {
  const started = new Map<string, Promise<HostStability>>()
  const done = new Map<string, HostStability>()
  const measuredSoFar = () =>
    [...started.keys()].flatMap((key) => {
      const host = done.get(key)
      return host ? [host] : []
    })
  return {
    add(candidates) {
      for (const c of hostsToMeasure(candidates)) {
        if (started.has(hostKey(c)) || started.size >= MAX_MEASURED_HOSTS) continue
        const measured = measureHandshakes(c.host, c.port, deps, {
          count: HANDSHAKES_PER_HOST,
          signal,
        }).then((series) => {
          const host: HostStability = {
            ...series,
            protocol: c.protocol,
            ...(c.region ? { region: c.region } : {}),
          }
          done.set(hostKey(c), host)
          onHost?.(measuredSoFar())
          return host
        })
        started.set(hostKey(c), measured)
      }
    },
    results: () => Promise.all(started.values()),
  }
}

/**
 * The report's view of the measured hosts, or null when none was measured.
 *
 * @example
 * stabilityReport(await run.results())?.measuredFrom // 'service'
 */
export const stabilityReport = (hosts: readonly HostStability[]): StabilityReport | null =>
  hosts.length === 0
    ? null
    : {
        measuredFrom: 'service',
        handshakes: HANDSHAKES_PER_HOST,
        spread: 'max-min',
        hosts: [...hosts],
      }
