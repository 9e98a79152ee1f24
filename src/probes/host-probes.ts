/**
 * @module
 * The per-host probe loop: one guarded lookup for the host, then each port under the per-host
 * connection cap. Used by the matrix (one host, the standard ports) and by discovery (each
 * candidate host, the ports its sources named). Every entry gets a result, none an exception.
 */
import type { HostLimiter } from './host-limiter.ts'
import { type ProbeDeps, runProbe } from './probe.ts'
import { ProbeError } from '../errors/probe-error.ts'
import { type ProbeResult, type ProbeTarget, unreachedResult } from './result.ts'
import type { PinnedTarget, TargetGuard } from '../security/target-guard.ts'

/** One port of a host: its protocol and TLS mode. */
export type HostProbeEntry = Pick<ProbeTarget, 'protocol' | 'port' | 'security'>

export interface HostProbeDeps extends ProbeDeps {
  limiter: HostLimiter
  /** Hears every result, whoever asked for it (the metrics count them). */
  onProbed?: (result: ProbeResult) => void
}

/** The guard's answer for one host: where to connect, or why not. */
export type HostLookup =
  | { pinned: PinnedTarget; failure: null; dnsMs: number | null }
  | { pinned: null; failure: ProbeError; dnsMs: number | null }

/**
 * Resolves `host` through the guard. Never throws: a refusal or a DNS failure is the `failure`
 * (TARGET_BLOCKED, DNS_*; anything else is PROBE_FAILED).
 * @example
 * const lookup = await lookupHost(guard, 'imap.example.com', signal)
 * if (lookup.failure?.code === 'TARGET_BLOCKED') return refuse(lookup.failure)
 */
export const lookupHost = async (
  guard: Pick<TargetGuard, 'resolve'>,
  host: string,
  signal?: AbortSignal,
): Promise<HostLookup> => {
  const started = performance.now()
  const dnsMs = () => Math.round(performance.now() - started)
  try {
    const pinned = await guard.resolve(host, signal)
    return { pinned, failure: null, dnsMs: dnsMs() }
  } catch (err) {
    const failure = err instanceof ProbeError ? err : new ProbeError('PROBE_FAILED')
    return { pinned: null, failure, dnsMs: dnsMs() }
  }
}

export interface HostProbeOptions {
  /** The host's lookup when the caller already made it (default: one is made here). */
  lookup?: HostLookup
  signal?: AbortSignal
  /** Hears each result as it completes. */
  onResult?: (result: ProbeResult) => void
}

/**
 * One result per entry, in the entries' order. A failed lookup makes every entry unreached with
 * its code; a port the guard does not probe is TARGET_BLOCKED.
 * @example
 * const [imaps, submission] = await probeHost('mail.example.com', [
 *   { protocol: 'imap', port: 993, security: 'tls' },
 *   { protocol: 'smtp', port: 587, security: 'starttls' },
 * ], deps, { onResult: send })
 */
export const probeHost = async (
  host: string,
  entries: ReadonlyArray<HostProbeEntry>,
  deps: HostProbeDeps,
  options: HostProbeOptions = {},
): Promise<ProbeResult[]> => {
  const lookup = options.lookup ?? (await lookupHost(deps.guard, host, options.signal))
  return Promise.all(
    entries.map(async ({ protocol, port, security }) => {
      const target = { host, protocol, port, security }
      const { pinned } = lookup
      const result =
        pinned && deps.guard.allowsPort(port)
          ? await deps.limiter.run(pinned.address, () =>
              runProbe(target, deps, { pinned, signal: options.signal }),
            )
          : lookup.failure
            ? unreachedResult(target, lookup.failure, lookup.dnsMs)
            : unreachedResult(target, new ProbeError('TARGET_BLOCKED', `port ${port}`), null)
      deps.onProbed?.(result)
      options.onResult?.(result)
      return result
    }),
  )
}
