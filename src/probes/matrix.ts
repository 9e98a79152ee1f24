/**
 * @module
 * The whole-host matrix: IMAP 993/143, POP3 995/110, SMTP 465/587/25, probed concurrently after
 * one guarded DNS lookup, under the per-host connection cap and an overall deadline. Each result
 * can be handed out as it completes.
 */
import { createProbeDeadline } from './deadline.ts'
import { type HostLookup, type HostProbeDeps, lookupHost, probeHost } from './host-probes.ts'
import { PROBE_TIMEOUT_MS } from './probe.ts'
import type { ProbeResult } from './result.ts'
import type { Protocol, Security } from '../model/domain.ts'

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

export interface MatrixDeps extends HostProbeDeps {
  /** Budget for the whole matrix, queueing included. */
  matrixTimeoutMs?: number
}

export interface MatrixOptions {
  /** Only these entries of the matrix (default: all of MATRIX). */
  entries?: ReadonlyArray<MatrixEntry>
  /** The host's lookup when the caller already made it through the guard. */
  lookup?: HostLookup
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
  const overall = createProbeDeadline(deps.matrixTimeoutMs ?? probeTimeout * 2, options.signal)
  const wanted = (options.entries ?? MATRIX).filter((entry) => deps.guard.allowsPort(entry.port))
  try {
    const lookup = options.lookup ?? (await lookupHost(deps.guard, host, overall.signal))
    if (lookup.failure?.code === 'TARGET_BLOCKED') throw lookup.failure
    const probes = await probeHost(lookup.pinned?.host ?? host, wanted, deps, {
      lookup,
      signal: overall.signal,
      onResult: options.onResult,
    })
    return {
      host: lookup.pinned?.host ?? host,
      address: lookup.pinned?.address ?? null,
      probes,
      timings: { dns: lookup.dnsMs, total: Math.round(performance.now() - started) },
    }
  } finally {
    overall.dispose()
  }
}
