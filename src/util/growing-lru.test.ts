import { describe, expect, it } from 'vitest'
import { growingLru } from './growing-lru.ts'

describe('growingLru', () => {
  it('holds at most max entries and drops the least recently used', () => {
    const cache = growingLru<string, { n: number }>(3)
    for (const [i, key] of ['a', 'b', 'c'].entries()) cache.set(key, { n: i })
    expect(cache.get('a')?.n).toBe(0) // a is now the most recent
    cache.set('d', { n: 3 })
    expect(cache.size).toBe(3)
    expect([...cache.keys()].sort()).toEqual(['a', 'c', 'd'])
    cache.set('d', { n: 4 }) // replacing an entry takes no more room
    expect(cache.size).toBe(3)
    expect(cache.get('d')?.n).toBe(4)
  })

  it('keeps its options, a ttl among them', () => {
    let time = 10_000
    const cache = growingLru<string, { v: string }>(10, {
      ttl: 1_000,
      ttlResolution: 0,
      perf: { now: () => time },
    })
    cache.set('k', { v: 'v' })
    time = 10_999
    expect(cache.get('k')?.v).toBe('v')
    time = 11_001
    expect(cache.get('k')).toBeUndefined()
  })
})
