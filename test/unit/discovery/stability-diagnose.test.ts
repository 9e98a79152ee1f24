/**
 * The measured connect stability in a diagnosis, against scripted fake servers: an operator
 * overlay names a provider with regional alternatives (mainland and overseas IMAP and SMTP hosts,
 * the overseas SMTP port refused); a probing diagnosis gives each of them three handshakes, in
 * the report with median and spread, billed to the client's probe budget; a provider without
 * alternatives and a diagnosis without probes measure nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Resolver } from '../../../src/dns/resolver.ts'
import { ProbeError } from '../../../src/errors/probe-error.ts'
import { DiagnosisSchema } from '../../../src/openapi/schemas.ts'
import {
  createProviderIndex,
  loadBuiltInProviders,
  parseProviders,
} from '../../../src/providers/index.ts'
import { type FakeServer, startFakeServer } from '../../fake/fake-server.ts'
import { type MailServer, startMailServer } from '../../fake/mail-server.ts'
import { createTestApp, postJson } from '../../fake/test-app.ts'

const NAMES = [
  'imap.alt.test',
  'hwimap.alt.test',
  'smtp.alt.test',
  'hwsmtp.alt.test',
  'mail.one.test',
]
const resolver: Resolver = {
  addresses: async (name) => {
    if (NAMES.includes(name)) return [{ address: '127.0.0.1', family: 4, ttl: 60 }]
    throw new ProbeError('DNS_NXDOMAIN', name)
  },
  mx: async () => [],
  srv: async () => [],
}

let imapCn: MailServer
let imapIntl: MailServer
let smtpCn: MailServer
let single: MailServer
let refusedPort = 0

beforeAll(async () => {
  imapCn = await startMailServer('imap', { implicitTls: true })
  imapIntl = await startMailServer('imap', { implicitTls: true })
  smtpCn = await startMailServer('smtp', { implicitTls: true })
  single = await startMailServer('imap', { implicitTls: true })
  const gone: FakeServer = await startFakeServer(() => undefined)
  refusedPort = gone.port
  await gone.close()
})
afterAll(async () => {
  await Promise.all([imapCn, imapIntl, smtpCn, single].map((s) => s.close()))
})

const appFor = (probes = 1_000) => {
  const overlay = parseProviders(
    [
      {
        id: 'alt-lab',
        name: { en: 'Alt (fake)' },
        domains: ['alt.test'],
        servers: {
          imap: [
            { host: 'imap.alt.test', port: imapCn.port, security: 'tls', region: 'cn' },
            { host: 'hwimap.alt.test', port: imapIntl.port, security: 'tls', region: 'intl' },
          ],
          smtp: [
            { host: 'smtp.alt.test', port: smtpCn.port, security: 'tls', region: 'cn' },
            { host: 'hwsmtp.alt.test', port: refusedPort, security: 'tls', region: 'intl' },
          ],
        },
      },
      {
        id: 'one-lab',
        name: { en: 'One host (fake)' },
        domains: ['one.test'],
        servers: { imap: [{ host: 'mail.one.test', port: single.port, security: 'tls' }] },
      },
    ],
    'stability overlay',
  )
  return createTestApp({
    resolver,
    providers: createProviderIndex(loadBuiltInProviders(), overlay),
    ports: [imapCn.port, imapIntl.port, smtpCn.port, refusedPort, single.port],
    limits: { probes },
    timeoutMs: 5_000,
  })
}

const accepted = () => [imapCn, imapIntl, smtpCn, single].map((s) => s.accepted())

describe('measured connect stability in a diagnosis', () => {
  it('each alternative host and the primary get three handshakes; median and spread in the report', async () => {
    const { app } = appFor()
    const before = accepted()
    const res = await postJson(app, '/api/v1/diagnose', { email: 'li@alt.test', lang: 'en' })
    expect(res.status).toBe(200)
    const report = DiagnosisSchema.parse(await res.json())
    const stability = report.stability
    if (!stability) throw new Error('no stability in the report')
    expect(stability).toMatchObject({ measuredFrom: 'service', handshakes: 3, spread: 'max-min' })
    const byHost = new Map(stability.hosts.map((h) => [h.host, h]))
    expect([...byHost.keys()].sort()).toEqual([
      'hwimap.alt.test',
      'hwsmtp.alt.test',
      'imap.alt.test',
      'smtp.alt.test',
    ])
    for (const host of ['imap.alt.test', 'hwimap.alt.test', 'smtp.alt.test']) {
      const h = byHost.get(host)
      expect(h, host).toMatchObject({ answered: 3, address: '127.0.0.1' })
      const times = (h?.attempts ?? []).map((a) => a.ms ?? -1)
      expect(times.every((ms) => ms >= 0)).toBe(true)
      expect(h?.spreadMs).toBe(Math.max(...times) - Math.min(...times))
      expect(h?.medianMs).toBe([...times].sort((a, b) => a - b)[1])
    }
    expect(byHost.get('imap.alt.test')?.region).toBe('cn')
    expect(byHost.get('hwsmtp.alt.test')).toMatchObject({
      region: 'intl',
      answered: 0,
      medianMs: null,
      spreadMs: null,
    })
    expect(byHost.get('hwsmtp.alt.test')?.attempts.map((a) => a.code)).toEqual(
      Array(3).fill('TCP_REFUSED'),
    )
    // Each measured server: one probe and three handshakes; the single-host provider none.
    const after = accepted()
    expect(after.map((n, i) => n - (before[i] ?? 0))).toEqual([4, 4, 4, 0])
  })

  it('the handshakes are billed to the client’s probe budget', async () => {
    // 4 probes and 12 handshakes: a budget of 16 covers one diagnosis and nothing more.
    const { app } = appFor(16)
    const first = await postJson(app, '/api/v1/diagnose', { email: 'li@alt.test' })
    expect(first.status).toBe(200)
    const second = await postJson(app, '/api/v1/diagnose', { email: 'li@alt.test' })
    expect(second.status).toBe(429)
    expect(await second.json()).toMatchObject({ error: { code: 'RATE_LIMITED', limit: 'probes' } })
  })

  it('a provider without alternatives, or a diagnosis without probes, measures nothing', async () => {
    const { app } = appFor()
    const before = accepted()
    const one = DiagnosisSchema.parse(
      await (await postJson(app, '/api/v1/diagnose', { email: 'a@one.test' })).json(),
    )
    expect(one.stability).toBeNull()
    const quick = DiagnosisSchema.parse(
      await (
        await postJson(app, '/api/v1/diagnose', { email: 'li@alt.test', probe: false })
      ).json(),
    )
    expect(quick.stability).toBeNull()
    const after = accepted()
    expect(after.map((n, i) => n - (before[i] ?? 0))).toEqual([0, 0, 0, 1])
  })

  it('the lookup with probes measures too, and streams the report with it', async () => {
    const { app } = appFor()
    const res = await app.request('/api/v1/lookup?email=li@alt.test&probe=1', {
      headers: { accept: 'text/event-stream' },
    })
    const text = await res.text()
    const report = text
      .split('\n\n')
      .find((block) => block.startsWith('event: report'))
      ?.split('\n')
      .find((line) => line.startsWith('data: '))
      ?.slice(6)
    expect(report).toBeDefined()
    const parsed = JSON.parse(report ?? '{}') as { stability?: { hosts: unknown[] } }
    expect(parsed.stability?.hosts).toHaveLength(4)
  })
})
