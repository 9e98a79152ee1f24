/**
 * POST /api/v1/login-test for a provider whose login is an ID it issues (docomo mail's d ACCOUNT
 * ID): without `username` a 400 naming the field, before any server is contacted; with it, that
 * username only (no address form tried after a refusal), against a scripted fake IMAP server.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { ErrorBodySchema } from '../../../src/openapi/schemas.ts'
import type { MailServer } from '../../fake/mail-server.ts'
import { IMAP_SECURE, loginApp, loginTest, startServer } from './login-harness.ts'

const servers: MailServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
const start = async (...args: Parameters<typeof startServer>) => {
  const s = await startServer(...args)
  servers.push(s)
  return s
}
const imapAt = (port: number) => ({ protocol: 'imap', host: '127.0.0.1', port, security: 'tls' })
const EMAIL = 'hanako@docomo.ne.jp'
const logins = (server: MailServer) => server.received().filter((l) => / LOGIN /i.test(l))

describe('login test for docomo mail (accountId)', () => {
  it('without username: 400 INVALID_INPUT naming username, and no server is contacted', async () => {
    const server = await start('imap', { implicitTls: true, secure: IMAP_SECURE })
    const { app } = loginApp([server.port])
    for (const body of [{ email: EMAIL, incoming: imapAt(server.port) }, { email: EMAIL }]) {
      const { res, text } = await loginTest(app, body)
      expect(res.status).toBe(400)
      const error = ErrorBodySchema.parse(JSON.parse(text)).error
      expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'username' })
      expect(error.message).toContain('d ACCOUNT ID')
    }
    expect(server.accepted()).toBe(0)
  })

  it('with username: logs in with it, says account-id, and never tries the address', async () => {
    const server = await start('imap', {
      implicitTls: true,
      secure: { ...IMAP_SECURE, LOGIN: '{tag} NO [AUTHENTICATIONFAILED] Authentication failed.' },
    })
    const { app } = loginApp([server.port])
    const { res, json } = await loginTest(app, {
      email: EMAIL,
      username: 'dacct-0001',
      incoming: imapAt(server.port),
    })
    expect(res.status).toBe(200)
    expect(json().incoming).toMatchObject({
      code: 'AUTH_FAILED',
      username: 'account-id',
      attempts: 1,
    })
    const sent = logins(server)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toContain('dacct-0001')
    expect(sent.join('\n')).not.toContain('hanako')
  })

  it('an ordinary address still gets the other form after a refusal (unchanged)', async () => {
    const server = await start('imap', {
      implicitTls: true,
      secure: { ...IMAP_SECURE, LOGIN: '{tag} NO [AUTHENTICATIONFAILED] Authentication failed.' },
    })
    const { app } = loginApp([server.port])
    const { json } = await loginTest(app, {
      email: 'ann@example.com',
      incoming: imapAt(server.port),
    })
    expect(json().incoming?.attempts).toBe(2)
  })
})
