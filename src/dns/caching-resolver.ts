/**
 * @module
 * A bounded LRU in front of the resolver that respects record TTLs. "No such name" and "no
 * address" answers are cached briefly too (negative caching); timeouts and errors are not.
 */
import { LRUCache } from 'lru-cache'
import { ProbeError } from '../errors/probe-error.ts'
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

const NEGATIVE = new Set(['DNS_NXDOMAIN', 'DNS_NO_ADDRESS'])

/**
 * @example
 * const resolver = createCachingResolver(createNodeResolver({ servers }))
 */
export const createCachingResolver = (inner: Resolver, options: CacheOptions = {}): Resolver => {
  const defaultTtl = options.defaultTtlSeconds ?? 300
  const maxTtl = options.maxTtlSeconds ?? 3_600
  const negativeTtl = options.negativeTtlSeconds ?? 60
  const cache = new LRUCache<string, Entry>({
    max: options.max ?? 5_000,
    ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
  })

  const cached = async <T>(
    key: string,
    run: () => Promise<T>,
    ttlOf: (value: T) => number,
  ): Promise<T> => {
    const hit = cache.get(key)
    if (hit?.ok) return hit.value as T
    if (hit && !hit.ok) throw hit.error
    try {
      const value = await run()
      const ttl = Math.min(maxTtl, Math.max(1, ttlOf(value)))
      cache.set(key, { ok: true, value }, { ttl: ttl * 1000 })
      return value
    } catch (err) {
      if (err instanceof ProbeError && NEGATIVE.has(err.code)) {
        cache.set(key, { ok: false, error: err }, { ttl: negativeTtl * 1000 })
      }
      throw err
    }
  }

  return {
    addresses: (name, signal) =>
      cached(
        `a:${name}`,
        () => inner.addresses(name, signal),
        (records) => records.reduce((min, r) => Math.min(min, r.ttl), maxTtl),
      ),
    mx: (name, signal) =>
      cached(
        `mx:${name}`,
        () => inner.mx(name, signal),
        () => defaultTtl,
      ),
    srv: (name, signal) =>
      cached(
        `srv:${name}`,
        () => inner.srv(name, signal),
        () => defaultTtl,
      ),
  }
}
