/**
 * @module
 * An LRU cache of at most `max` entries whose memory grows with what it holds.
 */
import { LRUCache } from 'lru-cache'

/** lru-cache's options but the bound, which `growingLru` sets. */
export type GrowingLruOptions<K extends string, V extends object> = Omit<
  LRUCache.Options<K, V, unknown>,
  'max' | 'maxSize' | 'sizeCalculation' | 'maxEntrySize'
>

/**
 * lru-cache with `max` allocates its arrays for all `max` entries when it is built (about 20
 * bytes a slot, more with a ttl: 1.1 MB for 50,000 keys held from the start, docs/benchmarks.md).
 * Bounded instead by `maxSize` with every entry of size 1 it holds the same number of entries
 * and grows its arrays as they come ("without the performance benefits of pre-allocation", its
 * README says: for caches that are mostly empty, or filled slowly).
 *
 * @example
 * const failures = growingLru<string, number[]>(50_000)
 */
export const growingLru = <K extends string, V extends object>(
  max: number,
  options: GrowingLruOptions<K, V> = {},
): LRUCache<K, V> => new LRUCache<K, V>({ ...options, maxSize: max, sizeCalculation: () => 1 })
