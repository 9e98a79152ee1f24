/**
 * @module
 * One budget for an operation of several steps (DNS, connect, TLS, a dialogue; or every hop of
 * an HTTP fetch), after imapflow's lib/connection-deadline.js: each step asks `remaining()`,
 * wraps what it awaits in `race()`, and any stalled step fails with the same `error()`.
 * The signal aborts with that error, so code that takes a signal stops too.
 */
import { raceSignal } from './race-signal.ts'

export interface Deadline {
  /** Aborts with `error()` when the budget runs out or the parent aborts. */
  readonly signal: AbortSignal
  /** Milliseconds left, never below zero. */
  remaining(): number
  elapsed(): number
  /** What the deadline fails with: the abort's reason once aborted, else a timeout error now. */
  error(): Error
  /** Settles with `promise`, or rejects with `error()` when the deadline runs out first. */
  race<T>(promise: Promise<T>): Promise<T>
  /** Clears the timer and the parent listener; call on every exit path (a second call is harmless). */
  dispose(): void
}

export interface DeadlineOptions {
  /** A caller's signal (a request, an overall deadline); its abort ends this deadline too. */
  parent?: AbortSignal
  /** The error for a budget that ran out, made when it runs out. */
  timeoutError: () => Error
  /** The error for a parent that aborted (default: `timeoutError()`). */
  cancelError?: (parentReason: unknown) => Error
}

/**
 * @example
 * const deadline = createDeadline(4_000, { parent: signal, timeoutError: () => new Error('timed out') })
 * try { await deadline.race(lookup(host, deadline.signal)) } finally { deadline.dispose() }
 */
export const createDeadline = (budgetMs: number, options: DeadlineOptions): Deadline => {
  const { parent } = options
  const controller = new AbortController()
  const started = performance.now()

  const timer = setTimeout(() => controller.abort(options.timeoutError()), budgetMs)
  const onParentAbort = () => {
    if (controller.signal.aborted) return
    controller.abort((options.cancelError ?? options.timeoutError)(parent?.reason))
  }
  if (parent?.aborted) onParentAbort()
  else parent?.addEventListener('abort', onParentAbort, { once: true })

  const error = (): Error =>
    controller.signal.aborted ? (controller.signal.reason as Error) : options.timeoutError()

  return {
    signal: controller.signal,
    remaining: () => Math.max(0, budgetMs - (performance.now() - started)),
    elapsed: () => performance.now() - started,
    error,
    race: (promise) => raceSignal(promise, controller.signal),
    dispose() {
      clearTimeout(timer)
      parent?.removeEventListener('abort', onParentAbort)
    },
  }
}
