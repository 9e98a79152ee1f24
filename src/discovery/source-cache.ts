/**
 * @module
 * The sources found for an address, kept for a few minutes and shared with a search already
 * running for it. Probes are never cached: only what the sources said.
 */
import { LRUCache } from 'lru-cache'
import type { SourceReport } from './sources.ts'
import type { Found, SearchSources } from './source-search.ts'

/** How long found sources are reused for the same address. */
export const SOURCES_CACHE_MS = 5 * 60 * 1000
/** Addresses kept at most. */
export const SOURCES_CACHE_MAX = 1_000

/**
 * Wraps a search: a hit (or a search already running for the address) replays its source
 * reports to `onSource` and is returned as is.
 *
 * Sharing also stops a loop: when a domain's autoconfig points back at this service, the request
 * it receives waits for the search that sent it instead of starting another.
 *
 * @example
 * const findSources = createSourceCache(createSourceSearch(deps))
 * const found = await findSources('ann@example.com', 'example.com', send)
 */
export const createSourceCache = (
  search: SearchSources,
  options: { ttlMs?: number; max?: number } = {},
): SearchSources => {
  const cache = new LRUCache<string, Found>({
    max: options.max ?? SOURCES_CACHE_MAX,
    ttl: options.ttlMs ?? SOURCES_CACHE_MS,
  })
  const inFlight = new Map<string, Promise<Found>>()

  return async function findSources(email, domain, onSource: (source: SourceReport) => void) {
    const hit = cache.get(email)
    const running = inFlight.get(email)
    const shared = hit ?? (running ? await running : null)
    if (shared) {
      shared.sources.forEach(onSource)
      return shared
    }
    const searching = search(email, domain, onSource)
      .then((found) => {
        cache.set(email, found)
        return found
      })
      .finally(() => inFlight.delete(email))
    inFlight.set(email, searching)
    return searching
  }
}
