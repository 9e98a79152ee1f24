/**
 * @module
 * The whole-host matrix: IMAP 993/143, POP3 995/110, SMTP 465/587/25, probed concurrently after
 * one guarded DNS lookup, under the per-host connection cap and an overall deadline. Each result
 * can be handed out as it completes.
 */
import { createDeadline } from './deadline.ts'
import type { HostLimiter } from './host-limiter.ts'
import { type ProbeDeps, PROBE_TIMEOUT_MS, runProbe } from './probe.ts'
import { ProbeError } from './probe-error.ts'
import type { Protocol, Security } from './protocol.ts'
import { type ProbeResult, unreachedResult } from './result.ts'
import type { PinnedTarget } from '../security/target-guard.ts'

/** The standard mail ports, each with its protocol and TLS mode (RFC 8314 order: implicit TLS first). */
export interface MatrixEntry {
  protocol: Protocol
  port: number
  security: Security
}

export const MATRIX: ReadonlyArray<MatrixEntry> = [
  { protocol: 'imap', port: 993, security: 'tls' },
  { protocol: 'imap', port: 143, security: 'starttls' },
  { protocol: 'pop3', port: 995, security: 'tls' },
  { protocol: 'pop3', port: 110, security: 'starttls' },
  { protocol: 'smtp', port: 465, security: 'tls' },
  { protocol: 'smtp', port: 587, security: 'starttls' },
  { protocol: 'smtp', port: 25, security: 'starttls' },
]

export interface MatrixDeps extends ProbeDeps {
  limiter: HostLimiter
  /** Budget for the whole matrix, queueing included. */
  matrixTimeoutMs?: number
}

export interface MatrixOptions {
  /** Only these entries of the matrix (default: all of MATRIX). */
  entries?: ReadonlyArray<MatrixEntry>
  /** A target the guard already resolved. */
  pinned?: PinnedTarget
  signal?: AbortSignal
  onResult?: (result: ProbeResult) => void
}

export interface MatrixResult {
  host: string
  address: string | null
  probes: ProbeResult[]
  timings: { dns: number | null; total: number }
}

/**
 * Throws ProbeError TARGET_BLOCKED when the guard refuses the host; every other failure is a result.
 * @example
 * const { probes } = await runMatrix('mail.example.com', deps, { onResult: (r) => send(r) })
 */
export const runMatrix = async (
  host: string,
  deps: MatrixDeps,
  options: MatrixOptions = {},
): Promise<MatrixResult> => {
  const started = performance.now()
  const probeTimeout = deps.timeoutMs ?? PROBE_TIMEOUT_MS
  const overall = createDeadline(deps.matrixTimeoutMs ?? probeTimeout * 2, options.signal)
  const wanted = (options.entries ?? MATRIX).filter((entry) => deps.guard.allowsPort(entry.port))
  try {
    let pinned: PinnedTarget
    const dnsStart = performance.now()
    try {
      pinned = options.pinned ?? (await deps.guard.resolve(host, overall.signal))
    } catch (err) {
      if (!(err instanceof ProbeError) || err.code === 'TARGET_BLOCKED') throw err
      const dnsMs = Math.round(performance.now() - dnsStart)
      const probes = wanted.map((entry) => unreachedResult({ host, ...entry }, err, dnsMs))
      probes.forEach((probe) => options.onResult?.(probe))
      return {
        host,
        address: null,
        probes,
        timings: { dns: dnsMs, total: Math.round(performance.now() - started) },
      }
    }
    const dns = options.pinned ? null : Math.round(performance.now() - dnsStart)
    const probes = await Promise.all(
      wanted.map((entry) =>
        deps.limiter.run(pinned.address, async () => {
          const result = await runProbe({ host: pinned.host, ...entry }, deps, {
            pinned,
            signal: overall.signal,
          })
          options.onResult?.(result)
          return result
        }),
      ),
    )
    return {
      host: pinned.host,
      address: pinned.address,
      probes,
      timings: { dns, total: Math.round(performance.now() - started) },
    }
  } finally {
    overall.dispose()
  }
}
