import { describe, expect, it } from 'vitest'
import { ProbeError } from '../errors/probe-error.ts'
import { createCachingResolver } from './caching-resolver.ts'
import type { Resolver } from './resolver.ts'

const counting = () => {
  const calls = { addresses: 0, mx: 0 }
  const inner: Resolver = {
    addresses: async (name) => {
      calls.addresses++
      if (name === 'gone.example') throw new ProbeError('DNS_NXDOMAIN', name)
      if (name === 'slow.example') throw new ProbeError('DNS_TIMEOUT', name)
      return [{ address: '192.0.2.1', family: 4, ttl: 30 }]
    },
    mx: async () => {
      calls.mx++
      return [{ exchange: 'mx.example', priority: 10 }]
    },
    srv: async () => [],
  }
  return { inner, calls }
}

describe('caching resolver', () => {
  it('answers from the cache until the record TTL runs out', async () => {
    let now = 1_000_000
    const { inner, calls } = counting()
    const resolver = createCachingResolver(inner, { now: () => now })
    await resolver.addresses('a.example')
    await resolver.addresses('a.example')
    expect(calls.addresses).toBe(1)
    now += 29_000
    await resolver.addresses('a.example')
    expect(calls.addresses).toBe(1)
    now += 2_000
    await resolver.addresses('a.example')
    expect(calls.addresses).toBe(2)
  })

  it('caches NXDOMAIN briefly, and never a timeout', async () => {
    const { inner, calls } = counting()
    const resolver = createCachingResolver(inner)
    await expect(resolver.addresses('gone.example')).rejects.toMatchObject({ code: 'DNS_NXDOMAIN' })
    await expect(resolver.addresses('gone.example')).rejects.toMatchObject({ code: 'DNS_NXDOMAIN' })
    expect(calls.addresses).toBe(1)
    await expect(resolver.addresses('slow.example')).rejects.toMatchObject({ code: 'DNS_TIMEOUT' })
    await expect(resolver.addresses('slow.example')).rejects.toMatchObject({ code: 'DNS_TIMEOUT' })
    expect(calls.addresses).toBe(3)
  })

  it('is bounded', async () => {
    const { inner, calls } = counting()
    const resolver = createCachingResolver(inner, { max: 2 })
    for (const name of ['a.example', 'b.example', 'c.example', 'a.example'])
      await resolver.addresses(name)
    expect(calls.addresses).toBe(4)
    await resolver.mx('x.example')
    await resolver.mx('x.example')
    expect(calls.mx).toBe(1)
  })
})
