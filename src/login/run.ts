/**
 * @module
 * One server's login test: the guarded lookup, then at most two attempts (the first username
 * form, and after a plain AUTH_FAILED the other form), each under its own deadline and the
 * per-host connection cap. Every failure is a result with a stable code, never an exception, and
 * nothing in the result holds the password or the username.
 */
import type { ErrorMessage } from '../errors/entry.ts'
import { ProbeError } from '../errors/probe-error.ts'
import type { LoginResultCode } from '../errors/table.ts'
import { createProbeDeadline } from '../probes/deadline.ts'
import type { HostLimiter } from '../probes/host-limiter.ts'
import type { HostLookup } from '../probes/host-probes.ts'
import type { TranscriptEntry } from '../probes/line-io.ts'
import type { Provider } from '../providers/index.ts'
import type { PinnedTarget, TargetGuard } from '../security/target-guard.ts'
import { classifyFailure, isPlainAuthFailure } from './classify.ts'
import { loginMessage } from './messages.ts'
import { secretMasker } from './secrets.ts'
import type {
  AttemptFailure,
  AttemptOutcome,
  LoginAttempt,
  LoginAttempts,
  LoginServer,
  LoginStepName,
} from './types.ts'
import type { UsernameChoice, UsernameForm } from './username.ts'

/** One attempt's budget: DNS, connect, TLS, login and the mailbox together. */
export const LOGIN_TIMEOUT_MS = 15_000

export type LoginRole = 'incoming' | 'outgoing'

/** A phase that finished, as the step events and the result's `steps` show it. */
export interface LoginStep {
  server: LoginRole
  step: LoginStepName
  status: 'ok' | 'error'
  ms: number
  /** 1, or 2 for the second username form. */
  attempt: number
  username: UsernameForm
  code?: LoginResultCode
}

export interface LoginResult {
  server: LoginServer
  /** The address the guard checked and the test connected to, or null before DNS. */
  address: string | null
  status: 'ok' | 'error'
  code: LoginResultCode | null
  /** The username form that worked, or the one tried last. */
  username: UsernameForm
  message: ErrorMessage
  /** The server's own answer to the login, when it refused (decoded, secrets masked). */
  reply: string | null
  detail: string | null
  attempts: number
  steps: LoginStep[]
  /** The last attempt's dialogue where the attempt can show it; credential lines hidden. */
  transcript: TranscriptEntry[]
  timings: { total: number }
}

export interface LoginRunDeps {
  guard: TargetGuard
  limiter: HostLimiter
  attempts: LoginAttempts
  /** POP3 with STLS or in plaintext (the project's own dialogue). */
  pop3Dialogue: LoginAttempt
  timeoutMs?: number
}

export interface LoginRunInput {
  role: LoginRole
  server: LoginServer
  usernames: UsernameChoice[]
  password: string
  provider: Provider | null
  /** The guard's answer for the host when the caller already asked (the route does, to refuse first). */
  lookup?: HostLookup
  signal?: AbortSignal
  onStep?: (step: LoginStep) => void
}

const attemptFor = (deps: LoginRunDeps, server: LoginServer): LoginAttempt => {
  if (server.protocol === 'imap') return deps.attempts.imap
  if (server.protocol === 'smtp') return deps.attempts.smtp
  return server.security === 'tls' ? deps.attempts.pop3Tls : deps.pop3Dialogue
}

const asFailure = (err: unknown): AttemptFailure => {
  const probe =
    err instanceof ProbeError
      ? err
      : new ProbeError('PROBE_FAILED', err instanceof Error ? err.message : String(err))
  return { kind: 'probe', code: probe.code, detail: probe.detail ?? null }
}

/**
 * @example
 * const result = await runLoginTest({ role: 'incoming', server, usernames, password, provider: qq }, deps)
 * result.code // null when the login worked; 'AUTH_AUTHORIZATION_CODE_REQUIRED', …
 */
export const runLoginTest = async (
  input: LoginRunInput,
  deps: LoginRunDeps,
): Promise<LoginResult> => {
  const started = performance.now()
  const { server } = input
  const hide = secretMasker({
    password: input.password,
    usernames: input.usernames.map((choice) => choice.value),
  })
  const steps: LoginStep[] = []
  let pinned: PinnedTarget | null = null

  const credential = input.provider?.credential ?? null

  /** One attempt: its outcome and its code (null when it worked); every step recorded. */
  const tryOnce = async (choice: UsernameChoice, attempt: number) => {
    const deadline = createProbeDeadline(deps.timeoutMs ?? LOGIN_TIMEOUT_MS, input.signal)
    let mark = performance.now()
    let current: LoginStepName = 'dns'
    const record = (
      step: LoginStepName,
      status: LoginStep['status'],
      code?: LoginResultCode,
      ms?: number,
    ) => {
      const now = performance.now()
      const entry: LoginStep = {
        server: input.role,
        step,
        status,
        ms: ms ?? Math.round(now - mark),
        attempt,
        username: choice.form,
        ...(code ? { code } : {}),
      }
      mark = now
      steps.push(entry)
      input.onStep?.(entry)
    }
    let outcome: AttemptOutcome
    try {
      deps.guard.checkPort(server.port)
      if (!pinned && input.lookup) {
        if (!input.lookup.pinned) throw input.lookup.failure
        pinned = input.lookup.pinned
        record('dns', 'ok', undefined, input.lookup.dnsMs ?? 0)
      }
      if (!pinned) {
        deadline.enter('dns')
        pinned = await deadline.race(deps.guard.resolve(server.host, deadline.signal))
        record('dns', 'ok')
      }
      const target = { ...server, host: pinned.host, address: pinned.address }
      const run = attemptFor(deps, server)
      current = 'connect'
      outcome = await deps.limiter.run(target.address, () =>
        deadline.race(
          run({
            target,
            username: choice.value,
            password: input.password,
            signal: deadline.signal,
            remainingMs: () => deadline.remaining(),
            entering: (phase) => deadline.enter(phase),
            passed: (step) => {
              record(step, 'ok')
              current = nextStep(step)
            },
          }),
        ),
      )
    } catch (err) {
      outcome = { ok: false, step: current, failure: asFailure(err) }
    } finally {
      deadline.dispose()
    }
    const code = outcome.ok ? null : classifyFailure(outcome.failure, credential)
    if (!outcome.ok) record(outcome.step, 'error', code ?? undefined)
    return { outcome, code }
  }

  const nextStep = (step: LoginStepName): LoginStepName => {
    if (step === 'connect') return server.security === 'none' ? 'login' : 'tls'
    return step === 'tls' ? 'login' : 'mailbox'
  }

  let last: { outcome: AttemptOutcome; code: LoginResultCode | null } | null = null
  let used: UsernameChoice = input.usernames[0] ?? { form: 'address', value: '' }
  let attempts = 0
  for (const choice of input.usernames.slice(0, 2)) {
    used = choice
    attempts++
    last = await tryOnce(choice, attempts)
    if (!last.code || !isPlainAuthFailure(last.code)) break
  }
  const outcome = last?.outcome ?? { ok: false, step: 'dns', failure: asFailure(null) }
  const code = last ? last.code : 'PROBE_FAILED'

  const failure = outcome.ok ? null : outcome.failure
  return {
    server,
    address: (pinned as PinnedTarget | null)?.address ?? null,
    status: outcome.ok ? 'ok' : 'error',
    code,
    username: used.form,
    message: loginMessage(code, input.provider, used.form),
    reply: failure && failure.kind !== 'probe' && failure.reply ? hide(failure.reply) : null,
    detail: failure?.kind === 'probe' && failure.detail ? hide(failure.detail) : null,
    attempts,
    steps,
    transcript: (outcome.transcript ?? []).map((entry) => ({ ...entry, line: hide(entry.line) })),
    timings: { total: Math.round(performance.now() - started) },
  }
}
