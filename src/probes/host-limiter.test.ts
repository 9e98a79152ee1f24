import { describe, expect, it } from 'vitest'
import { createSlots } from '../util/slots.ts'
import { createHostLimiter, inWaves } from './host-limiter.ts'

describe('host limiter', () => {
  it('runs at most N tasks per host at once, in order, and other hosts are not held up', async () => {
    const limiter = createHostLimiter(2)
    let running = 0
    let peak = 0
    const order: number[] = []
    const gates: Array<() => void> = []
    const task = (id: number) =>
      limiter.run('192.0.2.1', async () => {
        running++
        peak = Math.max(peak, running)
        order.push(id)
        await new Promise<void>((resolve) => gates.push(resolve))
        running--
        return id
      })
    const all = Promise.all([1, 2, 3, 4, 5].map(task))
    await Promise.resolve()
    expect(order).toEqual([1, 2])
    expect(await limiter.run('198.51.100.7', async () => 'other')).toBe('other')
    while (order.length < 5 || gates.length > 0) {
      gates.shift()?.()
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    expect(await all).toEqual([1, 2, 3, 4, 5])
    expect(order).toEqual([1, 2, 3, 4, 5])
    expect(peak).toBe(2)
    expect(limiter.active()).toBe(0)
  })
})

describe('inWaves', () => {
  it('runs at most the wave size at once over all hosts; the rest start only when a slot frees', async () => {
    const limiter = inWaves(createHostLimiter(8), createSlots(2))
    let running = 0
    let most = 0
    const started: string[] = []
    const task = (name: string) => async () => {
      started.push(name)
      running++
      most = Math.max(most, running)
      await new Promise((resolve) => setTimeout(resolve, 20))
      running--
      return name
    }
    const names = ['a', 'b', 'c', 'd', 'e']
    const results = await Promise.all(names.map((n, i) => limiter.run(`host-${i % 2}`, task(n))))
    expect(results).toEqual(names)
    expect(most).toBe(2)
    expect(started).toEqual(names)
  })
})
