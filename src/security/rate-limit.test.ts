import { describe, expect, it } from 'vitest'
import { createRateLimiter } from './rate-limit.ts'
import { createSocketBudget } from './socket-budget.ts'

describe('rate limiter', () => {
  it('allows the limit, then refuses with a wait, then refills over time', () => {
    let now = 0
    const limiter = createRateLimiter(3, () => now)
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true])
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 20 })
    expect(limiter.take('b').ok).toBe(true)
    now += 20_000
    expect(limiter.take('a').ok).toBe(true)
    expect(limiter.take('a').ok).toBe(false)
  })

  it('check looks without taking; a cost over the whole limit needs a full bucket', () => {
    let now = 0
    const limiter = createRateLimiter(6, () => now)
    expect(limiter.check('a', 6)).toEqual({ ok: true })
    expect(limiter.check('a', 6)).toEqual({ ok: true })
    expect(limiter.take('a', 60)).toEqual({ ok: true })
    expect(limiter.check('a')).toEqual({ ok: false, retryAfterSeconds: 10 })
    now += 60_000
    expect(limiter.check('a', 60)).toEqual({ ok: true })
  })

  it('spend goes into debt, at most one minute of it, and the wait covers the debt', () => {
    let now = 0
    const limiter = createRateLimiter(60, () => now)
    limiter.spend('a', 90)
    // 30 tokens of debt: 31 seconds until one token is there again.
    expect(limiter.check('a')).toEqual({ ok: false, retryAfterSeconds: 31 })
    limiter.spend('a', 1_000)
    expect(limiter.check('a')).toEqual({ ok: false, retryAfterSeconds: 61 })
    now += 61_000
    expect(limiter.check('a')).toEqual({ ok: true })
    expect(limiter.perMinute).toBe(60)
  })

  it('a limit far past the old ceiling of 100,000 a minute works', () => {
    const limiter = createRateLimiter(10_000_000, () => 0)
    for (let i = 0; i < 200_000; i++) limiter.spend('office')
    expect(limiter.take('office', 1_000).ok).toBe(true)
  })
})

describe('socket budget', () => {
  it('hands out sockets up to the cap and takes them back once', () => {
    const budget = createSocketBudget(8)
    const release = budget.tryAcquire(7)
    expect(release).not.toBeNull()
    expect(budget.tryAcquire(2)).toBeNull()
    release?.()
    release?.()
    expect(budget.inUse()).toBe(0)
    expect(budget.tryAcquire(8)).not.toBeNull()
  })
})
