import { describe, expect, it } from 'vitest'
import { ProbeError } from '../../../src/errors/probe-error.ts'
import type { MxRecord, Resolver } from '../../../src/dns/resolver.ts'
import { createProviderIndex, loadBuiltInProviders } from '../../../src/providers/index.ts'
import { lookupRoutes } from '../../../src/routes/lookup.ts'
import { providersRoutes } from '../../../src/routes/providers.ts'
import { DiscoveryError } from '../../../src/discovery/discovery-error.ts'
import type { HttpGet } from '../../../src/discovery/http.ts'
import { createDiscovery } from '../../../src/discovery/pipeline.ts'
import { createHostLimiter } from '../../../src/probes/host-limiter.ts'
import { createCostMeter } from '../../../src/security/costs.ts'
import { testRuntime } from '../../fake/test-runtime.ts'
import { createSocketBudget } from '../../../src/security/socket-budget.ts'
import { createNodeContextStore } from '../../../src/util/context-store-node.ts'
import { createTargetGuard } from '../../../src/security/target-guard.ts'

const providers = createProviderIndex(loadBuiltInProviders())

/** A fake resolver answering MX queries from a table; unknown names are NXDOMAIN. */
const fakeResolver = (mx: Record<string, MxRecord[]>): Resolver & { asked: string[] } => {
  const asked: string[] = []
  return {
    asked,
    addresses: async () => [],
    srv: async () => [],
    mx: async (name) => {
      asked.push(name)
      const records = mx[name]
      if (!records) throw new ProbeError('DNS_NXDOMAIN', name)
      return records
    },
  }
}

describe('GET /api/v1/providers', () => {
  const app = providersRoutes({ providers })

  it('returns the entry for a domain or an alias', async () => {
    const res = await app.request('/FoxMail.com.')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ id: 'qq', credential: 'authorization-code' })
  })

  it('uses the lookup rule (domain or alias, never an entry id): /1und1.de as user@1und1.de', async () => {
    const res = await app.request('/1und1.de')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { id: string; domains: string[] }
    expect(body.id).toBe(providers.byDomain('1und1.de')?.id)
    expect(body.domains).toContain('1und1.de')
    // An entry id is not a domain: it is refused as input, not found through a side door.
    const byId = await app.request('/netease-free')
    expect(byId.status).toBe(400)
  })

  it('words its sources as data sources: name, address and licence', async () => {
    const res = await app.request('/163.com')
    const body = (await res.json()) as {
      sources: { name: string; url?: string; licence?: string }[]
    }
    expect(body.sources).toContainEqual(
      expect.objectContaining({
        name: 'Thunderbird ISPDB (Mozilla autoconfig database)',
        url: expect.stringMatching(
          /^https:\/\/github\.com\/thunderbird\/autoconfig\/blob\/[0-9a-f]+\/ispdb\/163\.com\.xml$/,
        ),
        licence: 'MPL-2.0',
      }),
    )
    expect(JSON.stringify(body.sources)).not.toMatch(/"DeltaChat /)
  })

  it('answers 404 JSON for an unknown domain', async () => {
    const res = await app.request('/nobody.example')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      error: {
        code: 'PROVIDER_NOT_FOUND',
        message: 'No provider known for nobody.example',
        field: 'domain',
      },
    })
  })

  it('answers 400 for a malformed domain', async () => {
    const res = await app.request('/bad..name')
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_INPUT', field: 'domain' } })
  })

  it('searches by name or domain', async () => {
    const res = await app.request('/?q=163&limit=3')
    const body = (await res.json()) as { providers: { id: string }[] }
    expect(body.providers.length).toBeLessThanOrEqual(3)
    expect(body.providers.map((p) => p.id)).toContain('netease-free')
    const zh = (await (await app.request(`/?q=${encodeURIComponent('腾讯')}`)).json()) as {
      providers: { id: string }[]
    }
    expect(zh.providers.map((p) => p.id)).toContain('tencent-exmail')
  })

  it('requires q', async () => {
    const res = await app.request('/')
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_INPUT', field: 'q' } })
  })
})

describe('GET /api/v1/lookup', () => {
  const resolver = fakeResolver({
    'acme-corp.example': [
      { exchange: 'mxbiz2.qq.com', priority: 10 },
      { exchange: 'mxbiz1.qq.com', priority: 5 },
    ],
    'no-mx.example': [],
  })
  // No autoconfig server anywhere: every fetch fails at once, as for a domain without one.
  const httpGet: HttpGet = async (url) => {
    throw new DiscoveryError('FETCH_FAILED', url.href)
  }
  const guard = createTargetGuard({ resolver, allow: [], ports: [993] })
  const discovery = createDiscovery({
    providers,
    resolver,
    httpGet,
    probe: { guard, connect: testRuntime.connect(), limiter: createHostLimiter() },
  })
  const app = lookupRoutes({
    discovery,
    budget: createSocketBudget(10),
    costs: createCostMeter({ store: createNodeContextStore() }),
  })
  type Body = {
    email: string
    domain: string
    provider: { id: string; name: string } | null
    incoming: { protocol: string; host: string; username: string; verified: boolean }[]
    outgoing: { host: string; port: number }[]
    recommended: { incoming: { host: string } | null; outgoing: { host: string } | null }
    hints: string[]
  }
  const get = async (qs: string, headers: Record<string, string> = {}) => {
    const res = await app.request(`/?${qs}`, { headers })
    return { status: res.status, body: (await res.json()) as Body }
  }

  it('finds the provider by the address domain, unprobed', async () => {
    const { status, body } = await get('email=Ann@126.COM&lang=en')
    expect(status).toBe(200)
    expect(body).toMatchObject({
      email: 'Ann@126.com',
      domain: '126.com',
      provider: { id: 'netease-free' },
    })
    expect(body.recommended.incoming).toMatchObject({
      host: 'imap.126.com',
      port: 993,
      security: 'tls',
      username: 'Ann@126.com',
    })
    expect(body.recommended.outgoing).toMatchObject({ host: 'smtp.126.com', port: 465 })
    expect(body.hints.join('\n')).toMatch(/authorization code/)
    expect(body.incoming.every((server) => !server.verified)).toBe(true)
  })

  it('finds a company domain by its MX hosts through the resolver', async () => {
    const { body } = await get('email=bob@acme-corp.example', {
      'accept-language': 'zh-CN,zh;q=0.9',
    })
    expect(body.provider).toMatchObject({ id: 'tencent-exmail', name: '腾讯企业邮箱' })
    expect(body.incoming[0]).toMatchObject({
      protocol: 'imap',
      host: 'imap.exmail.qq.com',
      username: 'bob@acme-corp.example',
    })
    expect(body.hints.join('\n')).toMatch(/客户端专用密码/)
    expect(resolver.asked).toContain('acme-corp.example')
  })

  it('picks the regional host for region=intl and names the other; refuses an unknown region', async () => {
    const { status, body } = await get('email=bob@acme-corp.example&lang=en&region=intl')
    expect(status).toBe(200)
    expect(body.recommended.incoming).toMatchObject({
      host: 'hwimap.exmail.qq.com',
      region: 'intl',
    })
    const reasons = (body as unknown as { reasons: { code: string; text: string }[] }).reasons
    expect(reasons.find((r) => r.code === 'SERVER_REGION')?.text).toContain('imap.exmail.qq.com')
    const res = await app.request('/?email=bob@acme-corp.example&region=mars')
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_INPUT', field: 'region' } })
  })

  it('answers in the language asked for, defaulting from Accept-Language', async () => {
    const zh = await get('email=a@qq.com', { 'accept-language': 'zh-TW' })
    expect(zh.body.provider?.name).toBe('QQ邮箱')
    const en = await get('email=a@qq.com&lang=en', { 'accept-language': 'zh-CN' })
    expect(en.body.provider?.name).toBe('QQ Mail')
    expect(en.body.hints[0]).toMatch(/authorization code/)
  })

  it('finds the same provider for user@1und1.de as GET /api/v1/providers/1und1.de', async () => {
    const { body } = await get('email=user@1und1.de&lang=en')
    expect(body.provider?.id).toBe(providers.byDomain('1und1.de')?.id)
    expect(body.recommended.incoming?.host).toBe('imap.ionos.de')
  })

  it('answers with provider null and empty lists for an unknown domain without MX', async () => {
    for (const email of ['x@no-mx.example', 'x@nxdomain.example']) {
      const { status, body } = await get(`email=${email}`)
      expect(status).toBe(200)
      expect(body).toMatchObject({
        email,
        domain: email.split('@')[1],
        provider: null,
        incoming: [],
        outgoing: [],
        recommended: { incoming: null, outgoing: null },
        hints: [],
      })
    }
  })

  it('handles an IDN address', async () => {
    const { status, body } = await get(`email=${encodeURIComponent('张三@例子.中国')}`)
    expect(status).toBe(200)
    expect(body.domain).toBe('xn--fsqu00a.xn--fiqs8s')
  })

  it('rejects an invalid address with 400 naming email', async () => {
    for (const qs of ['email=not-an-address', 'email=a@b', 'email=', '', 'email=a%20b@qq.com']) {
      const res = await app.request(`/?${qs}`)
      expect(res.status, qs).toBe(400)
      expect(await res.json()).toMatchObject({ error: { code: 'INVALID_INPUT', field: 'email' } })
    }
  })

  it('rejects an unsupported lang naming lang', async () => {
    const res = await app.request('/?email=a@qq.com&lang=fr')
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { field: 'lang' } })
  })
})
