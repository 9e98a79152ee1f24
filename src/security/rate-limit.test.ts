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
