/**
 * A scriptable fake IMAP, POP3 or SMTP server for the probe's unit tests, after ImapFlow's test
 * server: each protocol has a default command → reply map for the plaintext and the TLS phase
 * (mail-defaults.ts), and a test overrides only the lines it checks. Replies can be hostile too:
 * late, trickled, split across reads, followed by injected bytes, or followed by a drop.
 */
import type net from 'node:net'
import type tls from 'node:tls'
import { type FakeServer, startFakeServer, upgradeServerSocket } from './fake-server.ts'
import { MAIL_DEFAULTS } from './mail-defaults.ts'
import { type TestCert, sharedTestCert } from './test-cert.ts'

export type MailProtocol = 'imap' | 'pop3' | 'smtp'

/** One reply and what follows it. */
export interface Step {
  /** Lines separated by \n, each sent with CR LF; `{tag}` becomes the IMAP command's tag. */
  reply?: string
  /** Bytes sent as they are after the reply: a half line, garbage, a flood. */
  raw?: string | Buffer
  /** Silence before the first byte. */
  delayMs?: number
  /** Sends the bytes in pieces this long, `pauseMs` apart (a trickle; a line split over reads). */
  pieceBytes?: number
  pauseMs?: number
  /** Afterwards: start TLS (a STARTTLS go-ahead), end the connection, or reset it. */
  then?: 'starttls' | 'close' | 'reset'
}

export interface Command {
  line: string
  /** IMAP's tag; empty for POP3 and SMTP. */
  tag: string
  /** Upper-cased command name: CAPABILITY, EHLO, STLS, ... */
  verb: string
  /** True once the connection runs over TLS. */
  tls: boolean
}

/** What the server answers: text, a Step, a function of the command, or null for silence. */
export type Action = string | Step | null | ((command: Command) => string | Step | null)

export interface MailScript {
  /** The greeting (null: the server never speaks first). */
  greeting?: string | Step | null
  /** Replies before TLS, by verb; merged over the protocol's defaults. */
  plain?: Record<string, Action>
  /** Replies after TLS (implicit or STARTTLS), by verb; merged over the defaults. */
  secure?: Record<string, Action>
  /** The reply to a verb neither map has. */
  unknown?: Action
  /** Reads everything and never answers, not even the greeting: a black hole. */
  mute?: boolean
  /** TLS from the first byte (ports 993, 995, 465). */
  implicitTls?: boolean
  cert?: TestCert
}

export interface MailServer extends FakeServer {
  /** Every line received, over all connections, in order; `<TLS>` marks each completed upgrade. */
  received(): string[]
}

const parse = (protocol: MailProtocol, line: string, secure: boolean): Command => {
  const words = line.split(' ')
  const [tag, verb] = protocol === 'imap' ? [words[0] ?? '', words[1] ?? ''] : ['', words[0] ?? '']
  return { line, tag, verb: verb.toUpperCase(), tls: secure }
}

const toStep = (action: Action, command: Command | null): Step | null => {
  const value = typeof action === 'function' ? (command ? action(command) : null) : action
  return typeof value === 'string' ? { reply: value } : value
}

/**
 * @example
 * const server = await startMailServer('smtp', { plain: { EHLO: '250 fake.test' } })
 * // probe 127.0.0.1:server.port; every other command gets the default reply
 */
export const startMailServer = async (
  protocol: MailProtocol,
  script: MailScript = {},
): Promise<MailServer> => {
  const defaults = MAIL_DEFAULTS[protocol]
  const plain = { ...defaults.plain, ...script.plain }
  const secure = { ...defaults.secure, ...script.secure }
  const unknown = script.unknown === undefined ? defaults.unknown : script.unknown
  const greeting = script.greeting === undefined ? defaults.greeting : script.greeting
  const received: string[] = []

  const server = await startFakeServer((socket: net.Socket) => {
    let stream: net.Socket | tls.TLSSocket = socket
    let isTls = false
    let buffered = ''
    let queue = Promise.resolve()
    const timers = new Set<ReturnType<typeof setTimeout>>()
    socket.on('close', () => timers.forEach(clearTimeout))
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => (timers.delete(timer), resolve()), ms)
        timers.add(timer)
      })
    const write = (bytes: Buffer) =>
      new Promise<void>((resolve) =>
        stream.destroyed ? resolve() : stream.write(bytes, () => resolve()),
      )

    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('latin1')
      for (let nl = buffered.indexOf('\n'); nl !== -1; nl = buffered.indexOf('\n')) {
        const line = buffered.slice(0, nl).replace(/\r$/, '')
        buffered = buffered.slice(nl + 1)
        received.push(line)
        const command = parse(protocol, line, isTls)
        const map = isTls ? secure : plain
        const action = Object.hasOwn(map, command.verb) ? (map[command.verb] ?? null) : unknown
        queue = queue.then(() => perform(toStep(action, command), command.tag))
      }
    }

    const upgrade = () =>
      new Promise<void>((resolve) => {
        stream.off('data', onData)
        buffered = ''
        const secureStream = upgradeServerSocket(socket, script.cert ?? sharedTestCert())
        secureStream.once('secure', () => {
          isTls = true
          received.push('<TLS>')
          resolve()
        })
        secureStream.on('data', onData)
        stream = secureStream
      })

    const perform = async (step: Step | null, tag: string) => {
      if (!step || script.mute) return
      if (step.delayMs) await sleep(step.delayMs)
      const text =
        step.reply === undefined
          ? ''
          : `${step.reply.replaceAll('{tag}', tag).split(/\r?\n/).join('\r\n')}\r\n`
      const raw =
        typeof step.raw === 'string' ? Buffer.from(step.raw) : (step.raw ?? Buffer.alloc(0))
      const bytes = Buffer.concat([Buffer.from(text), raw])
      const piece = step.pieceBytes ?? bytes.length
      for (let at = 0; at < bytes.length && !stream.destroyed; at += piece) {
        await write(bytes.subarray(at, at + piece))
        if (step.pauseMs && at + piece < bytes.length) await sleep(step.pauseMs)
      }
      if (step.then === 'starttls') await upgrade()
      else if (step.then === 'close') stream.end()
      else if (step.then === 'reset') socket.resetAndDestroy()
    }

    socket.on('data', onData)
    queue = (script.implicitTls ? upgrade() : Promise.resolve()).then(() =>
      perform(toStep(greeting, null), ''),
    )
  })
  return { ...server, received: () => [...received] }
}
