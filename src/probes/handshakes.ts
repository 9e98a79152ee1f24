/**
 * @module
 * Connect stability of one host: a few TCP + TLS handshakes in a row, each timed until the
 * server's first byte arrived through TLS (its greeting), then closed without a command. Used to
 * choose among a provider's alternative hosts for the same mailbox.
 *
 * The first encrypted byte is where both runtimes can tell that the handshake worked: Node
 * finishes the handshake in startTls(), Cloudflare Workers only prove the session when bytes come
 * through it (socket-workers.ts). Timing to that byte measures the same thing on both.
 *
 * Every handshake goes through the guard's pinned address, the per-host cap and the connect the
 * caller hands in (metered and counted by the app), under its own deadline; all of one host's
 * handshakes also share one overall deadline, so a host that never answers costs at most one
 * probe timeout.
 */
import { ProbeError } from '../errors/probe-error.ts'
import type { ProbeCode } from '../errors/table.ts'
import { type ProbeDeadline, createProbeDeadline } from './deadline.ts'
import { type HostLookup, type HostProbeDeps, lookupHost } from './host-probes.ts'
import { PROBE_TIMEOUT_MS } from './probe.ts'
import type { PinnedTarget } from '../security/target-guard.ts'

/** Handshakes per measured host. */
export const HANDSHAKES_PER_HOST = 3

/** One handshake; the times are in milliseconds. */
export interface HandshakeAttempt {
  /** True when TLS was established and the server's first byte arrived. */
  ok: boolean
  /** From the start of the TCP connect to the first byte through TLS; null when it failed. */
  ms: number | null
  /** The TCP connect alone. */
  connectMs: number | null
  /** The TLS handshake alone, where the runtime shows when it ends (Node); else null. */
  tlsMs: number | null
  /** Why it failed (TCP_REFUSED, TLS_HANDSHAKE, TCP_TIMEOUT …); null when it worked. */
  code: ProbeCode | null
}

/** A host's handshakes and what they add up to. */
export interface HandshakeSeries {
  host: string
  port: number
  /** The address connected to (the guard's pinned one), or null when the name did not resolve. */
  address: string | null
  attempts: HandshakeAttempt[]
  /** Handshakes that worked. */
  answered: number
  /** Median `ms` of the handshakes that worked; null when none did. */
  medianMs: number | null
  /** Largest minus smallest `ms` of the handshakes that worked; null with fewer than two. */
  spreadMs: number | null
}

/**
 * The median of `values` (the mean of the middle two for an even count), rounded; null for none.
 *
 * @example
 * median([40, 10, 25]) // 25
 */
export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const middle = sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
  return Math.round(middle ?? 0)
}

/**
 * Max − min of `values`; null with fewer than two (one sample has no spread to speak of).
 *
 * @example
 * spread([40, 10, 25]) // 30
 */
export const spread = (values: readonly number[]): number | null =>
  values.length < 2 ? null : Math.round(Math.max(...values) - Math.min(...values))

/**
 * The series of `attempts` for a host, with its median and spread.
 *
 * @example
 * seriesOf('imap.example.com', 993, '192.0.2.1', attempts).medianMs
 */
export const seriesOf = (
  host: string,
  port: number,
  address: string | null,
  attempts: HandshakeAttempt[],
): HandshakeSeries => {
  const times = attempts.flatMap((a) => (a.ok && a.ms !== null ? [a.ms] : []))
  return {
    host,
    port,
    address,
    attempts,
    answered: times.length,
    medianMs: median(times),
    spreadMs: spread(times),
  }
}

const failed = (code: ProbeCode, connectMs: number | null = null): HandshakeAttempt => ({
  ok: false,
  ms: null,
  connectMs,
  tlsMs: null,
  code,
})

const since = (t0: number) => Math.round(performance.now() - t0)

/** One handshake to the pinned address, under its own deadline (and the host's). */
const handshakeOnce = async (
  pinned: PinnedTarget,
  port: number,
  deps: HostProbeDeps,
  parent: AbortSignal,
): Promise<HandshakeAttempt> => {
  const deadline = createProbeDeadline(deps.timeoutMs ?? PROBE_TIMEOUT_MS, parent)
  const t0 = performance.now()
  let connectMs: number | null = null
  let socket: Awaited<ReturnType<HostProbeDeps['connect']>> | null = null
  try {
    deadline.enter('connect')
    socket = await deps.connect(
      { address: pinned.address, port, servername: pinned.host, security: 'tls' },
      deadline.signal,
    )
    connectMs = since(t0)
    deadline.enter('tls')
    const t1 = performance.now()
    await deadline.race(socket.startTls())
    const tlsMs = socket.tlsSession() ? since(t1) : null
    deadline.enter('greeting')
    await deadline.race(socket.waitForData())
    return { ok: true, ms: since(t0), connectMs, tlsMs, code: null }
  } catch (err) {
    return failed(err instanceof ProbeError ? err.code : 'PROBE_FAILED', connectMs)
  } finally {
    deadline.dispose()
    socket?.close()
  }
}

export interface HandshakeOptions {
  /** Handshakes to make (default HANDSHAKES_PER_HOST). */
  count?: number
  /** The host's lookup when the caller already made it through the guard. */
  lookup?: HostLookup
  signal?: AbortSignal
}

/**
 * `count` handshakes to `host` on an implicit-TLS `port`, one after the other. Never throws: a
 * refused or unresolvable host gives `count` failed attempts with the guard's code.
 *
 * @example
 * const series = await measureHandshakes('hwimap.exmail.qq.com', 993, deps.probe, { signal })
 * series.medianMs // 38; series.spreadMs // 6 (max − min of the three)
 */
export const measureHandshakes = async (
  host: string,
  port: number,
  deps: HostProbeDeps,
  options: HandshakeOptions = {},
): Promise<HandshakeSeries> => {
  const count = options.count ?? HANDSHAKES_PER_HOST
  const lookup = options.lookup ?? (await lookupHost(deps.guard, host, options.signal))
  const { pinned } = lookup
  if (!pinned) {
    const code = lookup.failure?.code ?? 'PROBE_FAILED'
    return seriesOf(
      host,
      port,
      null,
      Array.from({ length: count }, () => failed(code)),
    )
  }
  if (!deps.guard.allowsPort(port)) {
    const attempts = Array.from({ length: count }, () => failed('TARGET_BLOCKED'))
    return seriesOf(pinned.host, port, pinned.address, attempts)
  }
  // The host's overall deadline starts with its first handshake, not while it waits its turn.
  const overall: { deadline: ProbeDeadline | null } = { deadline: null }
  const attempts: HandshakeAttempt[] = []
  try {
    for (let i = 0; i < count; i++) {
      if (overall.deadline?.signal.aborted || options.signal?.aborted) {
        attempts.push(failed('TIME_BUDGET_EXCEEDED'))
        continue
      }
      attempts.push(
        await deps.limiter.run(pinned.address, () => {
          overall.deadline ??= createProbeDeadline(
            deps.timeoutMs ?? PROBE_TIMEOUT_MS,
            options.signal,
          )
          return handshakeOnce(pinned, port, deps, overall.deadline.signal)
        }),
      )
    }
  } finally {
    overall.deadline?.dispose()
  }
  return seriesOf(pinned.host, port, pinned.address, attempts)
}
