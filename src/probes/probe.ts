/**
 * @module
 * One probe: resolve through the guard, connect to the pinned address, TLS as asked, then the
 * protocol's fixed dialogue. Every phase runs under one deadline; the socket is closed on every
 * path; every failure becomes a result with a stable code, never an exception.
 */
import type { ProbeCode } from '../errors/table.ts'
import { createProbeDeadline } from './deadline.ts'
import { imapDialogue } from './imap.ts'
import { LineIO } from './line-io.ts'
import { pop3Dialogue } from './pop3.ts'
import { ProbeError } from '../errors/probe-error.ts'
import type { Dialogue, Greeting } from './protocol.ts'
import { type ProbeResult, type ProbeTarget, describeOutcome, unreachedResult } from './result.ts'
import { smtpDialogue } from './smtp.ts'
import type { Connect, ProbeSocket } from './socket.ts'
import { type TlsReport, judgeTls } from './tls-verdict.ts'
import type { PinnedTarget, TargetGuard } from '../security/target-guard.ts'
import type { Protocol } from '../model/domain.ts'

/** Whole-probe budget: DNS, connect, TLS and the dialogue together. */
export const PROBE_TIMEOUT_MS = 8_000
/**
 * Silence after connecting before the probe says something itself. Mail servers greet at once;
 * a server that waits for the client (HTTP, TLS on a port probed in plaintext) answers the nudge,
 * so the probe can name what it found instead of just timing out.
 */
export const GREETING_NUDGE_MS = 3_000

export interface ProbeDeps {
  guard: TargetGuard
  connect: Connect
  timeoutMs?: number
  nudgeMs?: number
  ehloName?: string
  now?: () => Date
}

export interface ProbeOptions {
  /** A target the guard already resolved (the matrix resolves once per host). */
  pinned?: PinnedTarget
  /** Aborts the probe (an overall deadline or a client that went away). */
  signal?: AbortSignal
}

const dialogueFor = (protocol: Protocol, ehloName?: string): Dialogue =>
  protocol === 'imap'
    ? imapDialogue()
    : protocol === 'pop3'
      ? pop3Dialogue()
      : smtpDialogue(ehloName)

const elapsedSince = (start: number) => Math.round(performance.now() - start)

/**
 * @example
 * const result = await runProbe({ host: 'imap.qq.com', port: 993, protocol: 'imap', security: 'tls' }, deps)
 * result.status // 'ok' | 'warning' | 'error'; result.code names the problem
 */
export const runProbe = async (
  target: ProbeTarget,
  deps: ProbeDeps,
  options: ProbeOptions = {},
): Promise<ProbeResult> => {
  // Aborted while waiting for its turn (the per-host cap): it never ran, say so plainly.
  if (options.signal?.aborted) {
    return unreachedResult(
      target,
      new ProbeError('TIME_BUDGET_EXCEEDED', 'stopped before it started'),
      null,
    )
  }
  const started = performance.now()
  const deadline = createProbeDeadline(deps.timeoutMs ?? PROBE_TIMEOUT_MS, options.signal)
  const dialogue = dialogueFor(target.protocol, deps.ehloName)
  const timings: ProbeResult['timings'] = {
    dns: null,
    connect: null,
    tls: null,
    greeting: null,
    total: 0,
  }
  const problems: ProbeCode[] = []
  let detail: string | null = null
  let pinned: PinnedTarget | null = options.pinned ?? null
  let socket: ProbeSocket | null = null
  let io: LineIO | null = null
  let greeting: Greeting | null = null
  let tls: TlsReport | null = null
  let beforeTls: string[] = []
  let afterTls: string[] = []
  let auth: string[] = []

  let upgraded = false
  const judge = (conn: ProbeSocket) => {
    const session = tls ? null : conn.tlsSession()
    if (session) {
      tls = judgeTls(session, deps.now?.() ?? new Date())
      problems.push(...tls.problems)
    }
  }
  const upgrade = async (conn: ProbeSocket) => {
    deadline.enter('tls')
    const t0 = performance.now()
    await conn.startTls()
    timings.tls = elapsedSince(t0)
    upgraded = true
    judge(conn)
  }

  try {
    deps.guard.checkPort(target.port)
    if (pinned) deadline.enter('connect')
    else {
      deadline.enter('dns')
      const t0 = performance.now()
      pinned = await deps.guard.resolve(target.host, deadline.signal)
      timings.dns = elapsedSince(t0)
    }

    deadline.enter('connect')
    const t0 = performance.now()
    socket = await deps.connect(
      {
        address: pinned.address,
        port: target.port,
        servername: pinned.host,
        security: target.security,
      },
      deadline.signal,
    )
    timings.connect = elapsedSince(t0)
    io = new LineIO(socket)
    if (target.security === 'tls') await upgrade(socket)

    deadline.enter('greeting')
    const g0 = performance.now()
    const nudged = await nudgeIfSilent(
      io,
      Math.min(deps.nudgeMs ?? GREETING_NUDGE_MS, deadline.remaining() / 2),
    )
    greeting = await dialogue.greeting(io)
    timings.greeting = elapsedSince(g0)
    if (nudged) {
      // The server greeted only after the nudge, which it has now read as a command: stop here.
      problems.push('GREETING_SLOW')
      return finish()
    }

    deadline.enter('dialogue')
    const caps = greeting.capabilities ?? (await dialogue.capabilities(io))
    if (target.security === 'tls') afterTls = caps
    else beforeTls = caps

    if (target.security === 'starttls') {
      if (!dialogue.offersStartTls(beforeTls)) throw new ProbeError('STARTTLS_UNSUPPORTED')
      await dialogue.startTls(io)
      io.note('*', 'TLS handshake')
      await upgrade(socket)
      deadline.enter('dialogue')
      afterTls = await dialogue.capabilities(io)
    }
    if (target.security === 'none') {
      problems.push(dialogue.offersStartTls(beforeTls) ? 'TLS_NOT_USED' : 'PLAINTEXT_ONLY')
    }
    const loginCaps = target.security === 'none' ? beforeTls : afterTls
    auth = dialogue.authMechanisms(loginCaps)
    if (dialogue.loginDisabled(loginCaps)) problems.push('LOGIN_DISABLED')
    await dialogue.quit(io).catch(() => undefined)
    return finish()
  } catch (err) {
    const failure =
      err instanceof ProbeError
        ? err
        : new ProbeError('PROBE_FAILED', err instanceof Error ? err.message : String(err))
    problems.unshift(failure.code)
    detail = failure.detail ?? null
    return finish()
  } finally {
    deadline.dispose()
    socket?.close()
  }

  function finish(): ProbeResult {
    timings.total = elapsedSince(started)
    // An adapter may prove the session only once bytes came through it (Workers).
    if (upgraded && socket) judge(socket)
    const tlsReport = tls as TlsReport | null
    return {
      ...target,
      host: pinned?.host ?? target.host,
      address: pinned?.address ?? null,
      ...describeOutcome(problems),
      detail,
      greeting: greeting?.line ?? null,
      capabilities: { beforeTls, afterTls },
      auth,
      tls: tlsReport ? omitProblems(tlsReport) : null,
      timings,
      transcript: io?.transcript ?? [],
    }
  }
}

const omitProblems = ({ problems: _problems, ...rest }: TlsReport) => rest

/** Waits for the first byte; after `afterMs` of silence sends a harmless QUIT and reports true. */
const nudgeIfSilent = async (io: LineIO, afterMs: number): Promise<boolean> => {
  let timer: ReturnType<typeof setTimeout> | undefined
  const silence = new Promise<'silent'>((resolve) => {
    timer = setTimeout(() => resolve('silent'), afterMs)
  })
  try {
    const data = io.socket.waitForData().then(() => 'data' as const)
    data.catch(() => undefined) // a failure after the race is reported by the next read
    const first = await Promise.race([data, silence])
    if (first === 'data') return false
    await io.send('QUIT')
    return true
  } finally {
    clearTimeout(timer)
  }
}
