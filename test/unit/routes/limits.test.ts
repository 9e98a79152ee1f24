/**
 * Limits by cost, through the whole app (app.request): answers from the provider database or kept
 * verified settings cost a request and nothing more, even for a client whose probe and lookup
 * budgets are spent; each probe socket and each DNS query or autoconfig fetch is billed to the
 * client that caused it, and a client whose budget is spent gets 429 naming it, with Retry-After.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSqliteReportStore } from '../../../src/diagnose/store-sqlite-node.ts'
import type { Resolver } from '../../../src/dns/resolver.ts'
import { ProbeError } from '../../../src/errors/probe-error.ts'
import { ErrorBodySchema } from '../../../src/openapi/schemas.ts'
import type { MailServer } from '../../fake/mail-server.ts'
import { startMailServer } from '../../fake/mail-server.ts'
import { createTestApp, postJson } from '../../fake/test-app.ts'
import { outlookRequest } from '../formats/fixture.ts'

let pop3: MailServer
beforeAll(async () => {
  pop3 = await startMailServer('pop3', {})
})
afterAll(() => pop3.close())

type App = ReturnType<typeof createTestApp>['app']
const as = (client: string) => ({ 'x-test-client': client })

const probeOnce = (app: App, client: string) =>
  postJson(
    app,
    '/api/v1/probe',
    { host: '127.0.0.1', port: pop3.port, protocol: 'pop3' },
    as(client),
  )

/** The requests a mail client makes to configure itself: Thunderbird, Outlook, Apple Mail. */
const configure = (app: App, email: string, client: string) => {
  const query = `emailaddress=${encodeURIComponent(email)}`
  return Promise.all([
    app.request(`/mail/config-v1.1.xml?${query}`, { headers: as(client) }),
    app.request(`/.well-known/autoconfig/mail/config-v1.1.xml?${query}`, { headers: as(client) }),
    app.request('/autodiscover/autodiscover.xml', {
      method: 'POST',
      headers: { 'content-type': 'text/xml', ...as(client) },
      body: outlookRequest(email),
    }),
    app.request(`/mobileconfig?${query}`, { headers: as(client) }),
    app.request(`/api/v1/guides/thunderbird?email=${encodeURIComponent(email)}`, {
      headers: as(client),
    }),
  ])
}

/** A 429 RATE_LIMITED naming `budget`, with a wait. */
const expectLimited = async (res: Response, budget: string) => {
  expect(res.status).toBe(429)
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
  const body = ErrorBodySchema.parse(await res.json())
  expect(body.error).toMatchObject({ code: 'RATE_LIMITED', limit: budget })
  return body.error.message
}

/** A resolver that counts the queries it answers: every name exists nowhere. */
const countingResolver = () => {
  const count = { queries: 0 }
  const resolver: Resolver = {
    addresses: async (name) => {
      count.queries++
      throw new ProbeError('DNS_NXDOMAIN', name)
    },
    mx: async () => {
      count.queries++
      return []
    },
    srv: async () => {
      count.queries++
      return []
    },
  }
  return { resolver, count }
}

describe('limits by cost', () => {
  it('an office of 200 behind one address configures a database domain while that address is out of probes', async () => {
    const { app } = createTestApp({
      ports: [pop3.port],
      limits: { probes: 1, lookups: 1, requests: 10_000 },
    })
    expect((await probeOnce(app, 'office')).status).toBe(200)
    await expectLimited(await probeOnce(app, 'office'), 'probes')

    const statuses = new Map<number, number>()
    for (let person = 0; person < 200; person++) {
      for (const res of await configure(app, `person${person}@qq.com`, 'office')) {
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
      }
    }
    expect(Object.fromEntries(statuses)).toEqual({ 200: 1_000 })
    // Still out of probes: the burst did not refill or reset the probe budget.
    await expectLimited(await probeOnce(app, 'office'), 'probes')
  })

  it('each probe socket costs one: the budget runs out after that many, for that client only', async () => {
    const { app } = createTestApp({ ports: [pop3.port], limits: { probes: 3 } })
    const before = pop3.accepted()
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await probeOnce(app, 'hammer')).status)
    expect(statuses).toEqual([200, 200, 200, 429])
    expect(pop3.accepted() - before).toBe(3)
    const message = await expectLimited(await probeOnce(app, 'hammer'), 'probes')
    expect(message).toContain('3 probe sockets a minute')
    expect((await probeOnce(app, 'neighbour')).status).toBe(200)
  })

  it('a whole matrix asks for its seven sockets before it starts', async () => {
    // Nothing listens on 127.0.0.1's mail ports: seven refused connections, seven sockets spent.
    const { app } = createTestApp({ limits: { probes: 10 } })
    const matrix = () => postJson(app, '/api/v1/probe', { host: '127.0.0.1' }, as('m'))
    expect((await matrix()).status).toBe(200)
    await expectLimited(await matrix(), 'probes')
  })

  it('a request that sends nothing costs only the generous request budget', async () => {
    const { app } = createTestApp({ limits: { requests: 5, probes: 1 }, allow: [] })
    const statuses = []
    for (let i = 0; i < 5; i++)
      statuses.push((await postJson(app, '/api/v1/probe', { host: '10.0.0.1' }, as('r'))).status)
    expect(statuses).toEqual([403, 403, 403, 403, 403])
    await expectLimited(
      await app.request('/api/v1/providers/qq.com', { headers: as('r') }),
      'requests',
    )
    expect((await app.request('/healthz', { headers: as('r') })).status).toBe(200)
  })

  it('DNS queries are billed to lookups; a client past its budget is refused before discovering again', async () => {
    const { resolver, count } = countingResolver()
    const { app } = createTestApp({ resolver, limits: { lookups: 5 } })
    const lookup = (email: string, client = 'l') =>
      app.request(`/api/v1/lookup?email=${encodeURIComponent(email)}`, { headers: as(client) })
    expect((await lookup('ann@unknown-one.example')).status).toBe(200)
    expect(count.queries).toBeGreaterThan(5)
    const queries = count.queries
    await expectLimited(await lookup('ann@unknown-two.example'), 'lookups')
    expect(count.queries).toBe(queries)
    await expectLimited(
      await postJson(app, '/api/v1/diagnose', { email: 'ann@unknown-two.example' }, as('l')),
      'lookups',
    )
    // Another client's discovery is not held back by this one's.
    expect((await lookup('ann@unknown-three.example', 'other')).status).toBe(200)
  })

  it('kept verified settings answer a client whose lookup budget is spent; a new domain waits', async () => {
    const { resolver } = countingResolver()
    const reports = openSqliteReportStore(':memory:')
    const now = 1_000_000
    await reports.saveVerified({
      domain: 'kept.example',
      createdAt: now,
      expiresAt: now + 3_600_000,
      settings: {
        providerId: null,
        servers: [
          {
            protocol: 'imap',
            host: 'imap.kept.example',
            port: 993,
            security: 'tls',
            username: 'address',
            source: 'guess',
          },
          {
            protocol: 'smtp',
            host: 'smtp.kept.example',
            port: 465,
            security: 'tls',
            username: 'address',
            source: 'mx',
          },
        ],
      },
    })
    const { app } = createTestApp({ resolver, reports, now: () => now, limits: { lookups: 2 } })
    const xml = (email: string) =>
      app.request(`/mail/config-v1.1.xml?emailaddress=${encodeURIComponent(email)}`, {
        headers: as('k'),
      })
    expect((await xml('ann@kept.example')).status).toBe(200)
    const kept = await xml('bob@kept.example')
    expect(kept.status).toBe(200)
    expect(await kept.text()).toContain('<hostname>imap.kept.example</hostname>')
    await expectLimited(await xml('ann@not-kept.example'), 'lookups')
  })
})
