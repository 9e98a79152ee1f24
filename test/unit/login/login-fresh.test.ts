/**
 * POST /api/v1/login-test without servers or a report, against scripted fake servers named by an
 * operator overlay: the fresh discovery is stored as a report (in a real SQLite file) that keeps
 * the verdict, so the share link, the report and its guides show what the login proved; the
 * stream says what discovery is doing before the first login step; a test refused after the
 * discovery stores nothing; and neither the password nor the username is in any stored row, in
 * the database file, in an answer or in a log line.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Resolver } from '../../../src/dns/resolver.ts'
import { openSqliteReportStore } from '../../../src/diagnose/store-sqlite-node.ts'
import type { ReportStore } from '../../../src/diagnose/store.ts'
import { ProbeError } from '../../../src/errors/probe-error.ts'
import { LoginStepSchema, LoginTestAnswerSchema } from '../../../src/openapi/login-schemas.ts'
import {
  DiagnosisSchema,
  ErrorBodySchema,
  GuideSchema,
  StoredReportSchema,
} from '../../../src/openapi/schemas.ts'
import {
  createProviderIndex,
  loadBuiltInProviders,
  parseProviders,
} from '../../../src/providers/index.ts'
import { type MailServer, startMailServer } from '../../fake/mail-server.ts'
import { type TestCert, makeSelfSignedCert } from '../../fake/test-cert.ts'
import { IMAP_SECURE, PASSWORD, loginApp, loginTest } from './login-harness.ts'

const IMAP_HOST = 'imap.fresh.test'
const SMTP_HOST = 'smtp.fresh.test'
const resolver: Resolver = {
  addresses: async (name) => {
    if (name === IMAP_HOST || name === SMTP_HOST)
      return [{ address: '127.0.0.1', family: 4, ttl: 60 }]
    throw new ProbeError('DNS_NXDOMAIN', name)
  },
  mx: async () => [],
  srv: async () => [],
}

/** An IMAP server that refuses this username; every other login works. */
const REFUSED_USER = 'refused-user'
const certs: TestCert[] = []
let imap: MailServer
let smtp: MailServer
let dir: string

beforeAll(async () => {
  certs.push(makeSelfSignedCert(IMAP_HOST), makeSelfSignedCert(SMTP_HOST))
  imap = await startMailServer('imap', {
    implicitTls: true,
    cert: certs[0],
    secure: {
      ...IMAP_SECURE,
      LOGIN: (command) =>
        command.line.includes(REFUSED_USER)
          ? `${command.tag} NO [AUTHENTICATIONFAILED] Authentication failed.`
          : `${command.tag} OK LOGIN completed`,
    },
  })
  smtp = await startMailServer('smtp', {
    implicitTls: true,
    cert: certs[1],
    secure: { AUTH: '235 2.7.0 Authentication successful' },
  })
  dir = mkdtempSync(join(tmpdir(), 'login-fresh-'))
})
afterAll(async () => {
  await Promise.all([imap.close(), smtp.close()])
  rmSync(dir, { recursive: true, force: true })
})

let files = 0
/** A service over its own SQLite file, whose provider database names the fake servers. */
const freshApp = (options: { failureMax?: number } = {}) => {
  const path = join(dir, `reports-${++files}.sqlite`)
  const reports = openSqliteReportStore(path)
  const overlay = parseProviders(
    [
      {
        id: 'fresh-lab',
        name: { en: 'Fresh (fake)' },
        domains: ['fresh.test'],
        servers: {
          imap: [{ host: IMAP_HOST, port: imap.port, security: 'tls' }],
          smtp: [{ host: SMTP_HOST, port: smtp.port, security: 'tls' }],
        },
      },
    ],
    'login-fresh overlay',
  )
  const made = loginApp([imap.port, smtp.port], {
    resolver,
    providers: createProviderIndex(loadBuiltInProviders(), overlay),
    ca: certs.map((c) => c.cert),
    reports,
    failureMax: options.failureMax,
  })
  return { ...made, path, reports }
}

/** Every row of every table of the database file, read by a connection of its own. */
const everyRow = (path: string) => {
  const db = new Database(path, { readonly: true })
  try {
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
    return tables.flatMap(({ name }) =>
      db.prepare<[], Record<string, unknown>>(`SELECT * FROM "${name}"`).all(),
    )
  } finally {
    db.close()
  }
}

/** The database file and its journal as bytes, as they are on disk. */
const fileBytes = (path: string) =>
  Buffer.concat(
    readdirSync(dir)
      .filter((name) => join(dir, name).startsWith(path))
      .map((name) => readFileSync(join(dir, name))),
  )

const reportRows = (path: string) => everyRow(path).filter((row) => 'delete_token_hash' in row)

type Event = { event: string; data: unknown }
const eventsOf = (text: string): Event[] =>
  [...text.matchAll(/event: (\w+)\ndata: (.*)\n/g)].map((m) => ({
    event: m[1] ?? '',
    data: JSON.parse(m[2] ?? 'null') as unknown,
  }))

const closeAll = (...stores: ReportStore[]) => stores.forEach((s) => s.close())

describe('a fresh discovery is stored with the verdict', () => {
  it('answers reportId, url and deleteToken; the stored report and its guides show the verdict', async () => {
    const { app, reports, path } = freshApp()
    const { res, json } = await loginTest(app, { email: 'ann@fresh.test', lang: 'zh-CN' })
    expect(res.status).toBe(200)
    const answer = json()
    expect(answer.incoming).toMatchObject({ status: 'ok', username: 'address' })
    expect(answer.outgoing).toMatchObject({ status: 'ok', username: 'address' })
    if (!answer.reportId || !answer.deleteToken) throw new Error('no report stored')
    expect(answer.url).toBe(`/r/${answer.reportId}`)

    const got = await app.request(`/api/v1/reports/${answer.reportId}`)
    expect(got.status).toBe(200)
    const stored = StoredReportSchema.parse(await got.json())
    expect(stored.email).toBe('ann@fresh.test')
    expect(stored.lang).toBe('zh-CN')
    expect(stored.recommended.incoming).toMatchObject({ host: IMAP_HOST, verified: true })
    expect(stored.loginTest).toEqual({
      testedAt: answer.testedAt,
      incoming: {
        server: { protocol: 'imap', host: IMAP_HOST, port: imap.port, security: 'tls' },
        status: 'ok',
        code: null,
        username: 'address',
      },
      outgoing: {
        server: { protocol: 'smtp', host: SMTP_HOST, port: smtp.port, security: 'tls' },
        status: 'ok',
        code: null,
        username: 'address',
      },
    })
    // The stored report's guides (and the share link's page, in the browser suite) read it.
    const guide = await app.request(`/api/v1/reports/${answer.reportId}/guides/thunderbird`)
    expect(GuideSchema.parse(await guide.json()).email).toBe('ann@fresh.test')
    // The token deletes it, as a diagnosis's does.
    const deleted = await app.request(`/api/v1/reports/${answer.reportId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${answer.deleteToken}` },
    })
    expect(deleted.status).toBe(204)
    expect(reportRows(path)).toHaveLength(0)
    closeAll(reports)
  })

  it('no stored row, no byte of the database file, no answer and no log line holds the password or the username', async () => {
    const { app, reports, path, logs } = freshApp()
    const username = `${REFUSED_USER}-wilma7`
    const plain = await loginTest(app, { email: 'bob@fresh.test', username })
    const streamed = await loginTest(
      app,
      { email: 'bob@fresh.test', username },
      { accept: 'text/event-stream' },
    )
    // The refused IMAP login (both attempts with the given username) is in the verdict.
    expect(plain.json().incoming).toMatchObject({ code: 'AUTH_FAILED', username: 'other' })
    expect(plain.json().outgoing).toMatchObject({ status: 'ok', username: 'other' })
    const rows = reportRows(path)
    expect(rows).toHaveLength(2)
    expect(rows.every((row) => typeof row.login === 'string')).toBe(true)
    reports.close()
    const secrets = [
      PASSWORD,
      username,
      Buffer.from(`\0${username}\0${PASSWORD}`).toString('base64'),
      Buffer.from(PASSWORD).toString('base64'),
    ]
    const text = [JSON.stringify(everyRow(path)), plain.text, streamed.text, ...logs].join('\n')
    const bytes = fileBytes(path)
    // The search finds what is there: the address is in the stored report.
    expect(bytes.includes(Buffer.from('bob@fresh.test'))).toBe(true)
    for (const secret of secrets) {
      expect(text).not.toContain(secret)
      expect(bytes.includes(Buffer.from(secret))).toBe(false)
    }
  })
})

describe('the stream with a fresh discovery', () => {
  it('says what discovery does (source, probe, recommendation), then the stored report, then the steps and the result', async () => {
    const { app, reports } = freshApp()
    const { res, text } = await loginTest(
      app,
      { email: 'cat@fresh.test' },
      { accept: 'text/event-stream' },
    )
    expect(res.status).toBe(200)
    const events = eventsOf(text)
    const names = events.map((e) => e.event)
    const at = (name: string) => names.indexOf(name)
    const report = names.indexOf('report')
    // Discovery speaks first, and all of it comes before the report it ends with.
    expect(['source', 'probe', 'recommendation']).toContain(names[0])
    for (const name of ['source', 'probe', 'recommendation']) {
      expect(at(name)).toBeGreaterThanOrEqual(0)
      expect(names.lastIndexOf(name)).toBeLessThan(report)
    }
    expect(names.filter((n) => n === 'report')).toHaveLength(1)
    expect(at('step')).toBe(report + 1)
    expect(names.slice(report + 1, -1).every((n) => n === 'step')).toBe(true)
    expect(names.at(-1)).toBe('result')
    const stored = DiagnosisSchema.parse(events[report]?.data)
    const steps = events.filter((e) => e.event === 'step').map((e) => LoginStepSchema.parse(e.data))
    expect(steps.filter((s) => s.server === 'incoming').map((s) => s.step)).toEqual([
      'dns',
      'connect',
      'tls',
      'login',
      'mailbox',
    ])
    const answer = LoginTestAnswerSchema.parse(events.at(-1)?.data)
    expect(answer.reportId).toBe(stored.id)
    expect(answer.deleteToken).toBe(stored.deleteToken)
    const again = StoredReportSchema.parse(
      await (await app.request(`/api/v1/reports/${stored.id}`)).json(),
    )
    expect(again.loginTest?.incoming?.status).toBe('ok')
    closeAll(reports)
  })

  it('a test refused after the discovery ends the stream with an error event (LOGIN_LIMITED with retryAfter) and stores nothing; as JSON it is the 429', async () => {
    const { app, reports, path } = freshApp({ failureMax: 1 })
    const email = 'dan@fresh.test'
    const username = `${REFUSED_USER}-dan`
    const first = await loginTest(app, { email, username })
    expect(first.json().incoming?.code).toBe('AUTH_FAILED')
    expect(reportRows(path)).toHaveLength(1)

    const { res, text } = await loginTest(app, { email, username }, { accept: 'text/event-stream' })
    expect(res.status).toBe(200)
    const events = eventsOf(text)
    expect(events.map((e) => e.event)).toContain('probe')
    expect(events.map((e) => e.event)).not.toContain('report')
    expect(events.at(-1)?.event).toBe('error')
    const error = ErrorBodySchema.parse(events.at(-1)?.data).error
    expect(error.code).toBe('LOGIN_LIMITED')
    expect(error.retryAfter).toBeGreaterThan(800)

    const json = await loginTest(app, { email, username })
    expect(json.res.status).toBe(429)
    expect(Number(json.res.headers.get('retry-after'))).toBeGreaterThan(800)
    expect(reportRows(path)).toHaveLength(1)
    closeAll(reports)
  })
})
