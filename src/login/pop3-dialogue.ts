/**
 * @module
 * POP3 logins on port 110: STLS (RFC 2595), then USER/PASS (RFC 1939), over the probe engine's
 * own socket and POP3 dialogue. node-pop3 cannot upgrade a connection, so STLS (and plaintext,
 * when the caller allowed it) runs here; implicit TLS on 995 goes through node-pop3. The password
 * is sent only after a handshake whose certificate a mail client would accept.
 */
import { ProbeError } from '../errors/probe-error.ts'
import { LineIO } from '../probes/line-io.ts'
import { pop3Dialogue } from '../probes/pop3.ts'
import type { Connect, ProbeSocket } from '../probes/socket.ts'
import { judgeTls } from '../probes/tls-verdict.ts'
import type { AttemptOutcome, LoginAttempt, LoginStepName } from './types.ts'

export const HIDDEN_LINE = '*** (hidden)'

/** A certificate problem that stops the login (an old TLS version only warns). */
export const blockingTlsProblem = (socket: ProbeSocket, now: Date) => {
  const session = socket.tlsSession()
  if (!session) return 'TLS_HANDSHAKE' as const
  return judgeTls(session, now).problems.find((code) => code !== 'TLS_OUTDATED') ?? null
}

/**
 * @example
 * const attempt = createPop3DialogueAttempt(createNodeConnect({ ca }))
 * await attempt({ target: { protocol: 'pop3', port: 110, security: 'starttls', host, address }, … })
 */
export const createPop3DialogueAttempt =
  (connect: Connect, now: () => Date = () => new Date()): LoginAttempt =>
  async (input) => {
    const { target } = input
    const dialogue = pop3Dialogue()
    let socket: ProbeSocket | null = null
    let io: LineIO | null = null
    let step: LoginStepName = 'connect'
    const fail = (failure: Extract<AttemptOutcome, { ok: false }>['failure']): AttemptOutcome => ({
      ok: false,
      step,
      failure,
      transcript: io?.transcript ?? [],
    })
    try {
      input.entering('connect')
      socket = await connect(
        {
          address: target.address,
          port: target.port,
          servername: target.host,
          security: target.security,
        },
        input.signal,
      )
      io = new LineIO(socket)
      if (target.security === 'tls') {
        step = 'tls'
        input.entering('tls')
        await socket.startTls()
      }
      input.entering('greeting')
      await dialogue.greeting(io)
      input.passed('connect')
      if (target.security === 'starttls') {
        step = 'tls'
        input.entering('dialogue')
        const caps = await dialogue.capabilities(io)
        if (!dialogue.offersStartTls(caps)) throw new ProbeError('STARTTLS_UNSUPPORTED')
        await dialogue.startTls(io)
        io.note('*', 'TLS handshake')
        input.entering('tls')
        await socket.startTls()
      }
      if (target.security !== 'none') {
        const problem = blockingTlsProblem(socket, now())
        if (problem)
          return fail({ kind: 'probe', code: problem, detail: 'the password was not sent' })
        input.passed('tls')
      }
      step = 'login'
      input.entering('dialogue')
      await io.send(`USER ${input.username}`, `USER ${HIDDEN_LINE}`)
      const user = await io.read()
      if (!/^\+OK\b/i.test(user)) return fail({ kind: 'refused', reply: user })
      await io.send(`PASS ${input.password}`, `PASS ${HIDDEN_LINE}`)
      const pass = await io.read()
      if (!/^\+OK\b/i.test(pass)) return fail({ kind: 'refused', reply: pass })
      input.passed('login')
      await dialogue.quit(io).catch(() => undefined)
      return { ok: true, transcript: io.transcript }
    } catch (err) {
      const failure =
        err instanceof ProbeError
          ? err
          : new ProbeError('PROBE_FAILED', err instanceof Error ? err.message : String(err))
      return fail({ kind: 'probe', code: failure.code, detail: failure.detail ?? null })
    } finally {
      socket?.close()
    }
  }
