/**
 * The measured connect stability in a diagnosis, against scripted fake servers: an operator
 * overlay names a provider with regional alternatives (mainland and overseas IMAP and SMTP hosts,
 * the overseas SMTP port refused); a probing diagnosis gives each of them three handshakes, in
 * the report with median and spread, billed to the client's probe budget; a provider without
 * alternatives and a diagnosis without probes measure nothing. The stream's `recommendation`
 * events carry the choice and the figures as each host's handshakes end, before the report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Resolver } from '../../../src/dns/resolver.ts'
import { ProbeError } from '../../../src/errors/probe-error.ts'
import { CLIENT_IDS } from '../../../src/guides/types.ts'
import {
  DiagnosisSchema,
  GuideSchema,
  RecommendationEventSchema,
  StoredReportSchema,
} from '../../../src/openapi/schemas.ts'
import {
  createProviderIndex,
  loadBuiltInProviders,
  parseProviders,
} from '../../../src/providers/index.ts'
import { type FakeServer, startFakeServer } from '../../fake/fake-server.ts'
import { type MailServer, startMailServer } from '../../fake/mail-server.ts'
import { type TestCert, makeSelfSignedCert } from '../../fake/test-cert.ts'
import { createTestApp, postJson } from '../../fake/test-app.ts'
import { createSseParser, type SseEvent } from '../../../web/lib/sse.ts'

const NAMES = [
  'imap.alt.test',
  'hwimap.alt.test',
  'smtp.alt.test',
  'hwsmtp.alt.test',
  'mail.one.test',
  'imap.slow.test',
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
/** Greets 600 ms late: every handshake with it is slow, so the other host is clearly steadier. */
let slow: MailServer
let refusedPort = 0
/** Each fake server's own certificate, trusted by the app: the probes verify them. */
const certs: TestCert[] = []
const SLOW_GREETING_MS = 600
const serve = (protocol: 'imap' | 'smtp', name: string, greetingDelayMs = 0) => {
  const cert = makeSelfSignedCert(name)
  certs.push(cert)
  const greeting = greetingDelayMs
    ? { reply: '* OK slow fake ready', delayMs: greetingDelayMs }
    : undefined
  return startMailServer(protocol, { implicitTls: true, cert, greeting })
}

beforeAll(async () => {
  imapCn = await serve('imap', 'imap.alt.test')
  imapIntl = await serve('imap', 'hwimap.alt.test')
  smtpCn = await serve('smtp', 'smtp.alt.test')
  single = await serve('imap', 'mail.one.test')
  slow = await serve('imap', 'imap.slow.test', SLOW_GREETING_MS)
  const gone: FakeServer = await startFakeServer(() => undefined)
  refusedPort = gone.port
  await gone.close()
})
afterAll(async () => {
  await Promise.all([imapCn, imapIntl, smtpCn, single, slow].map((s) => s.close()))
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
        // The mainland host is slow from here, the overseas one (the alt fake) quick.
        id: 'slow-lab',
        name: { en: 'Slow mainland (fake)' },
        domains: ['slow.test'],
        servers: {
          imap: [
            { host: 'imap.slow.test', port: slow.port, security: 'tls', region: 'cn' },
            { host: 'hwimap.alt.test', port: imapIntl.port, security: 'tls', region: 'intl' },
          ],
          smtp: [{ host: 'smtp.alt.test', port: smtpCn.port, security: 'tls' }],
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
    ports: [imapCn.port, imapIntl.port, smtpCn.port, refusedPort, single.port, slow.port],
    limits: { probes },
    ca: certs.map((c) => c.cert),
    timeoutMs: 5_000,
    // Above the slow host's greeting: it is slow, not silent (no GREETING_SLOW warning).
    nudgeMs: 2_000,
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

/** A probing diagnosis, then one guide per client from the stored report. */
const diagnoseAndGuides = async (body: Record<string, unknown>, lang: 'en' | 'zh-CN') => {
  const { app } = appFor()
  const res = await postJson(app, '/api/v1/diagnose', { email: 'li@alt.test', lang, ...body })
  const report = DiagnosisSchema.parse(await res.json())
  const guides = await Promise.all(
    CLIENT_IDS.map(async (client) => {
      const r = await app.request(`/api/v1/reports/${report.id}/guides/${client}?lang=${lang}`)
      expect(r.status, client).toBe(200)
      return GuideSchema.parse(await r.json())
    }),
  )
  return { report, guides }
}

describe('the choice among the alternatives, in the report and every guide', () => {
  it('outside mainland China (answered): hwimap; the overseas SMTP host refused, so smtp, saying why', async () => {
    const { report, guides } = await diagnoseAndGuides({ region: 'intl' }, 'en')
    expect(report).toMatchObject({ region: 'intl', regionFrom: 'answer' })
    expect(report.recommended.incoming?.host).toBe('hwimap.alt.test')
    expect(report.recommended.outgoing?.host).toBe('smtp.alt.test')
    expect(report.hostChoice).toEqual([
      expect.objectContaining({
        protocol: 'imap',
        host: 'hwimap.alt.test',
        because: 'region',
        alternative: expect.objectContaining({ host: 'imap.alt.test', region: 'cn' }),
      }),
      expect.objectContaining({
        protocol: 'smtp',
        host: 'smtp.alt.test',
        because: 'unreachable',
        alternative: expect.objectContaining({ host: 'hwsmtp.alt.test', region: 'intl' }),
      }),
    ])
    const region = report.reasons.find((r) => r.code === 'SERVER_REGION')?.text
    expect(region).toMatch(
      /^You read your mail outside mainland China, so this service recommends hwimap\.alt\.test \(IMAP, port \d+\)\./,
    )
    expect(region).toContain(
      'The provider has imap.alt.test for the same mailbox in mainland China',
    )
    expect(report.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['SERVER_ALTERNATIVE_UNREACHABLE', 'SERVER_MEASURED']),
    )
    for (const guide of guides) {
      expect(guide.incoming?.host, guide.client).toBe('hwimap.alt.test')
      expect(guide.outgoing?.host, guide.client).toBe('smtp.alt.test')
      const notices = guide.notices.join('\n')
      expect(notices, guide.client).toContain(region)
      expect(notices).toContain('hwsmtp.alt.test, the provider’s host for mail read outside')
      expect(notices).toContain('measured from this service’s own location, not yours')
    }
  })

  it('no answer, a mainland time zone: the mainland hosts, saying so, in Chinese in every guide', async () => {
    const { report, guides } = await diagnoseAndGuides({ timeZone: 'Asia/Shanghai' }, 'zh-CN')
    expect(report).toMatchObject({ region: 'cn', regionFrom: 'time-zone' })
    expect(report.recommended.incoming?.host).toBe('imap.alt.test')
    expect(report.hostChoice[0]).toMatchObject({ host: 'imap.alt.test', because: 'time-zone' })
    const text = report.reasons.find((r) => r.code === 'SERVER_REGION_TIMEZONE')?.text ?? ''
    expect(text).toContain('根据浏览器的时区')
    expect(text).toContain(
      '服务商还为中国大陆境外提供同一邮箱的 hwimap.alt.test 和 hwsmtp.alt.test',
    )
    for (const guide of guides) {
      expect(guide.incoming?.host, guide.client).toBe('imap.alt.test')
      expect(guide.notices.join('\n'), guide.client).toContain(text)
      expect(guide.notices.join('\n')).toContain('而不是你的位置')
    }
  })

  it('a diagnosis without probes says it measured nothing, and every guide of it too; a probing one does not', async () => {
    const { report, guides } = await diagnoseAndGuides({ probe: false, region: 'intl' }, 'en')
    expect(report.stability).toBeNull()
    const text = report.reasons.find((r) => r.code === 'SERVER_NOT_MEASURED')?.text
    expect(text).toBe(
      'This service has not measured the connection to hwimap.alt.test / hwsmtp.alt.test or imap.alt.test / smtp.alt.test: the host is chosen only by where you said you read your mail. A check of the address with the servers tested live also times a few handshakes with each (from this service’s location, not yours).',
    )
    for (const guide of guides) expect(guide.notices, guide.client).toContain(text)
    const probed = await diagnoseAndGuides({ region: 'intl' }, 'en')
    expect(probed.report.reasons.map((r) => r.code)).not.toContain('SERVER_NOT_MEASURED')
    for (const guide of probed.guides)
      expect(guide.notices.join('\n')).not.toContain('has not measured')
  })

  it('the stored report in the other language keeps the choice and says it in that language', async () => {
    const { app } = appFor()
    const res = await postJson(app, '/api/v1/diagnose', {
      email: 'li@alt.test',
      lang: 'en',
      region: 'intl',
    })
    const { id } = (await res.json()) as { id: string }
    const zh = await (await app.request(`/api/v1/reports/${id}?lang=zh-CN`)).json()
    const stored = StoredReportSchema.parse(zh)
    expect(stored.recommended.incoming?.host).toBe('hwimap.alt.test')
    expect(stored.reasons.find((r) => r.code === 'SERVER_REGION')?.text).toContain(
      '你在中国大陆境外收发邮件',
    )
  })

  it('a time zone that is not one is a 400 naming timeZone', async () => {
    const { app } = appFor()
    const res = await postJson(app, '/api/v1/diagnose', {
      email: 'li@alt.test',
      timeZone: '../etc/passwd',
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_INPUT', field: 'timeZone' } })
  })
})

/** A diagnosis as a stream: every event in order, with its data parsed. */
const streamed = async (body: Record<string, unknown>) => {
  const { app } = appFor()
  const res = await postJson(app, '/api/v1/diagnose', body, { accept: 'text/event-stream' })
  expect(res.headers.get('content-type')).toContain('text/event-stream')
  const events: SseEvent[] = []
  const parser = createSseParser((e) => events.push(e))
  parser.push(await res.text())
  parser.end()
  return events.map((e) => ({ name: e.event, data: JSON.parse(e.data) as unknown }))
}

const recommendations = (events: Awaited<ReturnType<typeof streamed>>) =>
  events
    .filter((e) => e.name === 'recommendation')
    .map((e) => RecommendationEventSchema.parse(e.data))

describe('the stream’s recommendation events carry the choice and its figures', () => {
  it('Berlin time zone: the choice from the first recommendation on, one more event per measured host, the last one the report’s', async () => {
    const events = await streamed({ email: 'li@alt.test', lang: 'en', timeZone: 'Europe/Berlin' })
    const names = events.map((e) => e.name)
    expect(names.at(-1)).toBe('report')
    expect(names.filter((n) => n === 'report')).toHaveLength(1)
    const report = DiagnosisSchema.parse(events.at(-1)?.data)
    const recs = recommendations(events)
    // The region decides before anything is measured: the first event already says so.
    expect(recs[0]?.hostChoice[0]).toMatchObject({
      protocol: 'imap',
      host: 'hwimap.alt.test',
      because: 'time-zone',
    })
    expect(recs[0]?.reasons.map((r) => r.code)).toContain('SERVER_REGION_TIMEZONE')
    // Each of the four hosts, as its handshakes end, adds itself to the figures and an event.
    const counts = recs.map((r) => r.stability?.hosts.length ?? 0)
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
    for (const n of [1, 2, 3, 4]) expect(counts).toContain(n)
    const measuredAt = recs.findIndex((r) => r.stability !== null)
    expect(recs[measuredAt]?.stability).toMatchObject({ measuredFrom: 'service', handshakes: 3 })
    // The figures in the events are the report's, host by host, as they came.
    const last = recs.at(-1)
    expect(last?.stability).toEqual(report.stability)
    expect(last?.hostChoice).toEqual(report.hostChoice)
    expect(last?.reasons).toEqual(report.reasons)
    expect(last?.recommended).toEqual(report.recommended)
    // Once the refused overseas SMTP host is measured, the events say it did not answer.
    const silentAt = recs.findIndex((r) =>
      r.stability?.hosts.some((h) => h.host === 'hwsmtp.alt.test'),
    )
    expect(silentAt).toBeGreaterThanOrEqual(0)
    expect(recs[silentAt]?.reasons.find((r) => r.code === 'SERVER_MEASURED')?.text).toContain(
      'hwsmtp.alt.test no handshake completed (0 of 3)',
    )
  })

  it('no region: the provider’s first host at first, the steadier one once both are measured', async () => {
    const events = await streamed({ email: 'li@slow.test', lang: 'en' })
    const report = DiagnosisSchema.parse(events.at(-1)?.data)
    const recs = recommendations(events)
    const imapChoice = (r: (typeof recs)[number]) => r.hostChoice.find((c) => c.protocol === 'imap')
    const first = recs[0]
    if (!first) throw new Error('no recommendation event')
    expect(imapChoice(first)).toMatchObject({
      host: 'imap.slow.test',
      because: 'provider-default',
    })
    const switched = recs.findIndex((r) => imapChoice(r)?.because === 'steadier')
    expect(switched, 'an event with the steadier host').toBeGreaterThan(0)
    // No event says "steadier" before both hosts' figures are in it, and each that does shows
    // the figures that justify it: the slow host slower by its late greeting.
    for (const r of recs.filter((e) => imapChoice(e)?.because === 'steadier')) {
      const figures = r.stability?.hosts ?? []
      const slowHost = figures.find((h) => h.host === 'imap.slow.test')
      const quickHost = figures.find((h) => h.host === 'hwimap.alt.test')
      expect(slowHost?.medianMs).toBeGreaterThanOrEqual(SLOW_GREETING_MS)
      expect(quickHost?.medianMs).toBeLessThan(SLOW_GREETING_MS)
      expect(r.recommended.incoming?.host).toBe('hwimap.alt.test')
      expect(r.reasons.map((n) => n.code)).toContain('SERVER_STEADIER')
    }
    // And the report agrees.
    expect(report.hostChoice.find((c) => c.protocol === 'imap')).toMatchObject({
      host: 'hwimap.alt.test',
      because: 'steadier',
    })
    expect(report.recommended.incoming?.host).toBe('hwimap.alt.test')
  })

  it('without probes the events carry the choice and no figures', async () => {
    const events = await streamed({ email: 'li@alt.test', lang: 'en', probe: false, region: 'cn' })
    const recs = recommendations(events)
    expect(recs.length).toBeGreaterThan(0)
    for (const r of recs) expect(r.stability).toBeNull()
    expect(recs.at(-1)?.hostChoice[0]).toMatchObject({ host: 'imap.alt.test', because: 'region' })
  })
})
