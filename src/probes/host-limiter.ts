/**
 * @module
 * A process-wide cap on concurrent connections per target address, so that many requests
 * about one host never turn the service into a flood against it. Waiters queue in order.
 */
import type { Slots } from '../util/slots.ts'

export interface HostLimiter {
  run<T>(key: string, task: () => Promise<T>): Promise<T>
  /** Connections running now, over all keys (for tests and metrics). */
  active(): number
}

/** Connections one target address gets at once; a whole matrix (7 probes) fits. */
export const MAX_CONNECTIONS_PER_HOST = 8

export const createHostLimiter = (maxPerHost: number = MAX_CONNECTIONS_PER_HOST): HostLimiter => {
  const slots = new Map<string, { running: number; queue: Array<() => void> }>()
  let total = 0

  const acquire = async (key: string) => {
    let slot = slots.get(key)
    if (!slot) {
      slot = { running: 0, queue: [] }
      slots.set(key, slot)
    }
    if (slot.running >= maxPerHost) await new Promise<void>((resolve) => slot.queue.push(resolve))
    slot.running++
    total++
    return slot
  }

  const release = (key: string, slot: { running: number; queue: Array<() => void> }) => {
    slot.running--
    total--
    const next = slot.queue.shift()
    if (next) next()
    else if (slot.running === 0) slots.delete(key)
  }

  return {
    async run(key, task) {
      const slot = await acquire(key)
      try {
        return await task()
      } finally {
        release(key, slot)
      }
    },
    active: () => total,
  }
}

/**
 * `inner`, with at most as many tasks running at once as `waves` has slots, over all hosts. A
 * task waits for its slot before it starts, so a probe's deadline does not run while it waits
 * (Cloudflare Workers: six outbound connections per invocation, see worker.ts).
 *
 * @example
 * const limiter = inWaves(createHostLimiter(8), createSlots(5))
 */
export const inWaves = (inner: HostLimiter, waves: Slots): HostLimiter => ({
  async run(key, task) {
    const release = await waves.acquire()
    try {
      return await inner.run(key, task)
    } finally {
      release()
    }
  },
  active: () => inner.active(),
})
