import { describe, expect, it } from 'vitest'
import { createSlots } from './slots.ts'

describe('createSlots', () => {
  it('lets `max` holders in and queues the rest in order', async () => {
    const slots = createSlots(2)
    const a = await slots.acquire()
    await slots.acquire()
    const order: string[] = []
    const third = slots.acquire().then((release) => (order.push('third'), release))
    const fourth = slots.acquire().then((release) => (order.push('fourth'), release))
    await Promise.resolve()
    expect(slots.inUse()).toBe(2)
    expect(order).toEqual([])
    a()
    a() // a second release is harmless
    const releaseThird = await third
    expect(order).toEqual(['third'])
    expect(slots.inUse()).toBe(2)
    releaseThird()
    await fourth
    expect(order).toEqual(['third', 'fourth'])
  })

  it('a waiter whose signal aborts leaves the queue and takes no slot', async () => {
    const slots = createSlots(1)
    const release = await slots.acquire()
    const controller = new AbortController()
    const waiting = slots.acquire(controller.signal)
    controller.abort(new Error('gone'))
    await expect(waiting).rejects.toThrow('gone')
    release()
    expect(slots.inUse()).toBe(0)
    const again = await slots.acquire()
    expect(slots.inUse()).toBe(1)
    again()
  })
})
