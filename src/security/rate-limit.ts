/**
 * @module
 * A per-client token bucket: `limit` tokens a minute, with bursts up to `limit`. Work whose cost
 * is known only once it happens is spent after the fact and may leave the bucket in debt (at
 * most one minute's worth); a client in debt waits until it is paid back. The table of clients
 * is bounded (least recently seen forgotten first), so many clients cannot grow memory.
 */
import { growingLru } from '../util/growing-lru.ts'

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number }

export interface RateLimiter {
  /** Takes `cost` tokens for `key` when it has that many; otherwise says how many seconds to wait. */
  take(key: string, cost?: number): Verdict
  /** Whether `key` has `cost` tokens, without taking any. */
  check(key: string, cost?: number): Verdict
  /** Takes `cost` tokens for work already done, into debt if need be. */
  spend(key: string, cost?: number): void
  /** The tokens a minute this limiter refills. */
  readonly perMinute: number
}

/** Clients remembered at once. */
const MAX_CLIENTS = 10_000

/**
 * @example
 * const limiter = createRateLimiter(120)
 * limiter.take('198.51.100.7', 7) // { ok: true } while 7 tokens are left
 */
export const createRateLimiter = (
  limitPerMinute: number,
  now: () => number = Date.now,
): RateLimiter => {
  const buckets = growingLru<string, { tokens: number; at: number }>(MAX_CLIENTS)
  const perMs = limitPerMinute / 60_000
  const tokensOf = (key: string, time: number) => {
    const bucket = buckets.get(key)
    return bucket
      ? Math.min(limitPerMinute, bucket.tokens + (time - bucket.at) * perMs)
      : limitPerMinute
  }
  const wait = (tokens: number, cost: number): Verdict => ({
    ok: false,
    retryAfterSeconds: Math.max(1, Math.ceil((cost - tokens) / perMs / 1000)),
  })
  return {
    perMinute: limitPerMinute,
    take(key, asked = 1) {
      // More than a whole minute's worth is never there: a full bucket is enough.
      const cost = Math.min(asked, limitPerMinute)
      const time = now()
      const tokens = tokensOf(key, time)
      if (tokens < cost) return wait(tokens, cost)
      buckets.set(key, { tokens: tokens - cost, at: time })
      return { ok: true }
    },
    check(key, asked = 1) {
      const cost = Math.min(asked, limitPerMinute)
      const tokens = tokensOf(key, now())
      return tokens >= cost ? { ok: true } : wait(tokens, cost)
    },
    spend(key, cost = 1) {
      const time = now()
      buckets.set(key, { tokens: Math.max(-limitPerMinute, tokensOf(key, time) - cost), at: time })
    },
  }
}
