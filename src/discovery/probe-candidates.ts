/**
 * @module
 * The discovery's probing loop: candidates grouped by host, one guarded lookup per host, then
 * each of its ports under the per-host limiter. Every candidate gets a result, none an exception.
 */
import type { MatrixDeps } from '../probes/matrix.ts'
import { runProbe } from '../probes/probe.ts'
import { ProbeError } from '../probes/probe-error.ts'
import { type ProbeResult, unreachedResult } from '../probes/result.ts'
import type { PinnedTarget } from '../security/target-guard.ts'
import { keyOf } from './candidates.ts'
import type { CandidateServer } from './types.ts'

export interface ProbeCandidatesOptions {
  signal?: AbortSignal
  /** Hears each result as it completes. */
  onResult?: (result: ProbeResult) => void
}

/**
 * Results keyed by `keyOf` the candidate.
 * @example
 * const results = await probeCandidates(candidates, deps.probe, { onResult: send })
 */
export const probeCandidates = async (
  targets: CandidateServer[],
  deps: MatrixDeps,
  options: ProbeCandidatesOptions = {},
): Promise<Map<string, ProbeResult>> => {
  const results = new Map<string, ProbeResult>()
  const hosts = [...new Set(targets.map((t) => t.host))]
  await Promise.all(
    hosts.map(async (host) => {
      const mine = targets.filter((t) => t.host === host)
      let pinned: PinnedTarget | null = null
      let failure: ProbeError | null = null
      try {
        pinned = await deps.guard.resolve(host, options.signal)
      } catch (err) {
        failure = err instanceof ProbeError ? err : new ProbeError('PROBE_FAILED')
      }
      await Promise.all(
        mine.map(async (t) => {
          const target = { host, port: t.port, protocol: t.protocol, security: t.security }
          const result =
            pinned && deps.guard.allowsPort(t.port)
              ? await deps.limiter.run(pinned.address, () =>
                  runProbe(target, deps, { pinned: pinned ?? undefined, signal: options.signal }),
                )
              : unreachedResult(
                  target,
                  failure ?? new ProbeError('TARGET_BLOCKED', `port ${t.port}`),
                  null,
                )
          results.set(keyOf(t), result)
          options.onResult?.(result)
        }),
      )
    }),
  )
  return results
}
