/**
 * POST /api/v1/login-test against scripted fake servers, for what the lab cannot show: the
 * exact answers of QQ, NetEase, Gmail and Microsoft (GBK included), NetEase's Unsafe Login on
 * EXAMINE, a server that drops after AUTH, an untrusted certificate. Each server speaks the
 * real protocol over real sockets; imapflow, node-pop3 and nodemailer talk to it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { MailScript, MailServer } from '../../fake/mail-server.ts'
import { IMAP_SECURE, PASSWORD, loginApp, loginTest, startServer } from './login-harness.ts'

const servers: MailServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

const start = async (protocol: 'imap' | 'pop3' | 'smtp', script: MailScript) => {
  const server = await startServer(protocol, script)
  servers.push(server)
  return server
}

const imapAt = (port: number, security: 'tls' | 'starttls' | 'none' = 'tls') => ({
  protocol: 'imap',
  host: '127.0.0.1',
  port,
  security,
})
const smtpAt = (port: number, security: 'tls' | 'starttls' | 'none' = 'starttls') => ({
  host: '127.0.0.1',
  port,
  security,
})

/** The outgoing result for a STARTTLS server that answers AUTH with `reply`. */
const smtpAnswer = async (email: string, reply: string) => {
  const server = await start('smtp', { secure: { AUTH: reply } })
  const { app } = loginApp([server.port])
  const { json } = await loginTest(app, { email, outgoing: smtpAt(server.port) })
  return json().outgoing
}

/** "请使用授权码登录" ("log in with the authorization code") in GBK, as QQ sends it. */
const GBK_USE_CODE = Buffer.from('c7ebcab9d3c3cadac8a8c2ebb5c7c2bc', 'hex')

/** A reply line whose text is GBK bytes after an ASCII start. */
const gbkLine = (start: string) =>
  Buffer.concat([Buffer.from(start), GBK_USE_CODE, Buffer.from('\r\n')])

/** QQ's older refusal as it arrives: GBK bytes ("请使用授权码登录。详情请看: "), then the link. */
const QQ_GBK_535 = Buffer.concat([
  Buffer.from('535 Error: '),
  Buffer.from('c7ebcab9d3c3cadac8a8c2ebb5c7c2bca1a3cfeac7e9c7ebbfb43a20', 'hex'),
  Buffer.from('http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256\r\n'),
])

describe('IMAP through imapflow', () => {
  it('logs in, sends ID before LOGIN, opens INBOX read-only (EXAMINE) and says the login works', async () => {
    const server = await start('imap', { implicitTls: true, secure: IMAP_SECURE })
    const { app } = loginApp([server.port])
    const { res, json } = await loginTest(app, {
      email: 'ann@example.com',
      incoming: imapAt(server.port),
    })
    expect(res.status).toBe(200)
    const { incoming, outgoing } = json()
    expect(outgoing).toBeNull()
    expect(incoming).toMatchObject({ status: 'ok', code: null, username: 'address', attempts: 1 })
    expect(incoming?.message.en).toMatch(/login works/)
    expect(incoming?.steps.map((s) => `${s.step}:${s.status}`)).toEqual([
      'dns:ok',
      'connect:ok',
      'tls:ok',
      'login:ok',
      'mailbox:ok',
    ])
    const verbs = server.received().map((line) => line.split(' ')[1])
    expect(verbs.indexOf('ID')).toBeGreaterThan(-1)
    expect(verbs.indexOf('ID')).toBeLessThan(verbs.indexOf('LOGIN'))
    expect(verbs).toContain('EXAMINE')
    expect(verbs).not.toContain('SELECT')
    expect(incoming?.transcript.some((e) => /LOGIN \*\*\* \(hidden\)$/.test(e.line))).toBe(true)
  })

  it('NetEase: LOGIN ok, then EXAMINE refused with "Unsafe Login" is UNSAFE_LOGIN, not a working setup', async () => {
    const server = await start('imap', {
      implicitTls: true,
      secure: {
        ...IMAP_SECURE,
        EXAMINE: '{tag} NO EXAMINE Unsafe Login. Please contact kefu@188.com for help',
      },
    })
    const { app } = loginApp([server.port])
    const { json } = await loginTest(app, { email: 'ann@163.com', incoming: imapAt(server.port) })
    const { incoming } = json()
    expect(incoming).toMatchObject({ status: 'error', code: 'UNSAFE_LOGIN', attempts: 1 })
    expect(incoming?.reply).toMatch(/Unsafe Login/)
    expect(incoming?.steps.at(-1)).toMatchObject({ step: 'mailbox', status: 'error' })
    expect(incoming?.message['zh-CN']).toMatch(/Unsafe Login/)
  })

  it('NetEase: a refused LOGIN is AUTH_FAILED; the other username form is tried once, and the 授权码 is named', async () => {
    const server = await start('imap', {
      implicitTls: true,
      secure: { ...IMAP_SECURE, LOGIN: '{tag} NO LOGIN Login error or password error' },
    })
    const { app } = loginApp([server.port])
    const { json, text } = await loginTest(app, {
      email: 'ann@163.com',
      incoming: imapAt(server.port),
    })
    const { incoming } = json()
    expect(incoming).toMatchObject({ code: 'AUTH_FAILED', attempts: 2, username: 'local-part' })
    const logins = server.received().filter((line) => / LOGIN /.test(line))
    expect(logins).toEqual([
      expect.stringContaining('"ann@163.com"'),
      expect.stringContaining('"ann"'),
    ])
    expect(incoming?.message['zh-CN']).toMatch(/授权码/)
    expect(incoming?.message.en).toMatch(/authorization code/)
    expect(text).not.toContain(PASSWORD)
  })

  it('a server that answers LOGIN with the username back never shows it', async () => {
    const server = await start('imap', {
      implicitTls: true,
      secure: {
        ...IMAP_SECURE,
        LOGIN: (command) =>
          `${command.tag} NO [AUTHENTICATIONFAILED] ${command.line.split(' ')[2]}`,
      },
    })
    const { app } = loginApp([server.port])
    const { text, json } = await loginTest(app, {
      email: 'zed.tester@example.com',
      incoming: imapAt(server.port),
    })
    expect(json().incoming?.reply).toMatch(/AUTHENTICATIONFAILED\] "\*\*\*"/)
    expect(text).not.toMatch(/zed\.tester@/)
  })

  it('Gmail: "[ALERT] Application-specific password required" is AUTH_APP_PASSWORD_REQUIRED, tried once', async () => {
    const server = await start('imap', {
      implicitTls: true,
      secure: {
        ...IMAP_SECURE,
        LOGIN:
          '{tag} NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)',
      },
    })
    const { app } = loginApp([server.port])
    const { json } = await loginTest(app, { email: 'ann@gmail.com', incoming: imapAt(server.port) })
    const { incoming } = json()
    expect(incoming).toMatchObject({ code: 'AUTH_APP_PASSWORD_REQUIRED', attempts: 1 })
    expect(incoming?.message.en).toMatch(/Gmail wants an app password/)
  })

  it('Microsoft: "NO AUTHENTICATE failed." at Outlook.com, and "Basic authentication is disabled", are AUTH_OAUTH_ONLY', async () => {
    const bare = await start('imap', {
      implicitTls: true,
      secure: { ...IMAP_SECURE, LOGIN: '{tag} NO AUTHENTICATE failed.' },
    })
    const named = await start('imap', {
      implicitTls: true,
      secure: { ...IMAP_SECURE, LOGIN: '{tag} NO Basic authentication is disabled' },
    })
    const { app } = loginApp([bare.port, named.port])
    const outlook = await loginTest(app, {
      email: 'ann@outlook.com',
      incoming: imapAt(bare.port),
    })
    expect(outlook.json().incoming?.code).toBe('AUTH_OAUTH_ONLY')
    expect(outlook.json().incoming?.message['zh-CN']).toMatch(/OAuth/)
    const other = await loginTest(app, { email: 'ann@example.com', incoming: imapAt(named.port) })
    expect(other.json().incoming?.code).toBe('AUTH_OAUTH_ONLY')
  })

  it('a GBK-encoded refusal ("请使用授权码登录") is decoded, over 993 and after STARTTLS on 143', async () => {
    for (const security of ['tls', 'starttls'] as const) {
      const server = await start('imap', {
        implicitTls: security === 'tls',
        secure: {
          ...IMAP_SECURE,
          LOGIN: (command) => ({ raw: gbkLine(`${command.tag} NO [AUTHENTICATIONFAILED] `) }),
        },
      })
      const { app } = loginApp([server.port])
      const { json } = await loginTest(app, {
        email: 'ann@qq.com',
        incoming: imapAt(server.port, security),
      })
      const { incoming } = json()
      expect(incoming?.code).toBe('AUTH_AUTHORIZATION_CODE_REQUIRED')
      expect(incoming?.reply).toBe('NO [AUTHENTICATIONFAILED] 请使用授权码登录')
      expect(incoming?.attempts).toBe(1)
    }
  })

  it('STARTTLS on 143: the login happens only after the upgrade', async () => {
    const server = await start('imap', {
      plain: { CAPABILITY: '* CAPABILITY IMAP4rev1 STARTTLS\n{tag} OK CAPABILITY completed' },
      secure: IMAP_SECURE,
    })
    const { app } = loginApp([server.port])
    const { json } = await loginTest(app, {
      email: 'ann@example.com',
      incoming: imapAt(server.port, 'starttls'),
    })
    expect(json().incoming?.status).toBe('ok')
    const lines = server.received()
    expect(lines.indexOf('<TLS>')).toBeLessThan(lines.findIndex((line) => / LOGIN /.test(line)))
  })

  it('an untrusted certificate stops the test before the password is sent', async () => {
    const server = await start('imap', { implicitTls: true, secure: IMAP_SECURE })
    const { app } = loginApp([server.port], { trust: false })
    const { json } = await loginTest(app, {
      email: 'ann@example.com',
      incoming: imapAt(server.port),
    })
    const { incoming } = json()
    expect(incoming?.status).toBe('error')
    expect(incoming?.code).toBe('TLS_CERT_SELF_SIGNED')
    expect(server.received().filter((line) => /LOGIN|AUTHENTICATE/.test(line))).toEqual([])
  })
})

describe('SMTP AUTH through nodemailer', () => {
  it('QQ: the GBK-encoded "请使用授权码登录" is decoded and is AUTH_AUTHORIZATION_CODE_REQUIRED', async () => {
    const server = await start('smtp', { secure: { AUTH: { raw: QQ_GBK_535 } } })
    const { app } = loginApp([server.port])
    const { json } = await loginTest(app, { email: 'ann@qq.com', outgoing: smtpAt(server.port) })
    const { outgoing } = json()
    expect(outgoing?.code).toBe('AUTH_AUTHORIZATION_CODE_REQUIRED')
    expect(outgoing?.reply).toContain('请使用授权码登录')
    expect(outgoing?.message['zh-CN']).toMatch(/^QQ邮箱在这里要求填写授权码/)
    expect(outgoing?.message['zh-CN']).toContain('生成16位授权码')
    expect(outgoing?.attempts).toBe(1)
  })

  it('QQ: the five-causes answer is AUTH_FAILED, with QQ’s 授权码 sentence first', async () => {
    const server = await start('smtp', {
      secure: {
        AUTH: '535 Login fail. Account is abnormal, service is not open, password is incorrect, login frequency limited, or system is busy. More information at https://help.mail.qq.com/detail/108/1023',
      },
    })
    const { app } = loginApp([server.port])
    const { json } = await loginTest(app, { email: 'ann@qq.com', outgoing: smtpAt(server.port) })
    const { outgoing } = json()
    expect(outgoing?.code).toBe('AUTH_FAILED')
    expect(outgoing?.message.en).toMatch(/^QQ Mail wants its authorization code/)
  })

  it('NetEase: "535 5.7.0 ERR.LOGIN.REQCODE" is AUTH_AUTHORIZATION_CODE_REQUIRED; "451 … too much fail" is TOO_MANY_FAILURES', async () => {
    expect((await smtpAnswer('ann@126.com', '535 5.7.0 ERR.LOGIN.REQCODE'))?.code).toBe(
      'AUTH_AUTHORIZATION_CODE_REQUIRED',
    )
    const throttled = '451 4.7.0 MI:SFQ too much fail authentication, try later'
    expect((await smtpAnswer('ann@126.com', throttled))?.code).toBe('TOO_MANY_FAILURES')
  })

  it('Gmail: "534-5.7.9 Application-specific password required" (two lines) is AUTH_APP_PASSWORD_REQUIRED', async () => {
    const server = await start('smtp', {
      implicitTls: true,
      secure: {
        AUTH: '534-5.7.9 Application-specific password required. For more information, go to\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor - gsmtp',
      },
    })
    const { app } = loginApp([server.port])
    const { json } = await loginTest(app, {
      email: 'ann@gmail.com',
      outgoing: smtpAt(server.port, 'tls'),
    })
    expect(json().outgoing).toMatchObject({ code: 'AUTH_APP_PASSWORD_REQUIRED', attempts: 1 })
  })

  it('Microsoft: "535 5.7.139 … basic authentication is disabled" is AUTH_OAUTH_ONLY; SMTP AUTH off for the tenant is SERVICE_NOT_ENABLED', async () => {
    const basic =
      '535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [PN0PR01CA0024.INDPRD01.PROD.OUTLOOK.COM]'
    expect((await smtpAnswer('ann@hotmail.com', basic))?.code).toBe('AUTH_OAUTH_ONLY')
    const tenant =
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.'
    expect((await smtpAnswer('ann@corp.example', tenant))?.code).toBe('SERVICE_NOT_ENABLED')
  })

  it('a server that drops the connection after AUTH is CONNECTION_CLOSED, not a success', async () => {
    const server = await start('smtp', { secure: { AUTH: { then: 'close' } } })
    const { app } = loginApp([server.port])
    const { json } = await loginTest(app, {
      email: 'ann@example.com',
      outgoing: smtpAt(server.port),
    })
    const { outgoing } = json()
    expect(outgoing?.status).toBe('error')
    expect(outgoing?.code).toBe('CONNECTION_CLOSED')
    expect(outgoing?.steps.at(-1)).toMatchObject({ step: 'login', status: 'error' })
  })

  it('a server that offers no AUTH is AUTH_UNSUPPORTED and gets no password', async () => {
    const server = await start('smtp', {
      secure: { EHLO: '250-fake.test\n250 8BITMIME' },
    })
    const { app } = loginApp([server.port])
    const { json } = await loginTest(app, {
      email: 'ann@example.com',
      outgoing: smtpAt(server.port),
    })
    expect(json().outgoing?.code).toBe('AUTH_UNSUPPORTED')
    expect(server.received().some((line) => /^AUTH/i.test(line))).toBe(false)
  })
})

describe('POP3', () => {
  it('STLS on 110 through the project’s own dialogue: USER/PASS only after TLS, hidden in the transcript', async () => {
    const server = await start('pop3', { secure: { USER: '+OK', PASS: '+OK logged in' } })
    const { app } = loginApp([server.port])
    const { json, text } = await loginTest(app, {
      email: 'ann@example.com',
      incoming: { protocol: 'pop3', host: '127.0.0.1', port: server.port, security: 'starttls' },
    })
    const { incoming } = json()
    expect(incoming?.status).toBe('ok')
    const lines = server.received()
    expect(lines.indexOf('<TLS>')).toBeLessThan(lines.findIndex((line) => line.startsWith('USER')))
    expect(incoming?.transcript).toEqual(
      expect.arrayContaining([
        { dir: 'C', line: 'USER *** (hidden)' },
        { dir: 'C', line: 'PASS *** (hidden)' },
      ]),
    )
    expect(text).not.toContain(PASSWORD)
  })

  it('a GBK-encoded -ERR to PASS is decoded, on 995 (node-pop3) and on 110 with STLS (own dialogue)', async () => {
    for (const security of ['tls', 'starttls'] as const) {
      const server = await start('pop3', {
        implicitTls: security === 'tls',
        secure: { USER: '+OK', PASS: { raw: gbkLine('-ERR ') } },
      })
      const { app } = loginApp([server.port])
      const { json } = await loginTest(app, {
        email: 'ann@qq.com',
        incoming: { protocol: 'pop3', host: '127.0.0.1', port: server.port, security },
      })
      const { incoming } = json()
      expect(incoming?.code).toBe('AUTH_AUTHORIZATION_CODE_REQUIRED')
      expect(incoming?.reply).toBe('-ERR 请使用授权码登录')
    }
  })

  it('implicit TLS on 995 through node-pop3: a -ERR to PASS is AUTH_FAILED, tried with both forms', async () => {
    const server = await start('pop3', {
      implicitTls: true,
      secure: { USER: '+OK', PASS: '-ERR [AUTH] Authentication failed.' },
    })
    const { app } = loginApp([server.port])
    const { json } = await loginTest(app, {
      email: 'ann@example.com',
      incoming: { protocol: 'pop3', host: '127.0.0.1', port: server.port, security: 'tls' },
    })
    expect(json().incoming).toMatchObject({ code: 'AUTH_FAILED', attempts: 2 })
    expect(json().incoming?.reply).toMatch(/Authentication failed/)
    expect(server.received().filter((line) => line.startsWith('USER'))).toEqual([
      'USER ann@example.com',
      'USER ann',
    ])
  })
})
