/**
 * @module
 * The POP3 dialogue (RFC 1939, CAPA and STLS from RFC 2449 / 2595): greeting, CAPA, STLS, QUIT.
 */
import { type LineIO, notThisProtocol, readUntil } from './line-io.ts'
import { type Dialogue, normaliseCapabilities } from './protocol.ts'
import { ProbeError } from '../errors/probe-error.ts'

const single = async (io: LineIO, command: string) => {
  await io.send(command)
  const line = await io.read()
  if (/^\+OK\b/i.test(line)) return { ok: true, line }
  if (/^-ERR\b/i.test(line)) return { ok: false, line }
  throw new ProbeError('PROTOCOL_ERROR', `unexpected reply to ${command}: ${line}`)
}

export const pop3Dialogue = (): Dialogue => ({
  name: 'POP3',
  async greeting(io) {
    const line = await io.read()
    if (/^\+OK\b/i.test(line)) return { line, capabilities: null }
    if (/^-ERR\b/i.test(line)) throw new ProbeError('SERVER_BUSY', line)
    throw notThisProtocol('POP3', line)
  },
  async capabilities(io) {
    const { ok } = await single(io, 'CAPA')
    // A server without CAPA (RFC 1939 only) answers -ERR: it has no extensions to list.
    if (!ok) return []
    const lines = await readUntil(io, (line) => line === '.')
    return normaliseCapabilities(
      lines.slice(0, -1).map((line) => (line.startsWith('..') ? line.slice(1) : line)),
    )
  },
  offersStartTls: (caps) => caps.includes('STLS'),
  async startTls(io) {
    const { ok, line } = await single(io, 'STLS')
    if (!ok) throw new ProbeError('STARTTLS_REFUSED', line)
  },
  authMechanisms: (caps) => {
    const sasl = caps.find((cap) => cap.startsWith('SASL'))
    const mechanisms = sasl ? sasl.split(' ').slice(1) : []
    return caps.includes('USER') ? [...mechanisms, 'USER'] : mechanisms
  },
  loginDisabled: () => false,
  async quit(io) {
    await io.send('QUIT')
  },
})
