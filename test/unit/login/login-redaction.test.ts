/**
 * The redactor (src/logger.ts) on what the login test handles: its request body and the
 * libraries' shapes of credentials, at any depth; and the route, whose every log line is checked
 * for the password and the username on a failed, a refused and a streamed test.
 */
import { describe, expect, it } from 'vitest'
import { REDACTED, redact } from '../../../src/logger.ts'
import { IMAP_SECURE, PASSWORD, loginApp, loginTest, startServer } from './login-harness.ts'

describe('the redactor on login-test shapes', () => {
  it('masks the password of a login-test body and of imapflow/nodemailer auth objects, at any depth', () => {
    const masked = JSON.stringify(
      redact({
        body: { email: 'ann@qq.com', password: PASSWORD, incoming: { host: 'imap.qq.com' } },
        imapflow: { auth: { user: 'ann', pass: PASSWORD } },
        nodemailer: { credentials: { user: 'ann', pass: PASSWORD } },
        deep: [{ a: { b: { c: { authCode: PASSWORD } } } }],
      }),
    )
    expect(masked).not.toContain(PASSWORD)
    expect(masked).toContain(REDACTED)
    expect(masked).toContain('imap.qq.com')
  })
})

describe('the route’s log lines', () => {
  it('hold neither the password nor the username, whatever the outcome', async () => {
    const server = await startServer('imap', {
      implicitTls: true,
      secure: { ...IMAP_SECURE, LOGIN: '{tag} NO [AUTHENTICATIONFAILED] Invalid credentials' },
    })
    try {
      const { app, logs } = loginApp([server.port])
      const incoming = { protocol: 'imap', host: '127.0.0.1', port: server.port }
      const email = 'wilma.secretname@example.com'
      await loginTest(app, { email, incoming: { ...incoming, security: 'tls' } })
      await loginTest(app, { email, incoming: { ...incoming, security: 'none' } })
      await loginTest(
        app,
        { email, username: 'wilma-login-name', incoming: { ...incoming, security: 'tls' } },
        { accept: 'text/event-stream' },
      )
      expect(logs.length).toBeGreaterThanOrEqual(3)
      const text = logs.join('\n')
      for (const secret of [PASSWORD, 'wilma.secretname', 'wilma-login-name']) {
        expect(text).not.toContain(secret)
      }
    } finally {
      await server.close()
    }
  })
})
