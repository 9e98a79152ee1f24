/** Polling TCP ports until they accept connections, or until they refuse them. */
import { connect } from 'node:net'

export interface Endpoint {
  address: string
  port: number
}

export const show = (e: Endpoint): string => `${e.address}:${e.port}`

/** 'open' if something accepts a connection, 'closed' if refused, 'timeout' otherwise. */
export function probePort(e: Endpoint, timeoutMs = 1000): Promise<'open' | 'closed' | 'timeout'> {
  return new Promise((resolve) => {
    const sock = connect({ host: e.address, port: e.port })
    const done = (r: 'open' | 'closed' | 'timeout'): void => {
      clearTimeout(timer)
      sock.removeAllListeners()
      sock.on('error', () => {})
      sock.destroy()
      resolve(r)
    }
    const timer = setTimeout(() => done('timeout'), timeoutMs)
    sock.once('connect', () => done('open'))
    sock.once('error', () => done('closed'))
  })
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/**
 * Waits until every endpoint is in the wanted state or the deadline passes; returns those
 * that never got there (empty when all did).
 */
export async function waitPorts(
  endpoints: Endpoint[],
  want: 'open' | 'closed',
  timeoutMs: number,
): Promise<Endpoint[]> {
  const deadline = Date.now() + timeoutMs
  let pending = [...endpoints]
  for (;;) {
    const states = await Promise.all(pending.map((e) => probePort(e)))
    pending = pending.filter((_, i) => states[i] !== want)
    if (pending.length === 0 || Date.now() >= deadline) return pending
    await sleep(100)
  }
}
