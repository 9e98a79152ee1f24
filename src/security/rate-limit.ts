/**
 * @module
 * A per-client token bucket: `limit` requests a minute, with bursts up to `limit`. The table of
 * clients is bounded (least recently seen forgotten first), so many clients cannot grow memory.
 */
import { LRUCache } from 'lru-cache'

export interface RateLimiter {
  /** Takes `cost` tokens for `key`; when there are too few, says how many seconds to wait. */
  take(key: string, cost?: number): { ok: true } | { ok: false; retryAfterSeconds: number }
}

/** Clients remembered at once. */
const MAX_CLIENTS = 10_000

export const createRateLimiter = (
  limitPerMinute: number,
  now: () => number = Date.now,
): RateLimiter => {
  const buckets = new LRUCache<string, { tokens: number; at: number }>({ max: MAX_CLIENTS })
  const perMs = limitPerMinute / 60_000
  return {
    take(key, cost = 1) {
      const time = now()
      const bucket = buckets.get(key) ?? { tokens: limitPerMinute, at: time }
      const tokens = Math.min(limitPerMinute, bucket.tokens + (time - bucket.at) * perMs)
      if (tokens >= cost) {
        buckets.set(key, { tokens: tokens - cost, at: time })
        return { ok: true }
      }
      buckets.set(key, { tokens, at: time })
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((cost - tokens) / perMs / 1000)),
      }
    },
  }
}
