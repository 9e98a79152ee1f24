/**
 * @module
 * A counting semaphore: at most `max` holders at once, the rest wait in order. Cloudflare
 * Workers allow six simultaneous outbound connections per invocation (sockets and fetches
 * together); the Workers entry hands one of these to every adapter that opens a connection.
 */
import { raceSignal } from './race-signal.ts'

export interface Slots {
  /** Waits for a free slot; resolves with its release (safe to call twice). Rejects when `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<() => void>
  /** Slots held now. */
  inUse(): number
}

/**
 * @example
 * const outbound = createSlots(6)
 * const release = await outbound.acquire(signal)
 * try { await fetch(url) } finally { release() }
 */
export const createSlots = (max: number): Slots => {
  let used = 0
  const queue: Array<() => void> = []

  const releaser = () => {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = queue.shift()
      if (next) next()
      else used--
    }
  }

  return {
    async acquire(signal) {
      if (used < max) {
        used++
        return releaser()
      }
      let grant: (() => void) | undefined
      const granted = new Promise<void>((resolve) => {
        grant = resolve
        queue.push(resolve)
      })
      try {
        await (signal ? raceSignal(granted, signal) : granted)
      } catch (err) {
        const index = grant ? queue.indexOf(grant) : -1
        // Granted in the same tick as the abort: hand the slot on instead of leaking it.
        if (index === -1) releaser()()
        else queue.splice(index, 1)
        throw err
      }
      return releaser()
    },
    inUse: () => used,
  }
}
