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

/** An upstream whose answers the test gives, counting the queries and keeping their signals. */
const held = () => {
  const queries: Array<{
    name: string
    signal?: AbortSignal
    answer(): void
    fail(e: Error): void
  }> = []
  const ask = <T>(name: string, value: T, signal?: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      queries.push({ name, signal, answer: () => resolve(value), fail: reject })
      signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true })
    })
  const inner: Resolver = {
    addresses: (name, signal) => ask(name, [{ address: '192.0.2.1', family: 4, ttl: 30 }], signal),
    mx: (name, signal) => ask(name, [{ exchange: `mx.${name}`, priority: 10 }], signal),
    srv: (name, signal) => ask(name, [], signal),
  }
  return { inner, queries }
}

const deadlineError = () => new ProbeError('TIME_BUDGET_EXCEEDED', 'the caller gave up')

describe('lookups in flight are merged', () => {
  it('concurrent callers of one name and type share one upstream query; other keys ask their own', async () => {
    const { inner, queries } = held()
    const resolver = createCachingResolver(inner)
    const callers = [
      resolver.mx('example.com'),
      resolver.mx('example.com', new AbortController().signal),
      resolver.mx('example.com'),
    ]
    const other = [resolver.srv('example.com'), resolver.mx('example.net')]
    expect(queries.map((q) => q.name)).toEqual(['example.com', 'example.com', 'example.net'])
    for (const q of queries) q.answer()
    const answers = await Promise.all(callers)
    expect(answers.every((a) => a[0]?.exchange === 'mx.example.com')).toBe(true)
    await Promise.all(other)
    // And the answer is cached: a later caller asks nobody.
    await resolver.mx('example.com')
    expect(queries).toHaveLength(3)
  })

  it('one caller aborting rejects only that caller; the other still gets the answer from the same query', async () => {
    const { inner, queries } = held()
    const resolver = createCachingResolver(inner)
    const first = new AbortController()
    const a = resolver.mx('example.com', first.signal)
    const b = resolver.mx('example.com', new AbortController().signal)
    first.abort(deadlineError())
    await expect(a).rejects.toMatchObject({ code: 'TIME_BUDGET_EXCEEDED' })
    expect(queries).toHaveLength(1)
    expect(queries[0]?.signal?.aborted).toBe(false)
    queries[0]?.answer()
    expect(await b).toEqual([{ exchange: 'mx.example.com', priority: 10 }])
  })

  it('a caller that started the query and left does not cancel it for a caller without a signal', async () => {
    const { inner, queries } = held()
    const resolver = createCachingResolver(inner)
    const first = new AbortController()
    const a = resolver.addresses('a.example', first.signal)
    const b = resolver.addresses('a.example')
    first.abort(new Error('the client went away'))
    // Not a ProbeError: the caller hears a DNS timeout, as from the DoH resolver.
    await expect(a).rejects.toMatchObject({ code: 'DNS_TIMEOUT' })
    expect(queries[0]?.signal?.aborted).toBe(false)
    queries[0]?.answer()
    expect(await b).toHaveLength(1)
  })

  it('the upstream query is cancelled once every caller has gone, caches nothing, and the next caller asks anew', async () => {
    const { inner, queries } = held()
    const resolver = createCachingResolver(inner)
    const one = new AbortController()
    const two = new AbortController()
    const a = resolver.mx('example.com', one.signal)
    const b = resolver.mx('example.com', two.signal)
    one.abort(deadlineError())
    expect(queries[0]?.signal?.aborted).toBe(false)
    two.abort(deadlineError())
    expect(queries[0]?.signal?.aborted).toBe(true)
    await expect(a).rejects.toMatchObject({ code: 'TIME_BUDGET_EXCEEDED' })
    await expect(b).rejects.toMatchObject({ code: 'TIME_BUDGET_EXCEEDED' })
    const c = resolver.mx('example.com')
    expect(queries).toHaveLength(2)
    queries[1]?.answer()
    expect(await c).toHaveLength(1)
  })

  it('an already aborted caller is refused without asking upstream or disturbing the others', async () => {
    const { inner, queries } = held()
    const resolver = createCachingResolver(inner)
    const waiting = resolver.mx('example.com')
    const gone = new AbortController()
    gone.abort(deadlineError())
    await expect(resolver.mx('example.com', gone.signal)).rejects.toMatchObject({
      code: 'TIME_BUDGET_EXCEEDED',
    })
    await expect(resolver.mx('example.org', gone.signal)).rejects.toMatchObject({
      code: 'TIME_BUDGET_EXCEEDED',
    })
    expect(queries).toHaveLength(1)
    queries[0]?.answer()
    expect(await waiting).toHaveLength(1)
  })

  it.each([
    ['DNS_NXDOMAIN', 1],
    ['DNS_ERROR', 2],
    ['DNS_TIMEOUT', 2],
  ] as const)(
    'a %s reaches every waiting caller; the next caller asks upstream %i time(s) in all',
    async (code, total) => {
      const { inner, queries } = held()
      const resolver = createCachingResolver(inner)
      const callers = [
        resolver.mx('example.com'),
        resolver.mx('example.com', new AbortController().signal),
      ]
      queries[0]?.fail(new ProbeError(code, 'example.com'))
      for (const caller of callers) await expect(caller).rejects.toMatchObject({ code })
      // Negative caching as before: NXDOMAIN is kept, a SERVFAIL or a timeout is asked again.
      const again = resolver.mx('example.com').catch((err: unknown) => err)
      queries[1]?.answer()
      await again
      expect(queries).toHaveLength(total)
    },
  )
})
