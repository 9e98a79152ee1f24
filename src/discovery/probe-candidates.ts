/**
 * @module
 * Probing a list of candidates: one probe per (protocol, host, port, security), however many
 * candidates name it, each host looked up once through the guard (see probe-runs.ts).
 */
import type { HostProbeDeps } from '../probes/host-probes.ts'
import type { ProbeResult } from '../probes/result.ts'
import { keyOf } from './candidates.ts'
import { type ProbeRuns, createProbeRuns } from './probe-runs.ts'
import type { CandidateServer } from './types.ts'

export interface ProbeCandidatesOptions {
  signal?: AbortSignal
  /** Hears each result as it completes. */
  onResult?: (result: ProbeResult) => void
}

/**
 * Claims every target's probe in `runs` and waits for them; results keyed by `keyOf` the
 * candidate.
 * @example
 * const results = await probeAll(runs, renamedTargets)
 */
export const probeAll = async (
  runs: ProbeRuns,
  targets: readonly CandidateServer[],
): Promise<Map<string, ProbeResult>> => {
  const results = new Map<string, ProbeResult>()
  await Promise.all(
    targets.map(async (t) => {
      const result = await runs.claim(t).result
      if (result) results.set(keyOf(t), result)
    }),
  )
  return results
}

/**
 * Results keyed by `keyOf` the candidate; every candidate gets one.
 * @example
 * const results = await probeCandidates(candidates, deps.probe, { onResult: send })
 */
export const probeCandidates = (
  targets: CandidateServer[],
  deps: HostProbeDeps,
  options: ProbeCandidatesOptions = {},
): Promise<Map<string, ProbeResult>> => probeAll(createProbeRuns(deps, options), targets)
