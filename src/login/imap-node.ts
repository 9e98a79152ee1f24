/**
 * @module
 * The IMAP login attempt through imapflow: connect to the guard's pinned address (SNI and the
 * certificate check by host name, `rejectUnauthorized`, so no password follows a bad
 * certificate), STARTTLS required on 143, ID sent when the server offers it (imapflow's
 * startSession sends ID before LOGIN: NetEase refuses SELECT with "Unsafe Login" without it),
 * LOGIN/AUTHENTICATE, then INBOX opened read-only (EXAMINE), as a mail client would.
 */
import net from 'node:net'
import { Readable } from 'node:stream'
import { ImapFlow, type ImapFlowOptions, type Logger } from 'imapflow'
import type { TranscriptEntry } from '../probes/line-io.ts'
import { type ByteTail, createByteTail, undamaged } from './byte-tail.ts'
import { field, probeCodeOf } from './library-errors.ts'
import { HIDDEN_LINE } from './pop3-dialogue.ts'
import type { AttemptOutcome, LoginAttempt, LoginStepName } from './types.ts'

export interface NodeAttemptOptions {
  /** Trusted CAs: Node's roots plus MAILSETUP_EXTRA_CA. */
  ca?: string[]
  /** What the attempt says in IMAP ID and SMTP EHLO. */
  clientName: string
}

/** Bytes a login session may read: the greeting, capabilities, ID and the EXAMINE answer. */
const MAX_RESPONSE_BYTES = 256 * 1024
const MAX_TRANSCRIPT = 60

/** imapflow's command log with the credentials gone: LOGIN and AUTHENTICATE keep only their verb. */
const transcriptLine = (src: string, msg: string): TranscriptEntry => {
  const login = /^(\S+\s+(?:LOGIN|AUTHENTICATE))\b/i.exec(msg)
  return {
    dir: src === 'c' ? 'C' : 'S',
    line: src === 'c' && login ? `${login[1]} ${HIDDEN_LINE}` : msg.slice(0, 300),
  }
}

/** A tagged refusal line, as the byte tail finds it (the tag is dropped from the reply). */
const TAGGED_REFUSAL = /^\S+ (?:NO|BAD)\b/i

/** imapflow's current socket (not in its types): the session's, replaced after STARTTLS. */
const socketOf = (client: ImapFlow): Readable | null => {
  const socket: unknown = Reflect.get(client, 'socket')
  return socket instanceof Readable ? socket : null
}

/**
 * @example
 * const imap = createImapAttempt({ ca: [labCa], clientName: 'mailsetup' })
 */
export const createImapAttempt =
  (options: NodeAttemptOptions): LoginAttempt =>
  async (input) => {
    const { target } = input
    const transcript: TranscriptEntry[] = []
    let step = 'connect' as LoginStepName
    let greeted = false
    // imapflow reads replies as UTF-8; a copy of the bytes lets a GBK refusal be decoded.
    let tail = createByteTail()
    const tap = () => {
      const own = createByteTail()
      tail = own
      socketOf(client)?.on('data', (chunk: Buffer) => own.add(chunk))
    }
    const sink = (entry: unknown) => {
      const src = field(entry, 'src')
      const msg = field(entry, 'msg') ?? ''
      if ((src === 's' || src === 'c') && transcript.length < MAX_TRANSCRIPT) {
        transcript.push(transcriptLine(src, msg))
      }
      // The greeting came: from now on a stall is the dialogue's.
      if (src === 's' && !greeted) {
        greeted = true
        input.entering('dialogue')
      }
      if (msg.startsWith('Established') && msg.includes('TCP connection')) {
        tap()
        input.passed('connect')
        step = target.security === 'none' ? 'login' : 'tls'
        if (target.security === 'tls') {
          input.passed('tls')
          step = 'login'
        }
        input.entering('greeting')
      } else if (msg === 'Established TLS session') {
        tap()
        input.passed('tls')
        step = 'login'
        input.entering('dialogue')
      }
    }
    const logger: Logger = { debug: sink, info: sink, warn: sink, error: sink, trace: () => {} }
    const servername = net.isIP(target.host) ? undefined : target.host
    const budget = Math.max(1_000, input.remainingMs())
    const settings: ImapFlowOptions = {
      host: target.address,
      port: target.port,
      secure: target.security === 'tls',
      servername,
      doSTARTTLS:
        target.security === 'starttls' ? true : target.security === 'none' ? false : undefined,
      auth: { user: input.username, pass: input.password },
      clientInfo: { name: options.clientName, vendor: options.clientName },
      logger,
      disableAutoIdle: true,
      disableCompression: true,
      disableAutoEnable: true,
      tls: {
        servername,
        rejectUnauthorized: true,
        ca: options.ca,
        minVersion: 'TLSv1',
      },
      connectionTimeout: budget,
      greetingTimeout: budget,
      socketTimeout: budget,
      maxLineLength: 64 * 1024,
      maxLiteralSize: 64 * 1024,
      maxResponseSize: MAX_RESPONSE_BYTES,
    }
    const client = new ImapFlow(settings)
    // imapflow also emits connection errors as events; the awaited call reports them.
    client.on('error', () => undefined)
    const onAbort = () => client.close()
    input.signal.addEventListener('abort', onAbort, { once: true })
    input.entering('connect')
    try {
      await client.connect()
      if (step !== 'login') {
        // No log line marked the phases (a transport without them): mark them now.
        input.passed('connect')
        if (target.security !== 'none') input.passed('tls')
      }
      input.passed('login')
      step = 'mailbox'
      input.entering('dialogue')
      try {
        await client.mailboxOpen('INBOX', { readOnly: true })
      } catch (err) {
        if (input.signal.aborted) throw err
        return {
          ok: false,
          step,
          failure: { kind: 'mailbox', reply: replyOf(err, tail) },
          transcript,
        }
      }
      input.passed('mailbox')
      await client.logout().catch(() => undefined)
      return { ok: true, transcript }
    } catch (err) {
      return { ok: false, step, failure: failureOf(err, input.signal, tail), transcript }
    } finally {
      input.signal.removeEventListener('abort', onAbort)
      client.close()
    }
  }

/**
 * The server's text: the whole tagged answer (with its [CODE]) when imapflow kept it, decoded
 * from the bytes when imapflow's UTF-8 reading lost some.
 */
const replyOf = (err: unknown, tail: ByteTail): string => {
  const text =
    field(err, 'response') ??
    field(err, 'responseText') ??
    (err instanceof Error ? err.message : 'the server refused')
  return undamaged(text, tail, TAGGED_REFUSAL).replace(/^\S+ (?=(?:NO|BAD)\b)/i, '')
}

const failureOf = (
  err: unknown,
  signal: AbortSignal,
  tail: ByteTail,
): Extract<AttemptOutcome, { ok: false }>['failure'] => {
  // The runner's deadline rejects first and names the phase; this answer is not read then.
  if (signal.aborted) return { kind: 'probe', code: 'RESPONSE_TIMEOUT', detail: 'aborted' }
  if (
    typeof err === 'object' &&
    err !== null &&
    (err as { authenticationFailed?: unknown }).authenticationFailed
  ) {
    return { kind: 'refused', reply: replyOf(err, tail) }
  }
  const code = field(err, 'code')
  const network = probeCodeOf(code) ?? probeCodeOf(field(err, 'originalCode'))
  if (network) return { kind: 'probe', code: network, detail: code ?? null }
  const message = err instanceof Error ? err.message : String(err)
  if (/login is disabled/i.test(message)) return { kind: 'refused', reply: message }
  if (code === 'GREETING_TIMEOUT')
    return { kind: 'probe', code: 'GREETING_TIMEOUT', detail: message }
  if (code === 'CONNECT_TIMEOUT') return { kind: 'probe', code: 'TCP_TIMEOUT', detail: message }
  if (code === 'UPGRADE_TIMEOUT') return { kind: 'probe', code: 'TLS_HANDSHAKE', detail: message }
  if (code === 'STARTTLS_INJECTION')
    return { kind: 'probe', code: 'STARTTLS_INJECTION', detail: message }
  if (code === 'NoConnection' || code === 'EConnectionClosed' || /closed/i.test(message)) {
    return { kind: 'probe', code: 'CONNECTION_CLOSED', detail: message }
  }
  if (/STARTTLS/i.test(message))
    return { kind: 'probe', code: 'STARTTLS_UNSUPPORTED', detail: message }
  if ((err as { tlsFailed?: unknown }).tlsFailed) {
    return { kind: 'probe', code: 'TLS_HANDSHAKE', detail: message }
  }
  return { kind: 'probe', code: 'PROTOCOL_ERROR', detail: message }
}
