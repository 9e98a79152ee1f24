/**
 * @module
 * The SMTP AUTH attempt through nodemailer's SMTPConnection: the steps of its transport's
 * `verify()` (connect, EHLO, STARTTLS, AUTH, QUIT), taken one by one so that each phase is a
 * step, and so that a server that offers no AUTH is reported as such (verify() calls that a
 * success without sending AUTH). It connects to the guard's pinned address with SNI and the
 * certificate check by host name; STARTTLS is required on 587, so no password goes out in
 * plaintext or after a bad certificate.
 */
import net from 'node:net'
import SMTPConnection from 'nodemailer/lib/smtp-connection'
import type { TranscriptEntry } from '../probes/line-io.ts'
import { field, probeCodeOf } from './library-errors.ts'
import type { NodeAttemptOptions } from './imap-node.ts'
import { HIDDEN_LINE } from './pop3-dialogue.ts'
import { fromByteContainer } from '../util/server-text.ts'
import type { AttemptFailure, LoginAttempt, LoginStepName } from './types.ts'

const MAX_TRANSCRIPT = 60

/** nodemailer's transaction log, with AUTH lines and their base64 continuations hidden. */
const transcriptSink = (transcript: TranscriptEntry[]) => {
  let inAuth = false
  return (entry: unknown, text: string) => {
    const tnx = field(entry, 'tnx')
    if ((tnx !== 'client' && tnx !== 'server') || transcript.length >= MAX_TRANSCRIPT) return
    const line = fromByteContainer(text).replace(/\r?\n$/, '')
    if (tnx === 'client') {
      if (/^AUTH\b/i.test(line)) inAuth = true
      transcript.push({ dir: 'C', line: inAuth ? `AUTH ${HIDDEN_LINE}` : line.slice(0, 300) })
    } else {
      if (!line.startsWith('334')) inAuth = false
      transcript.push({ dir: 'S', line: line.slice(0, 300) })
    }
  }
}

/** nodemailer logs with printf-style arguments; only `%s` and `%d` appear in its messages. */
const format = (message: unknown, args: unknown[]) => {
  let index = 0
  return String(message).replace(/%[sd]/g, () => String(args[index++] ?? ''))
}

/**
 * @example
 * const smtp = createSmtpAttempt({ ca: [labCa], clientName: 'probe.mailsetup.invalid' })
 */
export const createSmtpAttempt =
  (options: NodeAttemptOptions): LoginAttempt =>
  async (input) => {
    const { target } = input
    const transcript: TranscriptEntry[] = []
    const sink = transcriptSink(transcript)
    let phase: 'connect' | 'greeting' | 'dialogue' = 'connect'
    const log = (entry: unknown, message: unknown, ...args: unknown[]) => {
      const text = format(message, args)
      // Name the phase a timeout would stop: connected (waiting for the greeting), then talking.
      const tnx = field(entry, 'tnx')
      if (phase === 'connect' && tnx === 'network' && /established/i.test(text)) phase = 'greeting'
      else if (tnx === 'server') phase = 'dialogue'
      input.entering(phase)
      sink(entry, text)
    }
    const servername = net.isIP(target.host) ? undefined : target.host
    const budget = Math.max(1_000, input.remainingMs())
    const connection = new SMTPConnection({
      host: target.address,
      port: target.port,
      secure: target.security === 'tls',
      requireTLS: target.security === 'starttls',
      ignoreTLS: target.security === 'none',
      servername,
      name: options.clientName,
      tls: { servername, rejectUnauthorized: true, ca: options.ca, minVersion: 'TLSv1' },
      connectionTimeout: budget,
      greetingTimeout: budget,
      socketTimeout: budget,
      maxResponseSize: 64 * 1024,
      transactionLog: true,
      logger: {
        level: () => undefined,
        trace: log,
        debug: log,
        info: log,
        warn: log,
        error: log,
        fatal: log,
      },
    })
    let step = 'connect' as LoginStepName
    let failed: unknown = null
    // A connection that ends or fails mid-command does not always call the command's callback
    // (a drop right after AUTH only emits 'end'): every step races this.
    let onGone: (err: unknown) => void = () => undefined
    const gone = new Promise<never>((_, reject) => {
      onGone = reject
    })
    gone.catch(() => undefined)
    connection.on('error', (err: unknown) => {
      failed ??= err
      onGone(err)
    })
    connection.on('end', () => onGone(failed ?? closedError()))
    const onAbort = () => connection.close()
    input.signal.addEventListener('abort', onAbort, { once: true })
    try {
      input.entering('connect')
      await Promise.race([
        gone,
        new Promise<void>((resolve, reject) => {
          connection.connect((err) => (err ? reject(err) : resolve()))
        }),
      ])
      input.passed('connect')
      if (target.security !== 'none') input.passed('tls')
      step = 'login'
      if (!connection.allowsAuth) {
        return {
          ok: false,
          step,
          failure: { kind: 'unsupported', reply: null },
          transcript,
        }
      }
      input.entering('dialogue')
      await Promise.race([
        gone,
        new Promise<void>((resolve, reject) => {
          connection.login({ user: input.username, pass: input.password }, (err) =>
            err ? reject(err) : resolve(),
          )
        }),
      ])
      input.passed('login')
      connection.quit()
      return { ok: true, transcript }
    } catch (err) {
      if (step === 'connect' && target.security !== 'none' && isTlsStep(err)) step = 'tls'
      return { ok: false, step, failure: failureOf(failed ?? err), transcript }
    } finally {
      input.signal.removeEventListener('abort', onAbort)
      connection.close()
    }
  }

const closedError = () =>
  Object.assign(new Error('the server closed the connection'), { code: 'ECONNECTION' })

const isTlsStep = (err: unknown) =>
  field(err, 'code') === 'ETLS' || probeCodeOf(field(err, 'originalCode'))?.startsWith('TLS_')

const failureOf = (err: unknown): AttemptFailure => {
  const code = field(err, 'code')
  const response = field(err, 'response')
  const reply = response ? fromByteContainer(response) : null
  const message = err instanceof Error ? err.message : String(err)
  if (code === 'EAUTH')
    return reply ? { kind: 'refused', reply } : { kind: 'unsupported', reply: null }
  const network = probeCodeOf(field(err, 'originalCode')) ?? probeCodeOf(code)
  if (network)
    return { kind: 'probe', code: network, detail: field(err, 'originalCode') ?? code ?? null }
  if (code === 'ETIMEDOUT') return { kind: 'probe', code: 'RESPONSE_TIMEOUT', detail: message }
  if (code === 'ETLS') {
    const starttls = /STARTTLS/i.test(message) && !/handshake/i.test(message)
    return {
      kind: 'probe',
      code: starttls ? 'STARTTLS_UNSUPPORTED' : 'TLS_HANDSHAKE',
      detail: message,
    }
  }
  if (code === 'ECONNECTION' || code === 'ESOCKET') {
    if (reply && /^(421|554)[ -]/.test(reply)) {
      return {
        kind: 'probe',
        code: reply.startsWith('421') ? 'SERVER_BUSY' : 'SERVER_REJECTED',
        detail: reply,
      }
    }
    return { kind: 'probe', code: 'CONNECTION_CLOSED', detail: message }
  }
  if (code === 'EPROTOCOL') return { kind: 'probe', code: 'PROTOCOL_ERROR', detail: message }
  return { kind: 'probe', code: 'PROBE_FAILED', detail: message }
}
