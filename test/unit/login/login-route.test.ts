/**
 * POST /api/v1/login-test's safety and shape, against scripted fake servers: bad input names the
 * field, plaintext and refused targets are turned away before any password is sent, the failure
 * limit answers 429, a proxy that says http is refused, the stream ends with the answer, the
 * verdict is recorded on a stored report, no password reaches a response or a log line, and a
 * provider that logs in with an account ID (docomo mail) needs `username` and gets only it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_RETENTION } from '../../../src/app.ts'
import type { Resolver } from '../../../src/dns/resolver.ts'
import { ProbeError } from '../../../src/errors/probe-error.ts'
import { buildReport } from '../../../src/diagnose/report.ts'
import { saveReport } from '../../../src/diagnose/saved-report.ts'
import { openSqliteReportStore } from '../../../src/diagnose/store-sqlite-node.ts'
import { ErrorBodySchema } from '../../../src/openapi/schemas.ts'
import { LoginStepSchema, LoginTestAnswerSchema } from '../../../src/openapi/login-schemas.ts'
import { StoredReportSchema } from '../../../src/openapi/schemas.ts'
import { createProviderIndex, loadBuiltInProviders } from '../../../src/providers/index.ts'
import { probed, server as candidate } from '../../fake/candidates.ts'
import type { MailServer } from '../../fake/mail-server.ts'
import { createTestApp, postJson } from '../../fake/test-app.ts'
import { IMAP_SECURE, PASSWORD, loginApp, loginTest, startServer } from './login-harness.ts'

const servers: MailServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
const start = async (...args: Parameters<typeof startServer>) => {
  const s = await startServer(...args)
  servers.push(s)
  return s
}

const errorOf = (text: string) => ErrorBodySchema.parse(JSON.parse(text)).error
const imapAt = (port: number, security = 'tls') => ({
  protocol: 'imap',
  host: '127.0.0.1',
  port,
  security,
})

describe('refused before any password is sent', () => {
  it('a missing or overlong password is a 400 naming the field, and the message never repeats it', async () => {
    const { app } = loginApp([993])
    const missing = await postJson(app, '/api/v1/login-test', { email: 'ann@example.com' })
    expect(missing.status).toBe(400)
    expect(errorOf(await missing.text()).field).toBe('password')
    const long = 'x'.repeat(1500)
    const res = await postJson(app, '/api/v1/login-test', {
      email: 'ann@example.com',
      password: long,
    })
    const text = await res.text()
    expect(res.status).toBe(400)
    expect(errorOf(text).field).toBe('password')
    expect(text).not.toContain('xxxxxxxxxx')
    const unknown = await loginTest(app, { email: 'ann@example.com', passwrd: 'typo' })
    expect(unknown.res.status).toBe(400)
  })

  it('a fresh discovery’s region or time zone that is not one is a 400 naming it, before any discovery', async () => {
    const asked: string[] = []
    const resolver: Resolver = {
      addresses: async (name) => {
        asked.push(name)
        throw new ProbeError('DNS_NXDOMAIN', name)
      },
      mx: async (name) => (asked.push(name), []),
      srv: async (name) => (asked.push(name), []),
    }
    const { app } = loginApp([993], { resolver })
    for (const [extra, field] of [
      [{ region: 'mars' }, 'region'],
      [{ timeZone: 'Asia/Shanghai; DROP' }, 'timeZone'],
      [{ timeZone: 'x'.repeat(65) }, 'timeZone'],
    ] as const) {
      const { res, text } = await loginTest(app, { email: 'ann@qq.com', ...extra })
      expect(res.status).toBe(400)
      expect(errorOf(text)).toMatchObject({ code: 'INVALID_INPUT', field })
    }
    // Nothing was looked up: the discovery never began.
    expect(asked).toEqual([])
  })

  it('security none is PLAINTEXT_REFUSED (400, naming incoming.security) and the server is never contacted', async () => {
    const server = await start('imap', { secure: IMAP_SECURE })
    const { app } = loginApp([server.port])
    const { res, text } = await loginTest(app, {
      email: 'ann@example.com',
      incoming: imapAt(server.port, 'none'),
    })
    expect(res.status).toBe(400)
    expect(errorOf(text)).toMatchObject({ code: 'PLAINTEXT_REFUSED', field: 'incoming.security' })
    expect(server.accepted()).toBe(0)
  })

  it('with allowPlaintext: true a plaintext POP3 server is tested (USER/PASS without STLS)', async () => {
    const server = await start('pop3', { plain: { USER: '+OK', PASS: '+OK welcome' } })
    const { app } = loginApp([server.port])
    const { json } = await loginTest(app, {
      email: 'ann@example.com',
      allowPlaintext: true,
      incoming: { protocol: 'pop3', host: '127.0.0.1', port: server.port, security: 'none' },
    })
    expect(json().incoming?.status).toBe('ok')
    expect(json().incoming?.steps.map((s) => s.step)).toEqual(['dns', 'connect', 'login'])
  })

  it('a private address or a port that is not a mail port is TARGET_BLOCKED (403)', async () => {
    const { app } = loginApp([993])
    const privateNet = await loginTest(app, {
      email: 'ann@example.com',
      incoming: { ...imapAt(993), host: '10.1.2.3' },
    })
    expect(privateNet.res.status).toBe(403)
    expect(errorOf(privateNet.text)).toMatchObject({
      code: 'TARGET_BLOCKED',
      field: 'incoming.host',
    })
    const port = await loginTest(app, {
      email: 'ann@example.com',
      outgoing: { host: '127.0.0.1', port: 2525, security: 'tls' },
    })
    expect(port.res.status).toBe(403)
    expect(errorOf(port.text).field).toBe('outgoing.port')
  })

  it('behind a trusted proxy that says http, INSECURE_TRANSPORT (400); https is accepted', async () => {
    const server = await start('imap', { implicitTls: true, secure: IMAP_SECURE })
    const { app } = loginApp([server.port], { trustProxy: true })
    const body = { email: 'ann@example.com', incoming: imapAt(server.port) }
    const http = await loginTest(app, body, { 'x-forwarded-proto': 'http' })
    expect(http.res.status).toBe(400)
    expect(errorOf(http.text).code).toBe('INSECURE_TRANSPORT')
    expect(server.accepted()).toBe(0)
    const https = await loginTest(app, body, { 'x-forwarded-proto': 'https' })
    expect(https.res.status).toBe(200)
    const forwarded = await loginTest(app, body, { forwarded: 'for=192.0.2.1;proto=http' })
    expect(forwarded.res.status).toBe(400)
  })

  it('without login attempts on this runtime the route says so (404)', async () => {
    const { app } = createTestApp()
    const { res, text } = await loginTest(app, { email: 'ann@example.com', incoming: imapAt(993) })
    expect(res.status).toBe(404)
    expect(errorOf(text).code).toBe('NOT_FOUND')
  })
})

describe('the failure limit per account and server', () => {
  it('after `max` failed tests the next is a 429 LOGIN_LIMITED with Retry-After, and the server is not contacted', async () => {
    const server = await start('imap', {
      implicitTls: true,
      secure: { ...IMAP_SECURE, LOGIN: '{tag} NO [AUTHENTICATIONFAILED] Authentication failed.' },
    })
    const { app } = loginApp([server.port], { failureMax: 2 })
    const body = { email: 'ann@example.com', incoming: imapAt(server.port) }
    for (let i = 0; i < 2; i++) {
      const { json } = await loginTest(app, body)
      expect(json().incoming?.code).toBe('AUTH_FAILED')
    }
    const contacted = server.accepted()
    const limited = await loginTest(app, body)
    expect(limited.res.status).toBe(429)
    expect(errorOf(limited.text).code).toBe('LOGIN_LIMITED')
    expect(Number(limited.res.headers.get('retry-after'))).toBeGreaterThan(800)
    expect(server.accepted()).toBe(contacted)
    // Another account on the same server is not held back.
    const other = await loginTest(app, { ...body, email: 'bob@example.com' })
    expect(other.res.status).toBe(200)
  })

  it('tests of one account running at the same time cannot together pass the limit', async () => {
    const server = await start('imap', {
      implicitTls: true,
      secure: {
        ...IMAP_SECURE,
        LOGIN: { reply: '{tag} NO [AUTHENTICATIONFAILED] Authentication failed.', delayMs: 300 },
      },
    })
    const { app } = loginApp([server.port], { failureMax: 2 })
    const body = { email: 'ann@example.com', incoming: imapAt(server.port) }
    const answers = await Promise.all(Array.from({ length: 5 }, () => loginTest(app, body)))
    expect(answers.map((a) => a.res.status).sort()).toEqual([200, 200, 429, 429, 429])
  })

  it('a working login does not count', async () => {
    const server = await start('imap', { implicitTls: true, secure: IMAP_SECURE })
    const { app } = loginApp([server.port], { failureMax: 1 })
    for (let i = 0; i < 3; i++) {
      const { res } = await loginTest(app, {
        email: 'ann@example.com',
        incoming: imapAt(server.port),
      })
      expect(res.status).toBe(200)
    }
  })
})

describe('the answer', () => {
  it('streams a step event as each phase finishes, then the result', async () => {
    const server = await start('imap', { implicitTls: true, secure: IMAP_SECURE })
    const { app } = loginApp([server.port])
    const { res, text } = await loginTest(
      app,
      { email: 'ann@example.com', incoming: imapAt(server.port) },
      { accept: 'text/event-stream' },
    )
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/)
    const events = [...text.matchAll(/event: (\w+)\ndata: (.*)\n/g)].map((m) => ({
      event: m[1],
      data: JSON.parse(m[2] ?? 'null') as unknown,
    }))
    expect(events.map((e) => e.event)).toEqual(['step', 'step', 'step', 'step', 'step', 'result'])
    const steps = events.slice(0, -1).map((e) => LoginStepSchema.parse(e.data))
    expect(steps.map((s) => s.step)).toEqual(['dns', 'connect', 'tls', 'login', 'mailbox'])
    const answer = LoginTestAnswerSchema.parse(events.at(-1)?.data)
    expect(answer.incoming?.status).toBe('ok')
    expect(text).not.toContain(PASSWORD)
  })

  it('tests a stored report’s recommended servers and records the verdict on it, without any secret', async () => {
    const imap = await start('imap', { implicitTls: true, secure: IMAP_SECURE })
    const smtp = await start('smtp', { secure: { AUTH: '535 5.7.8 Error: authentication failed' } })
    const reports = openSqliteReportStore(':memory:')
    const providers = createProviderIndex(loadBuiltInProviders())
    const storage = { store: reports, retention: DEFAULT_RETENTION, providers, now: Date.now }
    const email = 'ann@example.com'
    const report = buildReport(
      {
        email,
        domain: 'example.com',
        provider: null,
        candidates: [
          probed(candidate('imap', '127.0.0.1', 'tls', { port: imap.port, username: 'ann' })),
          probed(candidate('smtp', '127.0.0.1', 'starttls', { port: smtp.port, username: email })),
        ],
        probes: [],
        sources: [],
      },
      { lang: 'en', probed: true },
    )
    const saved = await saveReport(storage, report, { probed: true })
    const { app, logs } = loginApp([imap.port, smtp.port], { reports })
    const { json, text } = await loginTest(app, { email, reportId: saved.id })
    const answer = json()
    expect(answer.reportId).toBe(saved.id)
    // The discovered form (the local part) goes first.
    expect(answer.incoming).toMatchObject({ status: 'ok', username: 'local-part', attempts: 1 })
    expect(answer.outgoing).toMatchObject({ code: 'AUTH_FAILED', attempts: 2 })
    const got = await app.request(`/api/v1/reports/${saved.id}`)
    const stored = StoredReportSchema.parse(await got.json())
    expect(stored.loginTest).toEqual({
      testedAt: answer.testedAt,
      incoming: {
        server: { protocol: 'imap', host: '127.0.0.1', port: imap.port, security: 'tls' },
        status: 'ok',
        code: null,
        username: 'local-part',
      },
      outgoing: {
        server: { protocol: 'smtp', host: '127.0.0.1', port: smtp.port, security: 'starttls' },
        status: 'error',
        code: 'AUTH_FAILED',
        username: 'local-part',
      },
    })
    const everything = [text, JSON.stringify(stored), ...logs].join('\n')
    expect(everything).not.toContain(PASSWORD)
    expect(everything).not.toContain(Buffer.from(`\0ann\0${PASSWORD}`).toString('base64'))
    const other = await loginTest(app, { email: 'bob@example.com', reportId: saved.id })
    expect(other.res.status).toBe(400)
    expect(errorOf(other.text).field).toBe('reportId')
  })

  it('the request body is never logged, and no log line holds the password or the username', async () => {
    const server = await start('smtp', {
      secure: { AUTH: '535 5.7.8 Error: authentication failed' },
    })
    const { app, logs } = loginApp([server.port])
    await loginTest(app, {
      email: 'quinn.private@example.com',
      outgoing: { host: '127.0.0.1', port: server.port, security: 'starttls' },
    })
    expect(logs.length).toBeGreaterThan(0)
    for (const line of logs) {
      expect(line).not.toContain(PASSWORD)
      expect(line).not.toContain('quinn.private')
    }
  })
})

const DOCOMO = 'hanako@docomo.ne.jp'
const logins = (server: MailServer) => server.received().filter((l) => / LOGIN /i.test(l))

// docomo mail logs in with the d ACCOUNT ID (provider accountId), which the address does not tell.
describe('a provider that logs in with an account ID (docomo mail)', () => {
  it('without username: 400 INVALID_INPUT naming username, and no server is contacted', async () => {
    const server = await start('imap', { implicitTls: true, secure: IMAP_SECURE })
    const { app } = loginApp([server.port])
    for (const body of [{ email: DOCOMO, incoming: imapAt(server.port) }, { email: DOCOMO }]) {
      const { res, text } = await loginTest(app, body)
      expect(res.status).toBe(400)
      const error = errorOf(text)
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
      email: DOCOMO,
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
