/**
 * @module
 * The IMAP dialogue (RFC 9051 / 3501): greeting, CAPABILITY, STARTTLS, LOGOUT.
 */
import { type LineIO, notThisProtocol, readUntil } from './line-io.ts'
import { type Dialogue, normaliseCapabilities } from './protocol.ts'
import { ProbeError } from '../errors/probe-error.ts'

const capabilityCode = (line: string): string[] | null => {
  const match = /\[CAPABILITY ([^\]]*)\]/i.exec(line)
  return match?.[1] ? normaliseCapabilities(match[1].split(' ')) : null
}

const createImap = (): Dialogue => {
  let tag = 0
  const command = async (io: LineIO, text: string) => {
    const id = `P${++tag}`
    await io.send(`${id} ${text}`)
    const lines = await readUntil(
      io,
      (line) => line.startsWith(`${id} `) || /^\* BYE\b/i.test(line),
    )
    const last = lines[lines.length - 1] ?? ''
    if (/^\* BYE\b/i.test(last)) throw new ProbeError('CONNECTION_CLOSED', `server said: ${last}`)
    const status = /^\S+ (OK|NO|BAD)\b/i.exec(last)?.[1]?.toUpperCase()
    if (!status) throw new ProbeError('PROTOCOL_ERROR', `unexpected reply to ${text}: ${last}`)
    return { status, lines }
  }

  return {
    name: 'IMAP',
    async greeting(io) {
      const line = await io.read()
      if (/^\* (OK|PREAUTH)\b/i.test(line)) return { line, capabilities: capabilityCode(line) }
      if (/^\* BYE\b/i.test(line)) throw new ProbeError('SERVER_BUSY', line)
      throw notThisProtocol('IMAP', line)
    },
    async capabilities(io) {
      const { status, lines } = await command(io, 'CAPABILITY')
      if (status !== 'OK') throw new ProbeError('PROTOCOL_ERROR', `CAPABILITY answered ${status}`)
      const caps = lines
        .filter((line) => /^\* CAPABILITY /i.test(line))
        .flatMap((line) => line.slice('* CAPABILITY '.length).split(' '))
      return normaliseCapabilities(caps)
    },
    offersStartTls: (caps) => caps.includes('STARTTLS'),
    async startTls(io) {
      const { status, lines } = await command(io, 'STARTTLS')
      if (status !== 'OK') throw new ProbeError('STARTTLS_REFUSED', lines[lines.length - 1])
    },
    authMechanisms: (caps) =>
      caps.includes('LOGINDISABLED')
        ? []
        : caps.filter((cap) => cap.startsWith('AUTH=')).map((cap) => cap.slice(5)),
    loginDisabled: (caps) => caps.includes('LOGINDISABLED'),
    async quit(io) {
      await io.send(`P${++tag} LOGOUT`)
    },
  }
}

/** A fresh IMAP dialogue (it numbers its own command tags). */
export const imapDialogue = createImap
