/**
 * @module
 * The Node ContextStore: AsyncLocalStorage (Workers have it too, under nodejs_compat).
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { ContextStore } from './context-store.ts'

/**
 * @example
 * const store = createNodeContextStore<string>()
 * await store.run('client-a', async () => { await later(); store.get() }) // 'client-a'
 */
export const createNodeContextStore = <T>(): ContextStore<T> => {
  const storage = new AsyncLocalStorage<T>()
  return {
    run: (value, fn) => storage.run(value, fn),
    get: () => storage.getStore(),
  }
}
