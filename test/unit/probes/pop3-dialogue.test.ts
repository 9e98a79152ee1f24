/**
 * The POP3 dialogue (src/probes/pop3.ts) through the real probe engine and the Node socket,
 * against the scripted fake server: each test overrides only the replies it is about.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { type MailScript, type MailServer, startMailServer } from '../../fake/mail-server.ts'
import { probeFake, settled } from '../../fake/probe-fake.ts'
import type { Security } from '../../../src/model/domain.ts'

let server: MailServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

const probe = async (security: Security, script: MailScript = {}) => {
  server = await startMailServer('pop3', { implicitTls: security === 'tls', ...script })
  const { result } = await probeFake(server.port, 'pop3', security)
  return { result, received: await settled(server) }
}

describe('POP3 dialogue', () => {
  it('plaintext: greeting, CAPA, QUIT; USER is a login, and TLS was not used', async () => {
    const { result, received } = await probe('none')
    expect(result.greeting).toBe('+OK fake POP3 ready')
    expect(received).toEqual(['CAPA', 'QUIT'])
    expect(result.capabilities).toEqual({
      beforeTls: ['TOP', 'USER', 'STLS', 'UIDL'],
      afterTls: [],
    })
    expect(result.auth).toEqual(['USER'])
    expect(result.code).toBe('TLS_NOT_USED')
  })

  it('STLS: upgrades, asks CAPA again, and lists the SASL mechanisms offered over TLS', async () => {
    const { result, received } = await probe('starttls')
    expect(received).toEqual(['CAPA', 'STLS', '<TLS>', 'CAPA', 'QUIT'])
    expect(result.capabilities.afterTls).toEqual(['TOP', 'USER', 'SASL PLAIN LOGIN', 'UIDL'])
    expect(result.auth).toEqual(['PLAIN', 'LOGIN', 'USER'])
    expect(result).toMatchObject({ status: 'ok', code: null, problems: [] })
    expect(result.tls).toMatchObject({ trusted: true, hostnameMatch: true })
  })

  it('implicit TLS: everything over TLS from the first byte', async () => {
    const { result, received } = await probe('tls')
    expect(received).toEqual(['<TLS>', 'CAPA', 'QUIT'])
    expect(result).toMatchObject({ status: 'ok', code: null, greeting: '+OK fake POP3 ready' })
    expect(result.capabilities.beforeTls).toEqual([])
  })

  it('a server without CAPA (RFC 1939 only) has no extensions: PLAINTEXT_ONLY', async () => {
    const { result } = await probe('none', { plain: { CAPA: '-ERR unknown command' } })
    expect(result.capabilities.beforeTls).toEqual([])
    expect(result.code).toBe('PLAINTEXT_ONLY')
    expect(result.auth).toEqual([])
  })

  it('without CAPA, STARTTLS cannot be asked for: STARTTLS_UNSUPPORTED and no STLS sent', async () => {
    const { result, received } = await probe('starttls', { plain: { CAPA: '-ERR what' } })
    expect(result.code).toBe('STARTTLS_UNSUPPORTED')
    expect(received).toEqual(['CAPA'])
  })

  it('undoes dot-stuffing in the capability list', async () => {
    const { result } = await probe('none', { plain: { CAPA: '+OK\nUSER\n..X-DOTTED\n.' } })
    expect(result.capabilities.beforeTls).toEqual(['USER', '.X-DOTTED'])
  })

  it('STLS answered -ERR: STARTTLS_REFUSED with the server line', async () => {
    const { result } = await probe('starttls', { plain: { STLS: '-ERR TLS is disabled here' } })
    expect(result.code).toBe('STARTTLS_REFUSED')
    expect(result.detail).toBe('-ERR TLS is disabled here')
  })

  it('a -ERR greeting is SERVER_BUSY', async () => {
    const { result } = await probe('none', { greeting: '-ERR too many connections' })
    expect(result.code).toBe('SERVER_BUSY')
  })

  it('an IMAP greeting on the POP3 port is NOT_THIS_PROTOCOL naming IMAP', async () => {
    const { result } = await probe('none', { greeting: '* OK [CAPABILITY IMAP4rev1] ready' })
    expect(result.code).toBe('NOT_THIS_PROTOCOL')
    expect(result.detail).toBe('expected POP3, found IMAP')
  })

  it('a reply to CAPA that is neither +OK nor -ERR is a PROTOCOL_ERROR', async () => {
    const { result } = await probe('none', { plain: { CAPA: '250 what' } })
    expect(result.code).toBe('PROTOCOL_ERROR')
    expect(result.detail).toBe('unexpected reply to CAPA: 250 what')
  })

  it('a server that resets the connection after STLS: CONNECTION_CLOSED', async () => {
    const { result } = await probe('starttls', { plain: { STLS: { then: 'reset' } } })
    expect(result.code).toBe('CONNECTION_CLOSED')
    expect(result.tls).toBeNull()
  })

  it('a capability list that never ends: RESPONSE_TIMEOUT at the deadline', async () => {
    const { result } = await probe('none', { plain: { CAPA: '+OK\nUSER' } })
    expect(result.code).toBe('RESPONSE_TIMEOUT')
  })
})
