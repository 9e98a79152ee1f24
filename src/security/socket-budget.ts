/**
 * @module
 * A global cap on probe sockets open at once. A request takes the sockets it needs up front or
 * is turned away (429), so the service never queues without bound.
 */

export interface SocketBudget {
  /** Reserves `count` sockets; returns the release function, or null when the cap would be passed. */
  tryAcquire(count: number): (() => void) | null
  inUse(): number
}

export const createSocketBudget = (max: number): SocketBudget => {
  let used = 0
  return {
    tryAcquire(count) {
      if (used + count > max) return null
      used += count
      let released = false
      return () => {
        if (released) return
        released = true
        used -= count
      }
    },
    inUse: () => used,
  }
}
