/**
 * @module
 * One deadline per probe: DNS, connect, TLS, greeting and the dialogue share one budget.
 * When it runs out, the signal aborts with a ProbeError whose code names the phase that stalled.
 */
import type { ProbeCode } from '../errors/table.ts'
import { ProbeError } from '../errors/probe-error.ts'
import { type Deadline, createDeadline } from '../util/deadline.ts'

export type Phase = 'dns' | 'connect' | 'tls' | 'greeting' | 'dialogue'

const TIMEOUT_CODE: Record<Phase, ProbeCode> = {
  dns: 'DNS_TIMEOUT',
  connect: 'TCP_TIMEOUT',
  tls: 'TLS_HANDSHAKE',
  greeting: 'GREETING_TIMEOUT',
  dialogue: 'RESPONSE_TIMEOUT',
}

export interface ProbeDeadline extends Deadline {
  readonly phase: Phase
  /** Marks the start of a phase; a timeout from now on carries that phase's code. */
  enter(phase: Phase): void
}

/**
 * The util deadline with phases: its errors are ProbeErrors with the phase's timeout code.
 * @example
 * const deadline = createProbeDeadline(10_000)
 * try { deadline.enter('connect'); await connect(target, deadline.signal) } finally { deadline.dispose() }
 */
export const createProbeDeadline = (budgetMs: number, parent?: AbortSignal): ProbeDeadline => {
  let phase: Phase = 'dns'
  const deadline = createDeadline(budgetMs, {
    parent,
    timeoutError: () =>
      new ProbeError(TIMEOUT_CODE[phase], `no progress within ${budgetMs} ms (${phase})`),
    // The parent's own phase means nothing here: name the phase this operation was in.
    cancelError: () =>
      new ProbeError(TIMEOUT_CODE[phase], `stopped by the overall deadline (${phase})`),
  })
  return {
    ...deadline,
    get phase() {
      return phase
    },
    enter(next) {
      phase = next
    },
  }
}
