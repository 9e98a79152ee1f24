/**
 * @module
 * No brute force through the service: failed login tests are counted per account and server,
 * and once `max` failed within `windowMs`, the next test of that pair is refused until the oldest
 * failure leaves the window. Separate from the per-client rate limit (a guesser could change
 * address; the account and server stay the same). Bounded: least recently seen pairs go first.
 */
import { LRUCache } from 'lru-cache'

export interface FailureLimit {
  /** Seconds to wait before `key` may be tested again, or 0 when it may be now. */
  retryAfter(key: string): number
  /** Records one failed test of `key`. */
  fail(key: string): void
}

export interface FailureLimitOptions {
  /** Failures allowed within the window (MAILSETUP_LOGIN_FAILURE_LIMIT, default 5). */
  max: number
  /** The window (default 15 minutes). */
  windowMs: number
  now?: () => number
}

/** Account-and-server pairs remembered at once. */
const MAX_KEYS = 50_000

/** The default: 5 failures per 15 minutes. */
export const DEFAULT_FAILURE_LIMIT = { max: 5, windowMs: 15 * 60 * 1000 }

/**
 * The key of one account on one server: case-insensitive, the same for both username forms.
 *
 * @example
 * failureKey('Ann@Example.com', { host: 'IMAP.example.com', port: 993 }) // 'ann@example.com imap.example.com:993'
 */
export const failureKey = (account: string, server: { host: string; port: number }) =>
  `${account.trim().toLowerCase()} ${server.host.trim().toLowerCase().replace(/\.$/, '')}:${server.port}`

/**
 * @example
 * const limit = createFailureLimit({ max: 5, windowMs: 15 * 60_000 })
 * if (limit.retryAfter(key) > 0) return tooMany()
 */
export const createFailureLimit = (options: FailureLimitOptions): FailureLimit => {
  const now = options.now ?? Date.now
  const failures = new LRUCache<string, number[]>({ max: MAX_KEYS })
  const recent = (key: string, at: number) =>
    (failures.get(key) ?? []).filter((time) => time > at - options.windowMs)
  return {
    retryAfter(key) {
      const at = now()
      const times = recent(key, at)
      if (times.length < options.max) return 0
      // The test is allowed again once enough failures have left the window.
      const oldest = times[times.length - options.max] ?? at
      return Math.max(1, Math.ceil((oldest + options.windowMs - at) / 1000))
    },
    fail(key) {
      const at = now()
      failures.set(key, [...recent(key, at), at].slice(-options.max))
    },
  }
}
