/**
 * The IMAP dialogue (src/probes/imap.ts) through the real probe engine and the Node socket,
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
  server = await startMailServer('imap', { implicitTls: security === 'tls', ...script })
  const { result } = await probeFake(server.port, 'imap', security)
  return { result, received: await settled(server) }
}

describe('IMAP dialogue', () => {
  it('plaintext: reads the greeting, asks CAPABILITY, logs out, and says TLS was not used', async () => {
    const { result, received } = await probe('none')
    expect(result.greeting).toBe('* OK fake IMAP ready')
    expect(received).toEqual(['P1 CAPABILITY', 'P2 LOGOUT'])
    expect(result.capabilities).toEqual({
      beforeTls: ['IMAP4REV1', 'STARTTLS', 'LOGINDISABLED'],
      afterTls: [],
    })
    expect(result.code).toBe('TLS_NOT_USED')
    // LOGINDISABLED before TLS: no way to log in on this connection.
    expect(result.problems).toContain('LOGIN_DISABLED')
    expect(result.auth).toEqual([])
    expect(result.tls).toBeNull()
  })

  it('STARTTLS: upgrades, asks CAPABILITY again over TLS, and reports the mechanisms offered there', async () => {
    const { result, received } = await probe('starttls')
    expect(received).toEqual([
      'P1 CAPABILITY',
      'P2 STARTTLS',
      '<TLS>',
      'P3 CAPABILITY',
      'P4 LOGOUT',
    ])
    expect(result.capabilities.beforeTls).toEqual(['IMAP4REV1', 'STARTTLS', 'LOGINDISABLED'])
    expect(result.capabilities.afterTls).toEqual(['IMAP4REV1', 'AUTH=PLAIN', 'AUTH=LOGIN'])
    expect(result.auth).toEqual(['PLAIN', 'LOGIN'])
    expect(result).toMatchObject({ status: 'ok', code: null, problems: [] })
    expect(result.tls).toMatchObject({ trusted: true, hostnameMatch: true })
    expect(result.tls?.certificate?.subject).toBe('fake.test')
    expect(result.transcript).toContainEqual({ dir: '*', line: 'TLS handshake' })
  })

  it('implicit TLS: the greeting and CAPABILITY come over TLS, nothing before it', async () => {
    const { result, received } = await probe('tls')
    expect(received).toEqual(['<TLS>', 'P1 CAPABILITY', 'P2 LOGOUT'])
    expect(result.capabilities).toEqual({
      beforeTls: [],
      afterTls: ['IMAP4REV1', 'AUTH=PLAIN', 'AUTH=LOGIN'],
    })
    expect(result).toMatchObject({ status: 'ok', code: null, greeting: '* OK fake IMAP ready' })
    expect(result.tls?.protocol).toMatch(/^TLSv1\.[23]$/)
  })

  it('capabilities in the greeting are used as they are: no CAPABILITY command before TLS', async () => {
    const { result, received } = await probe('starttls', {
      greeting: '* OK [CAPABILITY IMAP4rev1 SASL-IR STARTTLS LOGINDISABLED] Dovecot ready.',
    })
    expect(received).toEqual(['P1 STARTTLS', '<TLS>', 'P2 CAPABILITY', 'P3 LOGOUT'])
    expect(result.capabilities.beforeTls).toEqual([
      'IMAP4REV1',
      'SASL-IR',
      'STARTTLS',
      'LOGINDISABLED',
    ])
    expect(result.status).toBe('ok')
  })

  it('LOGINDISABLED still there after TLS: LOGIN_DISABLED and no mechanisms', async () => {
    const { result } = await probe('starttls', {
      secure: { CAPABILITY: '* CAPABILITY IMAP4rev1 AUTH=PLAIN LOGINDISABLED\n{tag} OK done' },
    })
    expect(result.problems).toContain('LOGIN_DISABLED')
    expect(result.auth).toEqual([])
  })

  it('a capability list in several untagged lines, in any case, is merged and de-duplicated', async () => {
    const { result } = await probe('tls', {
      secure: {
        CAPABILITY:
          '* CAPABILITY IMAP4rev1 auth=plain\n* CAPABILITY AUTH=PLAIN AUTH=XOAUTH2  IDLE\n{tag} OK done',
      },
    })
    expect(result.capabilities.afterTls).toEqual([
      'IMAP4REV1',
      'AUTH=PLAIN',
      'AUTH=XOAUTH2',
      'IDLE',
    ])
    expect(result.auth).toEqual(['PLAIN', 'XOAUTH2'])
  })

  it('STARTTLS not offered: STARTTLS_UNSUPPORTED, and the command is never sent', async () => {
    const { result, received } = await probe('starttls', {
      plain: { CAPABILITY: '* CAPABILITY IMAP4rev1 AUTH=PLAIN\n{tag} OK done' },
    })
    expect(result.code).toBe('STARTTLS_UNSUPPORTED')
    expect(received).not.toContain('P2 STARTTLS')
    expect(result.capabilities.afterTls).toEqual([])
  })

  it('STARTTLS answered NO: STARTTLS_REFUSED with the server line', async () => {
    const { result } = await probe('starttls', {
      plain: { STARTTLS: '{tag} NO [UNAVAILABLE] TLS not available now' },
    })
    expect(result.code).toBe('STARTTLS_REFUSED')
    expect(result.detail).toBe('P2 NO [UNAVAILABLE] TLS not available now')
    expect(result.tls).toBeNull()
  })

  it('PREAUTH is a greeting too', async () => {
    const { result } = await probe('none', { greeting: '* PREAUTH welcome back' })
    expect(result.greeting).toBe('* PREAUTH welcome back')
    expect(result.code).toBe('TLS_NOT_USED')
  })

  it('a BYE greeting is SERVER_BUSY', async () => {
    const { result } = await probe('none', {
      greeting: { reply: '* BYE Too many connections', then: 'close' },
    })
    expect(result.code).toBe('SERVER_BUSY')
    expect(result.detail).toBe('* BYE Too many connections')
  })

  it('an SMTP banner on the IMAP port is NOT_THIS_PROTOCOL naming SMTP', async () => {
    const { result } = await probe('none', { greeting: '220 mail.example.com ESMTP' })
    expect(result.code).toBe('NOT_THIS_PROTOCOL')
    expect(result.detail).toBe('expected IMAP, found SMTP')
  })

  it('CAPABILITY answered BAD is a PROTOCOL_ERROR', async () => {
    const { result } = await probe('none', { plain: { CAPABILITY: '{tag} BAD not now' } })
    expect(result.code).toBe('PROTOCOL_ERROR')
    expect(result.detail).toBe('CAPABILITY answered BAD')
  })

  it('a tagged reply that is neither OK, NO nor BAD is a PROTOCOL_ERROR', async () => {
    const { result } = await probe('none', { plain: { CAPABILITY: '{tag} MAYBE later' } })
    expect(result.code).toBe('PROTOCOL_ERROR')
    expect(result.detail).toBe('unexpected reply to CAPABILITY: P1 MAYBE later')
  })

  it('a BYE in the middle of the dialogue is CONNECTION_CLOSED quoting it', async () => {
    const { result } = await probe('none', {
      plain: { CAPABILITY: { reply: '* BYE Autologout; idle for too long', then: 'close' } },
    })
    expect(result.code).toBe('CONNECTION_CLOSED')
    expect(result.detail).toBe('server said: * BYE Autologout; idle for too long')
  })

  it('a server that drops the connection after STARTTLS without answering: CONNECTION_CLOSED', async () => {
    const { result } = await probe('starttls', { plain: { STARTTLS: { then: 'close' } } })
    expect(result.code).toBe('CONNECTION_CLOSED')
  })

  it('a server that never answers CAPABILITY: RESPONSE_TIMEOUT at the deadline', async () => {
    const { result } = await probe('none', { plain: { CAPABILITY: null } })
    expect(result.code).toBe('RESPONSE_TIMEOUT')
    expect(result.detail).toBe('no progress within 2000 ms (dialogue)')
  })

  it('numbers each command with its own tag and never sends LOGIN or AUTHENTICATE', async () => {
    const { received } = await probe('starttls')
    const tags = received.filter((line) => line !== '<TLS>').map((line) => line.split(' ')[0])
    expect(tags).toEqual(['P1', 'P2', 'P3', 'P4'])
    expect(received.some((line) => /\b(LOGIN|AUTHENTICATE)\b/i.test(line))).toBe(false)
  })
})
