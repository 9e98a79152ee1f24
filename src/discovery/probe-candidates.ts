/**
 * @module
 * The discovery's probing loop: candidates grouped by host, each host through the probe
 * engine's per-host loop (one guarded lookup, then its ports under the per-host limiter).
 * One probe per (protocol, host, port, security), however many candidates name it.
 */
import { type HostProbeDeps, probeHost } from '../probes/host-probes.ts'
import type { ProbeResult } from '../probes/result.ts'
import { keyOf } from './candidates.ts'
import type { CandidateServer } from './types.ts'

export interface ProbeCandidatesOptions {
  signal?: AbortSignal
  /** Hears each result as it completes. */
  onResult?: (result: ProbeResult) => void
}

/**
 * Results keyed by `keyOf` the candidate; every candidate gets one.
 * @example
 * const results = await probeCandidates(candidates, deps.probe, { onResult: send })
 */
export const probeCandidates = async (
  targets: CandidateServer[],
  deps: HostProbeDeps,
  options: ProbeCandidatesOptions = {},
): Promise<Map<string, ProbeResult>> => {
  const results = new Map<string, ProbeResult>()
  const unique = [...new Map(targets.map((t) => [keyOf(t), t])).values()]
  const hosts = [...new Set(unique.map((t) => t.host))]
  await Promise.all(
    hosts.map(async (host) => {
      const mine = unique.filter((t) => t.host === host)
      const probes = await probeHost(host, mine, deps, options)
      mine.forEach((t, i) => {
        const result = probes[i]
        if (result) results.set(keyOf(t), result)
      })
    }),
  )
  return results
}
