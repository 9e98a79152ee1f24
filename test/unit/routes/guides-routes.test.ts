import { describe, expect, it } from 'vitest'
import { CLIENT_IDS } from '../../../src/guides/index.ts'
import { guidesRoutes } from '../../../src/routes/guides.ts'
import { settings } from '../formats/fixture.ts'
import { createTestApp } from '../../fake/test-app.ts'

const app = guidesRoutes({ settings })

describe('GET /api/v1/guides', () => {
  it('lists the clients in the language asked for', async () => {
    const res = await app.request('/', { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } })
    const body = (await res.json()) as { clients: { id: string; name: string }[] }
    expect(body.clients.map((c) => c.id)).toEqual([...CLIENT_IDS])
    expect(body.clients[0]?.name).toContain('经典版')
  })

  it('answers a guide as JSON', async () => {
    const res = await app.request('/foxmail?email=ann@qq.com&lang=zh-CN&protocol=pop3')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      client: 'foxmail',
      lang: 'zh-CN',
      protocol: 'pop3',
      incoming: { host: 'pop.qq.com', port: 995, securityLabel: '勾选 SSL' },
      credential: { kind: 'authorization-code' },
    })
  })

  it('takes the language from Accept-Language when lang is absent', async () => {
    const res = await app.request('/thunderbird?email=ann@qq.com', {
      headers: { 'accept-language': 'zh-CN' },
    })
    expect(await res.json()).toMatchObject({ lang: 'zh-CN', clientName: 'Thunderbird' })
  })

  it('answers 404 listing the known clients for an unknown one', async () => {
    const res = await app.request('/mutt?email=ann@qq.com')
    expect(res.status).toBe(404)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('UNKNOWN_CLIENT')
    for (const id of CLIENT_IDS) expect(body.error.message).toContain(id)
  })

  it.each(['', '?email=', '?email=nope', '?email=a%20b@qq.com'])(
    'answers 400 naming email for %j',
    async (query) => {
      const res = await app.request(`/thunderbird${query}`)
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ error: { code: 'INVALID_INPUT', field: 'email' } })
    },
  )

  it('names lang and protocol when they are wrong', async () => {
    const lang = await app.request('/thunderbird?email=ann@qq.com&lang=fr')
    expect(await lang.json()).toMatchObject({ error: { field: 'lang' } })
    const protocol = await app.request('/thunderbird?email=ann@qq.com&protocol=smtp')
    expect(await protocol.json()).toMatchObject({ error: { field: 'protocol' } })
  })
})

describe('GET /api/v1/guides (the list)', () => {
  it('names the clients in the language asked for, as documented', async () => {
    const { app } = createTestApp()
    const zh = (await (await app.request('/api/v1/guides?lang=zh-CN')).json()) as {
      clients: { id: string; name: string }[]
    }
    const en = (await (
      await app.request('/api/v1/guides?lang=en', { headers: { 'accept-language': 'zh-CN' } })
    ).json()) as typeof zh
    expect(zh.clients.map((c) => c.id)).toEqual(en.clients.map((c) => c.id))
    expect(zh.clients).not.toEqual(en.clients)
    const bad = await app.request('/api/v1/guides?lang=fr')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: { field: 'lang' } })
  })
})
