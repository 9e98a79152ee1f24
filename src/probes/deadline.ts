/**
 * @module
 * One deadline per probe: DNS, connect, TLS, greeting and the dialogue share one budget.
 * When it runs out, the signal aborts with a ProbeError whose code names the phase that stalled.
 */
import type { ProbeCode } from '../errors/table.ts'
import { ProbeError } from '../errors/probe-error.ts'

export type Phase = 'dns' | 'connect' | 'tls' | 'greeting' | 'dialogue'

const TIMEOUT_CODE: Record<Phase, ProbeCode> = {
  dns: 'DNS_TIMEOUT',
  connect: 'TCP_TIMEOUT',
  tls: 'TLS_HANDSHAKE',
  greeting: 'GREETING_TIMEOUT',
  dialogue: 'RESPONSE_TIMEOUT',
}

export interface Deadline {
  readonly signal: AbortSignal
  readonly phase: Phase
  /** Marks the start of a phase; a timeout from now on carries that phase's code. */
  enter(phase: Phase): void
  remaining(): number
  elapsed(): number
  /** Clears the timer; call on every exit path. */
  dispose(): void
}

/**
 * @example
 * const deadline = createDeadline(10_000)
 * try { deadline.enter('connect'); await connect(target, deadline.signal) } finally { deadline.dispose() }
 */
export const createDeadline = (budgetMs: number, parent?: AbortSignal): Deadline => {
  const controller = new AbortController()
  const started = performance.now()
  let phase: Phase = 'dns'

  const expire = () => {
    const detail = `no progress within ${budgetMs} ms (${phase})`
    controller.abort(new ProbeError(TIMEOUT_CODE[phase], detail))
  }
  const timer = setTimeout(expire, budgetMs)
  // The parent's own phase means nothing here: name the phase this operation was in.
  const onParentAbort = () => {
    if (controller.signal.aborted) return
    controller.abort(
      new ProbeError(TIMEOUT_CODE[phase], `stopped by the overall deadline (${phase})`),
    )
  }
  if (parent?.aborted) onParentAbort()
  else parent?.addEventListener('abort', onParentAbort, { once: true })

  return {
    signal: controller.signal,
    get phase() {
      return phase
    },
    enter(next) {
      phase = next
    },
    remaining: () => Math.max(0, budgetMs - (performance.now() - started)),
    elapsed: () => performance.now() - started,
    dispose() {
      clearTimeout(timer)
      parent?.removeEventListener('abort', onParentAbort)
    },
  }
}
