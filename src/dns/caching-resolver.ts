/**
 * @module
 * A bounded LRU in front of the resolver that respects record TTLs. "No such name" and "no
 * address" answers are cached briefly too (negative caching); timeouts and errors are not.
 *
 * Lookups in flight are merged: callers asking for the same (name, type) while the first asks
 * the upstream resolver wait for that one answer (a discovery's guessing and its MX source both
 * ask MX for the domain at the same moment). Each caller keeps its own signal: one that aborts
 * rejects alone, and the upstream lookup is cancelled only once every caller has gone, so a
 * lone caller's abort reaches the upstream resolver as it did before the merge (a DoH fetch then
 * gives its outbound slot back instead of running on to fill the cache for nobody). Under
 * meteredResolver a merged lookup is billed once, to the caller that started it, as a cached
 * answer costs the others nothing.
 */
import { growingLru } from '../util/growing-lru.ts'
import { ProbeError } from '../errors/probe-error.ts'
import { raceSignal } from '../util/race-signal.ts'
import type { Resolver } from './resolver.ts'

export interface CacheOptions {
  /** Entries kept at most. */
  max?: number
  /** TTL for answers that carry none (MX and SRV through c-ares), in seconds. */
  defaultTtlSeconds?: number
  /** Cap on any TTL, in seconds. */
  maxTtlSeconds?: number
  /** TTL of a cached NXDOMAIN or NODATA answer, in seconds. */
  negativeTtlSeconds?: number
  /** The clock, in milliseconds (tests pass their own). */
  now?: () => number
}

type Entry = { ok: true; value: unknown } | { ok: false; error: ProbeError }

/** One upstream lookup and the callers waiting for it. */
interface Flight {
  answer: Promise<unknown>
  controller: AbortController
  /** Callers still waiting; the lookup is cancelled when the last one leaves. */
  waiting: number
  settled: boolean
}

const NEGATIVE = new Set(['DNS_NXDOMAIN', 'DNS_NO_ADDRESS'])

/**
 * What a caller whose own signal aborted gets: the reason when it is a ProbeError (a probe's
 * deadline), else DNS_TIMEOUT, as the DoH resolver and createDeadline say it.
 */
const abandoned = (reason: unknown, name: string): ProbeError =>
  reason instanceof ProbeError ? reason : new ProbeError('DNS_TIMEOUT', name)

/**
 * @example
 * const resolver = createCachingResolver(createNodeResolver({ servers }))
 */
export const createCachingResolver = (inner: Resolver, options: CacheOptions = {}): Resolver => {
  const defaultTtl = options.defaultTtlSeconds ?? 300
  const maxTtl = options.maxTtlSeconds ?? 3_600
  const negativeTtl = options.negativeTtlSeconds ?? 60
  const cache = growingLru<string, Entry>(
    options.max ?? 5_000,
    options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {},
  )
  const flights = new Map<string, Flight>()

  const fly = <T>(
    key: string,
    run: (signal: AbortSignal) => Promise<T>,
    ttlOf: (value: T) => number,
  ): Flight => {
    const controller = new AbortController()
    const flight: Flight = { answer: Promise.resolve(), controller, waiting: 0, settled: false }
    const cancelled = () => controller.signal.aborted
    flight.answer = (async () => run(controller.signal))()
      .then(
        (value) => {
          if (!cancelled()) {
            const ttl = Math.min(maxTtl, Math.max(1, ttlOf(value)))
            cache.set(key, { ok: true, value }, { ttl: ttl * 1000 })
          }
          return value
        },
        (err: unknown) => {
          if (!cancelled() && err instanceof ProbeError && NEGATIVE.has(err.code)) {
            cache.set(key, { ok: false, error: err }, { ttl: negativeTtl * 1000 })
          }
          throw err
        },
      )
      .finally(() => {
        flight.settled = true
        if (flights.get(key) === flight) flights.delete(key)
      })
    // Each waiting caller hears a failure; this is for the lookup every caller has left.
    flight.answer.catch(() => undefined)
    flights.set(key, flight)
    return flight
  }

  const leave = (key: string, flight: Flight, reason: unknown) => {
    flight.waiting--
    if (flight.waiting > 0 || flight.settled) return
    // Nobody waits any more: the lookup is cancelled (and caches nothing), and the next caller
    // starts a fresh one rather than joining it.
    if (flights.get(key) === flight) flights.delete(key)
    flight.controller.abort(reason)
  }

  const wait = async <T>(
    key: string,
    name: string,
    flight: Flight,
    signal?: AbortSignal,
  ): Promise<T> => {
    flight.waiting++
    const answer = flight.answer as Promise<T>
    if (!signal) return answer
    try {
      return await raceSignal(answer, signal, () => leave(key, flight, signal.reason))
    } catch (err) {
      throw signal.aborted && err === signal.reason ? abandoned(err, name) : err
    }
  }

  const cached = async <T>(
    key: string,
    name: string,
    signal: AbortSignal | undefined,
    run: (signal: AbortSignal) => Promise<T>,
    ttlOf: (value: T) => number,
  ): Promise<T> => {
    const hit = cache.get(key)
    if (hit?.ok) return hit.value as T
    if (hit && !hit.ok) throw hit.error
    if (signal?.aborted) throw abandoned(signal.reason, name)
    return wait<T>(key, name, flights.get(key) ?? fly(key, run, ttlOf), signal)
  }

  return {
    addresses: (name, signal) =>
      cached(
        `a:${name}`,
        name,
        signal,
        (upstream) => inner.addresses(name, upstream),
        (records) => records.reduce((min, r) => Math.min(min, r.ttl), maxTtl),
      ),
    mx: (name, signal) =>
      cached(
        `mx:${name}`,
        name,
        signal,
        (upstream) => inner.mx(name, upstream),
        () => defaultTtl,
      ),
    srv: (name, signal) =>
      cached(
        `srv:${name}`,
        name,
        signal,
        (upstream) => inner.srv(name, upstream),
        () => defaultTtl,
      ),
  }
}
