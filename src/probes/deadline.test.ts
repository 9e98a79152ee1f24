/**
 * The probe's one deadline: a single budget shared by every phase, the code of the phase that
 * stalled, the parent's abort, the race helper, and no timer or listener left behind.
 */
import { getEventListeners } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { raceSignal } from '../util/race-signal.ts'
import { createProbeDeadline } from './deadline.ts'
import { ProbeError } from '../errors/probe-error.ts'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
})
afterEach(() => {
  vi.useRealTimers()
})

const reason = (signal: AbortSignal) => signal.reason as ProbeError

describe('createProbeDeadline', () => {
  it('is one budget for all phases: entering a phase does not restart the clock', () => {
    const deadline = createProbeDeadline(1_000)
    deadline.enter('dns')
    vi.advanceTimersByTime(400)
    deadline.enter('connect')
    vi.advanceTimersByTime(400)
    deadline.enter('tls')
    expect(deadline.signal.aborted).toBe(false)
    vi.advanceTimersByTime(199)
    expect(deadline.signal.aborted).toBe(false)
    vi.advanceTimersByTime(1)
    expect(deadline.signal.aborted).toBe(true)
    deadline.dispose()
  })

  it('names the phase that stalled in the code and the detail', () => {
    const codes = {
      dns: 'DNS_TIMEOUT',
      connect: 'TCP_TIMEOUT',
      tls: 'TLS_HANDSHAKE',
      greeting: 'GREETING_TIMEOUT',
      dialogue: 'RESPONSE_TIMEOUT',
    } as const
    for (const [phase, code] of Object.entries(codes)) {
      const deadline = createProbeDeadline(50)
      deadline.enter(phase as keyof typeof codes)
      vi.advanceTimersByTime(50)
      expect(reason(deadline.signal)).toBeInstanceOf(ProbeError)
      expect(reason(deadline.signal).code).toBe(code)
      expect(reason(deadline.signal).detail).toBe(`no progress within 50 ms (${phase})`)
      expect(deadline.phase).toBe(phase)
      deadline.dispose()
    }
  })

  it('counts remaining down to zero, never below, and elapsed up', () => {
    const deadline = createProbeDeadline(1_000)
    expect(deadline.remaining()).toBe(1_000)
    vi.advanceTimersByTime(300)
    expect(deadline.remaining()).toBe(700)
    expect(deadline.elapsed()).toBe(300)
    vi.advanceTimersByTime(5_000)
    expect(deadline.remaining()).toBe(0)
    expect(deadline.elapsed()).toBe(5_300)
    deadline.dispose()
  })

  it('aborts with its own phase when the parent aborts, and at once when the parent already has', () => {
    const parent = new AbortController()
    const deadline = createProbeDeadline(10_000, parent.signal)
    deadline.enter('greeting')
    parent.abort(new Error('the whole request timed out'))
    expect(reason(deadline.signal).code).toBe('GREETING_TIMEOUT')
    expect(reason(deadline.signal).detail).toBe('stopped by the overall deadline (greeting)')
    deadline.dispose()

    const late = createProbeDeadline(10_000, parent.signal)
    expect(late.signal.aborted).toBe(true)
    expect(reason(late.signal).code).toBe('DNS_TIMEOUT')
    late.dispose()
  })

  it('dispose clears the timer and the parent listener: nothing fires afterwards', () => {
    const parent = new AbortController()
    const deadline = createProbeDeadline(1_000, parent.signal)
    expect(vi.getTimerCount()).toBe(1)
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(1)
    deadline.dispose()
    expect(vi.getTimerCount()).toBe(0)
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(0)
    vi.advanceTimersByTime(5_000)
    parent.abort()
    expect(deadline.signal.aborted).toBe(false)
    deadline.dispose() // a second dispose is harmless
  })
})

describe('raceSignal', () => {
  it('settles with the promise when it wins, and leaves no listener behind', async () => {
    const controller = new AbortController()
    await expect(raceSignal(Promise.resolve(42), controller.signal)).resolves.toBe(42)
    await expect(
      raceSignal(Promise.reject(new Error('refused')), controller.signal),
    ).rejects.toThrow('refused')
    await expect(raceSignal(Promise.reject('a string'), controller.signal)).rejects.toThrow(
      'a string',
    )
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
  })

  it('rejects with the signal reason when the deadline runs out first', async () => {
    const deadline = createProbeDeadline(100)
    deadline.enter('connect')
    const never = new Promise<never>(() => undefined)
    const raced = raceSignal(never, deadline.signal)
    vi.advanceTimersByTime(100)
    await expect(raced).rejects.toMatchObject({ code: 'TCP_TIMEOUT' })
    deadline.dispose()
  })

  it('rejects at once on a signal that has already aborted', async () => {
    const controller = new AbortController()
    controller.abort(new ProbeError('DNS_TIMEOUT', 'late'))
    const promise = Promise.resolve(1)
    await expect(raceSignal(promise, controller.signal)).rejects.toMatchObject({
      code: 'DNS_TIMEOUT',
    })
  })
})
