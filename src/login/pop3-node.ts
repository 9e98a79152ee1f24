/**
 * @module
 * The POP3 login attempt over implicit TLS (995) through node-pop3: TLS to the guard's pinned
 * address with SNI and the certificate checked by host name (a bad certificate fails the
 * handshake, so USER/PASS are never sent), then USER, PASS and QUIT.
 */
import net from 'node:net'
import Pop3Command from 'node-pop3'
import { type ByteTail, createByteTail, undamaged } from './byte-tail.ts'
import { field, probeCodeOf } from './library-errors.ts'
import type { NodeAttemptOptions } from './imap-node.ts'
import { HIDDEN_LINE } from './pop3-dialogue.ts'
import type { TranscriptEntry } from '../probes/line-io.ts'
import type { AttemptFailure, LoginAttempt, LoginStepName } from './types.ts'

/**
 * node-pop3 turns a `-ERR` line into an error whose message is the text after `-ERR `, read as
 * UTF-8; a GBK answer is decoded from the bytes instead.
 */
const refusal = (err: unknown, tail: ByteTail) =>
  undamaged(`-ERR ${err instanceof Error ? err.message : String(err)}`, tail, /^-ERR\b/i)

/**
 * @example
 * const pop3Tls = createPop3TlsAttempt({ ca: [labCa], clientName: 'mailsetup' })
 */
export const createPop3TlsAttempt =
  (options: NodeAttemptOptions): LoginAttempt =>
  async (input) => {
    const { target } = input
    const servername = net.isIP(target.host) ? undefined : target.host
    const pop3 = new Pop3Command({
      host: target.address,
      port: target.port,
      tls: true,
      servername,
      timeout: Math.max(1_000, input.remainingMs()),
      user: input.username,
      password: input.password,
      tlsOptions: { rejectUnauthorized: true, ca: options.ca, minVersion: 'TLSv1' },
    })
    const transcript: TranscriptEntry[] = []
    const tail = createByteTail()
    let step = 'connect' as LoginStepName
    // node-pop3 emits a server's -ERR as an 'error' event; without a listener it would throw.
    let rejectPending: ((err: unknown) => void) | null = null
    pop3.on('error', (err: unknown) => rejectPending?.(err))
    const pending = <T>(promise: Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        rejectPending = reject
        promise.then(resolve, reject)
      })
    const onAbort = () => pop3._socket?.destroy()
    input.signal.addEventListener('abort', onAbort, { once: true })
    try {
      input.entering('connect')
      await pending(pop3.connect())
      pop3._socket?.on('data', (chunk: Buffer) => tail.add(chunk))
      transcript.push({ dir: 'S', line: '+OK (greeting)' })
      input.passed('connect')
      input.passed('tls')
      step = 'login'
      input.entering('dialogue')
      transcript.push({ dir: 'C', line: `USER ${HIDDEN_LINE}` })
      await pending(pop3.command('USER', input.username))
      transcript.push({ dir: 'C', line: `PASS ${HIDDEN_LINE}` })
      const [info] = await pending(pop3.command('PASS', input.password))
      transcript.push({ dir: 'S', line: `+OK ${info}`.slice(0, 300) })
      input.passed('login')
      await pending(pop3.command('QUIT')).catch(() => undefined)
      return { ok: true, transcript }
    } catch (err) {
      const failure = failureOf(err, step, tail)
      if (failure.kind === 'refused')
        transcript.push({ dir: 'S', line: failure.reply.slice(0, 300) })
      if (step === 'connect' && failure.kind === 'probe' && failure.code.startsWith('TLS_'))
        step = 'tls'
      return { ok: false, step, failure, transcript }
    } finally {
      input.signal.removeEventListener('abort', onAbort)
      pop3._socket?.destroy()
    }
  }

const failureOf = (err: unknown, step: LoginStepName, tail: ByteTail): AttemptFailure => {
  const eventName = field(err, 'eventName')
  const code = probeCodeOf(field(err, 'code'))
  if (code) return { kind: 'probe', code, detail: field(err, 'code') ?? null }
  if (eventName === 'error' && !field(err, 'code')) {
    // A -ERR line: to USER or PASS it is the login's refusal; as the greeting, a busy server.
    return step === 'login'
      ? { kind: 'refused', reply: refusal(err, tail) }
      : { kind: 'probe', code: 'SERVER_BUSY', detail: refusal(err, tail) }
  }
  if (eventName === 'timeout') {
    return {
      kind: 'probe',
      code: step === 'connect' ? 'GREETING_TIMEOUT' : 'RESPONSE_TIMEOUT',
      detail: null,
    }
  }
  if (eventName === 'close' || eventName === 'end') {
    return { kind: 'probe', code: 'CONNECTION_CLOSED', detail: eventName }
  }
  if (eventName === 'bad-server-response') {
    return { kind: 'probe', code: 'NOT_THIS_PROTOCOL', detail: 'expected POP3' }
  }
  return { kind: 'probe', code: 'PROBE_FAILED', detail: err instanceof Error ? err.message : null }
}
