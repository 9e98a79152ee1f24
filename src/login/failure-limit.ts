/**
 * @module
 * No brute force through the service: failed login tests are counted per account and server,
 * and once `max` failed within `windowMs`, the next test of that pair is refused until the oldest
 * failure leaves the window. Separate from the per-client rate limit (a guesser could change
 * address; the account and server stay the same).
 *
 * A test takes its place in the count before it logs in (`reserve`) and gives it back when the
 * login did not fail (`forgive`): tests of one account running at the same time cannot together
 * pass the limit, which checking first and counting after would let them. This module holds the
 * count in the process (one isolate on Workers); the Node entry shares it through the SQLite file
 * (failure-limit-sqlite-node.ts), so every worker process counts together.
 */
import { growingLru } from '../util/growing-lru.ts'

/** A reserve's answer: the places taken, or the seconds to wait when one of the keys is full. */
export type Reservation =
  | {
      ok: true
      /** Gives back the place taken for `key`: its test did not fail. */
      forgive(key: string): Promise<void>
    }
  | { ok: false; retryAfter: number }

export interface FailureLimit {
  /**
   * Counts a failure for each key now, unless one of them already has `max` in the window: then
   * nothing is counted and the answer says how long to wait.
   */
  reserve(keys: readonly string[]): Promise<Reservation>
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
 * Seconds until a test of a key with these failure times (oldest first, all in the window) may
 * run again; 0 when it may now.
 */
export const waitFor = (times: readonly number[], at: number, options: FailureLimitOptions) => {
  if (times.length < options.max) return 0
  // The test is allowed again once enough failures have left the window.
  const oldest = times[times.length - options.max] ?? at
  return Math.max(1, Math.ceil((oldest + options.windowMs - at) / 1000))
}

/**
 * The count in this process's memory: bounded, least recently seen pairs go first.
 *
 * @example
 * const limit = createFailureLimit({ max: 5, windowMs: 15 * 60_000 })
 * const taken = await limit.reserve([key])
 * if (!taken.ok) return tooMany(taken.retryAfter)
 */
export const createFailureLimit = (options: FailureLimitOptions): FailureLimit => {
  const now = options.now ?? Date.now
  const failures = growingLru<string, { at: number; id: number }[]>(MAX_KEYS)
  let next = 0
  const recent = (key: string, at: number) =>
    (failures.get(key) ?? []).filter((f) => f.at > at - options.windowMs)
  return {
    async reserve(keys) {
      const at = now()
      const wait = Math.max(
        0,
        ...keys.map((key) =>
          waitFor(
            recent(key, at).map((f) => f.at),
            at,
            options,
          ),
        ),
      )
      if (wait > 0) return { ok: false, retryAfter: wait }
      const taken = new Map<string, number>()
      for (const key of new Set(keys)) {
        const id = ++next
        failures.set(key, [...recent(key, at), { at, id }].slice(-options.max))
        taken.set(key, id)
      }
      return {
        ok: true,
        async forgive(key) {
          const id = taken.get(key)
          const list = failures.get(key)
          if (id === undefined || !list) return
          failures.set(
            key,
            list.filter((f) => f.id !== id),
          )
        },
      }
    },
  }
}
