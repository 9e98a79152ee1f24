/** The login failure limit in one process (the Workers isolate's, and tests'): places, forgiving, waiting. */
import { describe, expect, it } from 'vitest'
import { createFailureLimit, failureKey, waitFor } from './failure-limit.ts'

const key = failureKey('ann@example.com', { host: 'imap.example.com', port: 993 })
const other = failureKey('bob@example.com', { host: 'imap.example.com', port: 993 })

describe('the failure limit in one process', () => {
  it('keys an account and server case-insensitively, without the root dot', () => {
    expect(failureKey('Ann@Example.com', { host: 'IMAP.example.com.', port: 993 })).toBe(
      'ann@example.com imap.example.com:993',
    )
  })

  it('counts a place when a test begins; the third of two allowed waits until the first leaves the window', async () => {
    let now = 1_000_000
    const limit = createFailureLimit({ max: 2, windowMs: 60_000, now: () => now })
    expect((await limit.reserve([key])).ok).toBe(true)
    now += 10_000
    expect((await limit.reserve([key])).ok).toBe(true)
    expect(await limit.reserve([key])).toEqual({ ok: false, retryAfter: 50 })
    expect((await limit.reserve([other])).ok).toBe(true)
    now += 50_001
    expect((await limit.reserve([key])).ok).toBe(true)
  })

  it('a forgiven place (the login worked) is free again; a refused request takes none', async () => {
    const limit = createFailureLimit({ max: 1, windowMs: 60_000 })
    const first = await limit.reserve([key])
    if (!first.ok) throw new Error('refused')
    expect((await limit.reserve([key, other])).ok).toBe(false)
    await first.forgive(key)
    const again = await limit.reserve([key, other])
    expect(again.ok).toBe(true)
  })

  it('waitFor: 0 below the limit, else the seconds until the oldest counted failure leaves', () => {
    const options = { max: 2, windowMs: 60_000 }
    expect(waitFor([1_000], 2_000, options)).toBe(0)
    expect(waitFor([1_000, 5_000, 9_000], 10_000, options)).toBe(55)
  })
})
