import { describe, expect, it } from 'vitest'
import type { Resolver } from '../dns/resolver.ts'
import { createNodeContextStore } from '../util/context-store-node.ts'
import { RateLimitError, createCostMeter, metered, meteredResolver } from './costs.ts'

const meter = (limits = { requests: 100, lookups: 10, probes: 5 }) => {
  const refused: string[] = []
  let now = 0
  const costs = createCostMeter({
    limits,
    store: createNodeContextStore(),
    now: () => now,
    onRefused: (budget) => refused.push(budget),
  })
  return { costs, refused, advance: (ms: number) => (now += ms) }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('cost meter', () => {
  it('bills work to the client whose run started it, across awaits', async () => {
    const { costs } = meter()
    const probe = metered(costs, 'probes', async () => {
      await tick()
      return 'socket'
    })
    await Promise.all([
      costs.run('a', async () => {
        await tick()
        for (let i = 0; i < 5; i++) await probe()
      }),
      costs.run('b', () => probe()),
    ])
    expect(costs.run('a', () => costs.allows('probes'))).toBe(false)
    expect(costs.run('b', () => costs.allows('probes', 4))).toBe(true)
    expect(costs.run('b', () => costs.allows('probes', 5))).toBe(false)
  })

  it('need refuses with the budget, the wait and the limit in the message', () => {
    const { costs, refused } = meter()
    const error = costs.run('a', () => {
      costs.spend('lookups', 13)
      try {
        costs.need('lookups')
        return null
      } catch (err) {
        return err
      }
    })
    expect(error).toBeInstanceOf(RateLimitError)
    const limited = error as RateLimitError
    expect(limited.code).toBe('RATE_LIMITED')
    expect(limited.budget).toBe('lookups')
    // 3 tokens of debt plus the one asked for, at 10 a minute: 24 s.
    expect(limited.retryAfterSeconds).toBe(24)
    expect(limited.detail).toContain('10 DNS queries and autoconfig fetches a minute')
    expect(refused).toEqual(['lookups'])
  })

  it('take spends only when there is enough; budgets are separate', () => {
    const { costs, advance } = meter()
    costs.run('a', () => {
      costs.take('probes', 5)
      expect(() => costs.take('probes')).toThrow(RateLimitError)
      expect(() => costs.take('lookups', 10)).not.toThrow()
      expect(() => costs.take('requests', 100)).not.toThrow()
    })
    advance(12_000)
    expect(costs.run('a', () => costs.allows('probes'))).toBe(true)
  })

  it('takeFor bills the named client outside a run, from the same bucket as take', () => {
    const { costs, refused, advance } = meter()
    for (let i = 0; i < 3; i++) costs.takeFor('a', 'probes')
    expect(costs.run('a', () => costs.allows('probes', 2))).toBe(true)
    expect(costs.run('a', () => costs.allows('probes', 3))).toBe(false)
    costs.run('a', () => costs.take('probes', 2))
    expect(() => costs.takeFor('a', 'probes')).toThrow(RateLimitError)
    expect(refused).toEqual(['probes'])
    expect(() => costs.takeFor('b', 'probes', 5)).not.toThrow()
    advance(12_000)
    expect(() => costs.takeFor('a', 'probes')).not.toThrow()
  })

  it('outside a run nothing is billed and nothing refused', () => {
    const { costs } = meter()
    costs.spend('probes', 1_000)
    expect(() => costs.need('probes', 1_000)).not.toThrow()
    expect(costs.run('a', () => costs.allows('probes', 5))).toBe(true)
  })

  it('a shared run is billed to the client that started it, not to one that joins it', async () => {
    const { costs } = meter()
    const work = metered(costs, 'lookups', async () => undefined)
    let shared: Promise<void> | null = null
    const lookup = () =>
      (shared ??= (async () => {
        await tick()
        for (let i = 0; i < 10; i++) await work()
      })())
    await costs.run('first', lookup)
    await costs.run('joins', lookup)
    expect(costs.run('first', () => costs.allows('lookups'))).toBe(false)
    expect(costs.run('joins', () => costs.allows('lookups', 10))).toBe(true)
  })

  it('meteredResolver bills each query it passes on', async () => {
    const { costs } = meter()
    const inner: Resolver = {
      addresses: async () => [{ address: '192.0.2.1', family: 4, ttl: 60 }],
      mx: async () => [],
      srv: async () => [],
    }
    const resolver = meteredResolver(costs, inner)
    await costs.run('a', async () => {
      await resolver.addresses('mail.example.com')
      await resolver.mx('example.com')
      for (let i = 0; i < 8; i++) await resolver.srv(`_imaps._tcp.example.com`)
    })
    expect(costs.run('a', () => costs.allows('lookups'))).toBe(false)
  })
})
