/** The source cache: one search per address while it runs and for its TTL, reports replayed. */
import { describe, expect, it } from 'vitest'
import { createSourceCache } from '../../../src/discovery/source-cache.ts'
import type { Found, SearchSources } from '../../../src/discovery/source-search.ts'
import type { SourceReport } from '../../../src/discovery/sources.ts'

const REPORT: SourceReport = { type: 'mx', name: 'example.com', status: 'none', servers: 0 }

/** A search that counts its calls and finishes when told to. */
const countingSearch = () => {
  let calls = 0
  const finishers: Array<() => void> = []
  const search: SearchSources = (_email, _domain, onSource) => {
    calls++
    onSource(REPORT)
    const found: Found = { provider: null, candidates: [], sources: [REPORT], mxHosts: [] }
    return new Promise((resolve) => finishers.push(() => resolve(found)))
  }
  return { search, calls: () => calls, finishAll: () => finishers.splice(0).forEach((f) => f()) }
}

describe('createSourceCache', () => {
  it('a second request while the first search runs waits for it and hears its reports', async () => {
    const counting = countingSearch()
    const find = createSourceCache(counting.search)
    const heard: SourceReport[][] = [[], []]
    const first = find('a@example.com', 'example.com', (s) => heard[0]?.push(s))
    const second = find('a@example.com', 'example.com', (s) => heard[1]?.push(s))
    counting.finishAll()
    const [a, b] = await Promise.all([first, second])
    expect(counting.calls()).toBe(1)
    expect(b).toBe(a)
    expect(heard).toEqual([[REPORT], [REPORT]])
  })

  it('reuses a finished search within the TTL and searches again after it', async () => {
    const counting = countingSearch()
    const find = createSourceCache(counting.search, { ttlMs: 30 })
    const once = find('a@example.com', 'example.com', () => {})
    counting.finishAll()
    await once
    await find('a@example.com', 'example.com', () => {})
    expect(counting.calls()).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 60))
    const again = find('a@example.com', 'example.com', () => {})
    counting.finishAll()
    await again
    expect(counting.calls()).toBe(2)
  })

  it('another address gets its own search', async () => {
    const counting = countingSearch()
    const find = createSourceCache(counting.search)
    const both = Promise.all([
      find('a@example.com', 'example.com', () => {}),
      find('b@example.com', 'example.com', () => {}),
    ])
    counting.finishAll()
    await both
    expect(counting.calls()).toBe(2)
  })
})
