/**
 * The shared deadline: one budget, the caller's errors, race() and error(), the parent's abort,
 * nothing left behind.
 */
import { getEventListeners } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDeadline } from './deadline.ts'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
})
afterEach(() => {
  vi.useRealTimers()
})

class TimedOut extends Error {}
class Cancelled extends Error {}

const options = (parent?: AbortSignal) => ({
  parent,
  timeoutError: () => new TimedOut('budget spent'),
  cancelError: (reason: unknown) => new Cancelled(`parent: ${String(reason)}`),
})

describe('createDeadline', () => {
  it('aborts with the timeout error when the budget runs out, not before', () => {
    const deadline = createDeadline(100, options())
    vi.advanceTimersByTime(99)
    expect(deadline.signal.aborted).toBe(false)
    vi.advanceTimersByTime(1)
    expect(deadline.signal.reason).toBeInstanceOf(TimedOut)
    expect(deadline.error()).toBe(deadline.signal.reason)
    deadline.dispose()
  })

  it('error() before expiry is a fresh timeout error; remaining() counts down to zero', () => {
    const deadline = createDeadline(1_000, options())
    expect(deadline.error()).toBeInstanceOf(TimedOut)
    vi.advanceTimersByTime(250)
    expect(deadline.remaining()).toBe(750)
    expect(deadline.elapsed()).toBe(250)
    vi.advanceTimersByTime(2_000)
    expect(deadline.remaining()).toBe(0)
    deadline.dispose()
  })

  it('race() settles with the promise, or rejects with the timeout when the budget runs out first', async () => {
    const deadline = createDeadline(100, options())
    await expect(deadline.race(Promise.resolve('answer'))).resolves.toBe('answer')
    const stalled = deadline.race(new Promise<never>(() => undefined))
    vi.advanceTimersByTime(100)
    await expect(stalled).rejects.toBeInstanceOf(TimedOut)
    deadline.dispose()
  })

  it("a parent's abort ends it with the cancel error, at once when the parent already aborted", () => {
    const parent = new AbortController()
    const deadline = createDeadline(10_000, options(parent.signal))
    parent.abort('client gone')
    expect(deadline.signal.reason).toBeInstanceOf(Cancelled)
    expect((deadline.signal.reason as Error).message).toBe('parent: client gone')
    deadline.dispose()
    const late = createDeadline(10_000, options(parent.signal))
    expect(late.signal.reason).toBeInstanceOf(Cancelled)
    late.dispose()
  })

  it('without a cancel error, a parent abort is the timeout error', () => {
    const parent = new AbortController()
    const deadline = createDeadline(10_000, {
      parent: parent.signal,
      timeoutError: () => new TimedOut('x'),
    })
    parent.abort()
    expect(deadline.signal.reason).toBeInstanceOf(TimedOut)
    deadline.dispose()
  })

  it('dispose clears the timer and the listener', () => {
    const parent = new AbortController()
    const deadline = createDeadline(1_000, options(parent.signal))
    expect(vi.getTimerCount()).toBe(1)
    deadline.dispose()
    expect(vi.getTimerCount()).toBe(0)
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(0)
    vi.advanceTimersByTime(5_000)
    expect(deadline.signal.aborted).toBe(false)
  })
})
