/**
 * @module
 * The SMTP dialogue (RFC 5321, STARTTLS RFC 3207, AUTH RFC 4954): greeting, EHLO, STARTTLS,
 * EHLO again, QUIT.
 */
import { type LineIO, notThisProtocol, readUntil } from './line-io.ts'
import { type Dialogue, normaliseCapabilities } from './protocol.ts'
import { ProbeError } from '../errors/probe-error.ts'

/** The name the probe gives in EHLO; `.invalid` says plainly that it is not a mail host. */
export const DEFAULT_EHLO_NAME = 'probe.mailsetup.invalid'

interface Reply {
  code: number
  lines: string[]
}

const REPLY_LINE = /^(\d{3})([ -])(.*)$/

const readReply = async (io: LineIO, phase: 'greeting' | 'dialogue'): Promise<Reply> => {
  let code: string | undefined
  const lines = await readUntil(io, (line) => {
    const match = REPLY_LINE.exec(line)
    if (!match || (code && match[1] !== code)) {
      throw phase === 'greeting'
        ? notThisProtocol('SMTP', line)
        : new ProbeError('PROTOCOL_ERROR', `malformed SMTP reply: ${line}`)
    }
    code = match[1]
    return match[2] === ' '
  })
  return { code: Number(code), lines: lines.map((line) => line.slice(4)) }
}

export const smtpDialogue = (ehloName: string = DEFAULT_EHLO_NAME): Dialogue => ({
  name: 'SMTP',
  async greeting(io) {
    const first = await io.read()
    // Check the first line before reading on, so an HTTP or IMAP banner is named as such.
    const match = REPLY_LINE.exec(first)
    if (!match) throw notThisProtocol('SMTP', first)
    const rest = match[2] === '-' ? await readReply(io, 'greeting') : null
    const line = rest ? [first, ...rest.lines.map((l) => `${match[1]} ${l}`)].join('\n') : first
    const code = Number(match[1])
    if (code === 220) return { line, capabilities: null }
    if (code === 421) throw new ProbeError('SERVER_BUSY', first)
    if (code >= 500) throw new ProbeError('SERVER_REJECTED', first)
    throw new ProbeError('PROTOCOL_ERROR', `unexpected greeting: ${first}`)
  },
  async capabilities(io) {
    await io.send(`EHLO ${ehloName}`)
    const ehlo = await readReply(io, 'dialogue')
    if (ehlo.code === 250) return normaliseCapabilities(ehlo.lines.slice(1))
    if (ehlo.code === 421) throw new ProbeError('SERVER_BUSY', ehlo.lines[0])
    // An old server without ESMTP: HELO works, and there are no extensions.
    await io.send(`HELO ${ehloName}`)
    const helo = await readReply(io, 'dialogue')
    if (helo.code !== 250) throw new ProbeError('PROTOCOL_ERROR', `HELO answered ${helo.code}`)
    return []
  },
  offersStartTls: (caps) => caps.includes('STARTTLS'),
  async startTls(io) {
    await io.send('STARTTLS')
    const reply = await readReply(io, 'dialogue')
    if (reply.code !== 220)
      throw new ProbeError('STARTTLS_REFUSED', `${reply.code} ${reply.lines[0] ?? ''}`)
  },
  authMechanisms: (caps) => {
    const line = caps.find((cap) => cap.startsWith('AUTH ') || cap.startsWith('AUTH='))
    return line ? [...new Set(line.slice(5).split(' ').filter(Boolean))] : []
  },
  loginDisabled: () => false,
  async quit(io) {
    await io.send('QUIT')
  },
})
