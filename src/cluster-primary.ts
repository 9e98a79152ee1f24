/**
 * @module
 * The cluster's primary (MAILSETUP_WORKERS > 1): it only forks the workers and replaces one
 * that dies, so it imports nothing of the app. `npm start` (scripts/start.mjs) runs it alone,
 * without the app's modules: a primary that loaded them held as much memory as a worker.
 */
import cluster from 'node:cluster'
import { randomBytes } from 'node:crypto'

/**
 * Hands the workers the secret under which they hash the login failure count's keys in the
 * shared SQLite file (failure-limit-sqlite-node.ts): the same for all of them, new at each start,
 * never written down.
 */
export const FAILURE_SECRET_ENV = 'MAILSETUP_FAILURE_SECRET'

/** How long a worker must have run for its exit to count as a crash worth a replacement. */
const RESTART_AFTER_MS = 5_000

/**
 * Forks `workers` processes (each runs the entry again and serves the port, node:cluster sharing
 * it) and replaces one that dies, unless it died at once; exits when all have exited on a stop.
 *
 * @example
 * if (cluster.isPrimary) runPrimary(4)
 */
export const runPrimary = (workers: number): void => {
  const started = new Map<number, number>()
  let stopping = false
  const secret = randomBytes(32).toString('hex')
  const fork = () => {
    const worker = cluster.fork({ [FAILURE_SECRET_ENV]: secret })
    started.set(worker.id, Date.now())
  }
  cluster.on('exit', (worker, code, signal) => {
    const ranMs = Date.now() - (started.get(worker.id) ?? 0)
    started.delete(worker.id)
    if (stopping) {
      if (started.size === 0) process.exit(0)
      return
    }
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}) after ${ranMs} ms`)
    if (ranMs >= RESTART_AFTER_MS) fork()
    else if (started.size === 0) process.exit(1)
  })
  const stop = () => {
    stopping = true
    if (started.size === 0) process.exit(0)
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  for (let i = 0; i < workers; i++) fork()
}
