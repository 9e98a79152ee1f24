/**
 * The kept answers for database domains (src/routes/known-answers.ts): the bytes are the ones the
 * full path builds for the asker's own address, whatever the local part holds; ETag and
 * If-None-Match give a 304; they pass the rate limit, which still holds for everything else.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_RETENTION } from '../../../src/app.ts'
import { createClientSettings } from '../../../src/diagnose/client-settings.ts'
import { openSqliteReportStore } from '../../../src/diagnose/store-sqlite-node.ts'
import { createDiscovery } from '../../../src/discovery/pipeline.ts'
import { renderAutoconfig } from '../../../src/formats/autoconfig.ts'
import { createProviderIndex, loadBuiltInProviders } from '../../../src/providers/index.ts'
import { createHostLimiter } from '../../../src/probes/host-limiter.ts'
import { createCostMeter } from '../../../src/security/costs.ts'
import { createNodeContextStore } from '../../../src/util/context-store-node.ts'
import { createSocketBudget } from '../../../src/security/socket-budget.ts'
import { createTestApp } from '../../fake/test-app.ts'
import { loopbackDeps, noDns } from '../../fake/probe-deps.ts'

const lookupUrl = (email: string, extra = '', probe = '0') =>
  `/api/v1/lookup?email=${encodeURIComponent(email)}&probe=${probe}${extra}`

/** The final `report` event of the streamed lookup: the full path, which the kept answers skip. */
const streamedReport = async (app: ReturnType<typeof createTestApp>['app'], url: string) => {
  const res = await app.request(url, { headers: { accept: 'text/event-stream' } })
  const block = (await res.text()).split('\n\n').find((b) => b.startsWith('event: report'))
  return /^data: (.*)$/m.exec(block ?? '')?.[1]
}

// Local parts that JSON, the form-urlencoded autoconfig URL and XML each write differently.
const LOCAL_PARTS = ['ann', "O'Brien+tag", 'a&b=c', '用户', 'Mixed.Case~x']

describe('GET /api/v1/lookup?probe=0 for a database domain', () => {
  it.each(LOCAL_PARTS)('answers the bytes the full path builds for %s', async (local) => {
    const { app } = createTestApp()
    for (const [domain, extra] of [
      ['qq.com', ''],
      ['qq.com', '&lang=zh-CN'],
      ['exmail.qq.com', '&region=intl'],
      // its IMAP username is the local part (%EMAILLOCALPART%)
      ['bol.com.br', ''],
    ] as const) {
      const url = lookupUrl(`${local}@${domain}`, extra)
      const res = await app.request(url)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/json')
      const body = await res.text()
      expect(body).toBe(await streamedReport(app, url))
      expect(JSON.parse(body)).toMatchObject({ email: `${local}@${domain}` })
    }
  })

  it('sends an ETag per address, Cache-Control and Vary: Accept-Language; If-None-Match gives 304', async () => {
    const { app } = createTestApp()
    const first = await app.request(lookupUrl('ann@qq.com'))
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[^"]+"$/)
    expect(first.headers.get('cache-control')).toBe('private, max-age=300')
    expect(first.headers.get('vary')).toContain('Accept-Language')
    expect(first.headers.get('x-request-id')).toBeTruthy()

    const again = await app.request(lookupUrl('ann@qq.com'), {
      headers: { 'if-none-match': `W/"other", ${etag}` },
    })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)

    const other = await app.request(lookupUrl('bob@qq.com'), {
      headers: { 'if-none-match': etag! },
    })
    expect(other.status).toBe(200)
    expect(other.headers.get('etag')).not.toBe(etag)
    const chinese = await app.request(lookupUrl('ann@qq.com'), {
      headers: { 'accept-language': 'zh-CN,zh;q=0.9', 'if-none-match': etag! },
    })
    expect(chinese.status).toBe(200)
    expect(await chinese.json()).toMatchObject({ lang: 'zh-CN' })
  })

  it('costs only the request: no lookups budget is spent once the answer is kept', async () => {
    const { app } = createTestApp({ limits: { lookups: 20 } })
    // The first answer for the domain runs its network sources (billed to the first asker).
    expect((await app.request(lookupUrl('first@qq.com'))).status).toBe(200)
    for (let i = 0; i < 30; i++)
      expect((await app.request(lookupUrl(`u${i}@qq.com`))).status).toBe(200)
    const unknown = []
    for (let i = 0; i < 5; i++)
      unknown.push((await app.request(lookupUrl(`u${i}@unknown-domain.example`))).status)
    expect(unknown).toContain(429)
  })

  it('leaves a bad query to the route: 400 naming the field', async () => {
    const { app } = createTestApp()
    const res = await app.request('/api/v1/lookup?email=not-an-address&probe=0')
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_INPUT', field: 'email' } })
  })
})

describe('GET /mail/config-v1.1.xml for a database domain', () => {
  const providers = createProviderIndex(loadBuiltInProviders())
  const settings = createClientSettings({
    discovery: createDiscovery({
      providers,
      resolver: noDns,
      httpGet: () => Promise.reject(new Error('no network in this test')),
      probe: { ...loopbackDeps([]), limiter: createHostLimiter(1) },
    }),
    storage: {
      store: openSqliteReportStore(':memory:'),
      retention: DEFAULT_RETENTION,
      providers,
      now: Date.now,
    },
    budget: createSocketBudget(1),
    costs: createCostMeter({ store: createNodeContextStore() }),
    sockets: 1,
  })

  it.each(LOCAL_PARTS)('answers what the renderer writes for %s, with an ETag', async (local) => {
    const { app } = createTestApp()
    for (const domain of ['qq.com', 'bol.com.br', 'gmail.com']) {
      const email = `${local}@${domain}`
      const path = `/mail/config-v1.1.xml?emailaddress=${encodeURIComponent(email)}`
      const res = await app.request(path)
      expect(res.status).toBe(200)
      expect(await res.text()).toBe(renderAutoconfig(await settings(email)))
      const etag = res.headers.get('etag')!
      const cached = await app.request(path, { headers: { 'if-none-match': etag } })
      expect(cached.status).toBe(304)
    }
  })
})
