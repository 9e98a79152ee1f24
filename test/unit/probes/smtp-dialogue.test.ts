/**
 * The SMTP dialogue (src/probes/smtp.ts) through the real probe engine and the Node socket,
 * against the scripted fake server: each test overrides only the replies it is about.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { type MailScript, type MailServer, startMailServer } from '../../fake/mail-server.ts'
import { probeFake, settled } from '../../fake/probe-fake.ts'
import type { ProbeDeps } from '../../../src/probes/probe.ts'
import type { Security } from '../../../src/model/domain.ts'

let server: MailServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

const probe = async (
  security: Security,
  script: MailScript = {},
  deps: Partial<ProbeDeps> = {},
) => {
  server = await startMailServer('smtp', { implicitTls: security === 'tls', ...script })
  const { result } = await probeFake(server.port, 'smtp', security, deps)
  return { result, received: await settled(server) }
}

const EHLO = 'EHLO probe.mailsetup.invalid'

describe('SMTP dialogue', () => {
  it('plaintext: greeting, EHLO with the .invalid name, QUIT; no AUTH before TLS', async () => {
    const { result, received } = await probe('none')
    expect(result.greeting).toBe('220 fake.test ESMTP ready')
    expect(received).toEqual([EHLO, 'QUIT'])
    // The first EHLO line is the server's name, not a capability.
    expect(result.capabilities.beforeTls).toEqual(['PIPELINING', 'STARTTLS', '8BITMIME'])
    expect(result.auth).toEqual([])
    expect(result.code).toBe('TLS_NOT_USED')
  })

  it('STARTTLS: upgrades, says EHLO again, and reads AUTH from the second answer', async () => {
    const { result, received } = await probe('starttls')
    expect(received).toEqual([EHLO, 'STARTTLS', '<TLS>', EHLO, 'QUIT'])
    expect(result.capabilities.afterTls).toEqual(['PIPELINING', 'AUTH PLAIN LOGIN', '8BITMIME'])
    expect(result.auth).toEqual(['PLAIN', 'LOGIN'])
    expect(result).toMatchObject({ status: 'ok', code: null, problems: [] })
  })

  it('implicit TLS (port 465 style): greeting and EHLO over TLS', async () => {
    const { result, received } = await probe('tls')
    expect(received).toEqual(['<TLS>', EHLO, 'QUIT'])
    expect(result).toMatchObject({ status: 'ok', code: null })
    expect(result.tls).toMatchObject({ trusted: true, hostnameMatch: true })
  })

  it('uses the EHLO name it is given', async () => {
    const { received } = await probe('none', {}, { ehloName: 'checker.example.org' })
    expect(received[0]).toBe('EHLO checker.example.org')
  })

  it('a multi-line greeting is read whole', async () => {
    const { result } = await probe('none', {
      greeting: '220-fake.test ESMTP\n220-no UCE\n220 ready',
    })
    expect(result.greeting).toBe('220-fake.test ESMTP\n220 no UCE\n220 ready')
    expect(result.code).toBe('TLS_NOT_USED')
  })

  it('AUTH in both spellings is read once: AUTH=LOGIN (old Outlook) and AUTH LOGIN PLAIN', async () => {
    const { result } = await probe('tls', {
      secure: { EHLO: '250-fake.test\n250-AUTH LOGIN PLAIN LOGIN\n250 AUTH=LOGIN' },
    })
    expect(result.auth).toEqual(['LOGIN', 'PLAIN'])
  })

  it('EHLO refused (an old server): falls back to HELO, with no extensions', async () => {
    const { result, received } = await probe('none', { plain: { EHLO: '502 5.5.2 EHLO not here' } })
    expect(received).toEqual([EHLO, 'HELO probe.mailsetup.invalid', 'QUIT'])
    expect(result.capabilities.beforeTls).toEqual([])
    expect(result.code).toBe('PLAINTEXT_ONLY')
  })

  it('EHLO and HELO both refused: PROTOCOL_ERROR', async () => {
    const { result } = await probe('none', {
      plain: { EHLO: '500 no', HELO: '501 5.5.4 go away' },
    })
    expect(result.code).toBe('PROTOCOL_ERROR')
    expect(result.detail).toBe('HELO answered 501')
  })

  it('421 to EHLO is SERVER_BUSY', async () => {
    const { result } = await probe('none', {
      plain: { EHLO: { reply: '421 4.7.0 Try again later', then: 'close' } },
    })
    expect(result.code).toBe('SERVER_BUSY')
  })

  it('greeting 554 is SERVER_REJECTED, 421 SERVER_BUSY, and another code a PROTOCOL_ERROR', async () => {
    const cases: Array<[string, string]> = [
      ['554 5.7.1 No SMTP service here', 'SERVER_REJECTED'],
      ['421 4.3.2 Service not available', 'SERVER_BUSY'],
      ['250 hello?', 'PROTOCOL_ERROR'],
    ]
    for (const [greeting, code] of cases) {
      const { result } = await probe('none', { greeting: { reply: greeting, then: 'close' } })
      expect(result.code, greeting).toBe(code)
      await server?.close()
      server = null
    }
  })

  it('STARTTLS answered 454: STARTTLS_REFUSED with the code and text', async () => {
    const { result } = await probe('starttls', {
      plain: { STARTTLS: '454 4.7.0 TLS not available due to temporary reason' },
    })
    expect(result.code).toBe('STARTTLS_REFUSED')
    expect(result.detail).toBe('454 4.7.0 TLS not available due to temporary reason')
  })

  it('STARTTLS not in EHLO: STARTTLS_UNSUPPORTED, and the command is never sent', async () => {
    const { result, received } = await probe('starttls', {
      plain: { EHLO: '250-fake.test\n250 8BITMIME' },
    })
    expect(result.code).toBe('STARTTLS_UNSUPPORTED')
    expect(received).toEqual([EHLO])
  })

  it('a reply whose lines change code midway is a PROTOCOL_ERROR', async () => {
    const { result } = await probe('none', { plain: { EHLO: '250-fake.test\n251 STARTTLS' } })
    expect(result.code).toBe('PROTOCOL_ERROR')
    expect(result.detail).toBe('malformed SMTP reply: 251 STARTTLS')
  })

  it('a POP3 greeting on the SMTP port is NOT_THIS_PROTOCOL naming POP3', async () => {
    const { result } = await probe('none', { greeting: '+OK POP3 server ready' })
    expect(result.code).toBe('NOT_THIS_PROTOCOL')
    expect(result.detail).toBe('expected SMTP, found POP3')
  })

  it('a multi-line greeting that turns into something else is NOT_THIS_PROTOCOL', async () => {
    const { result } = await probe('none', { greeting: '220-fake.test\n* OK IMAP' })
    expect(result.code).toBe('NOT_THIS_PROTOCOL')
  })

  it('a drop right after EHLO is CONNECTION_CLOSED', async () => {
    const { result } = await probe('none', { plain: { EHLO: { then: 'close' } } })
    expect(result.code).toBe('CONNECTION_CLOSED')
  })
})
