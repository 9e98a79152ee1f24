/**
 * Stored reports against the real lab: a domain found only by guessing (full.lab.test) is
 * diagnosed with live probes, and every face (the report's guides in both languages, the Apple
 * profile, the Thunderbird XML, the domain-level client endpoints) names the verified host and
 * port. The report survives a restart with the same SQLite file, is deleted only with its token,
 * and is gone once expired. A domain the database knows whose servers do not resolve in the lab
 * (qq.com) keeps its settings, unverified.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { createCachingResolver } from '../../src/dns/caching-resolver.ts'
import { createNodeResolver } from '../../src/dns/resolver-node.ts'
import { openSqliteReportStore } from '../../src/diagnose/store-sqlite-node.ts'
import type { ReportStore } from '../../src/diagnose/store.ts'
import { DiagnosisSchema, GuideSchema, StoredReportSchema } from '../../src/openapi/schemas.ts'
import { parseCidrList } from '../../src/security/address-policy.ts'
import { outlookRequest } from '../unit/formats/fixture.ts'
import { createTestApp, postJson } from '../fake/test-app.ts'

const lab = inject('lab')
const resolver = createCachingResolver(createNodeResolver({ servers: [lab.dns] }))
const dir = mkdtempSync(join(tmpdir(), 'mailsetup-reports-live-'))
const database = join(dir, 'mailsetup.sqlite')
const DAY = 24 * 60 * 60 * 1000

const appWith = (reports: ReportStore, now?: () => number) =>
  createTestApp({
    resolver,
    allow: parseCidrList(lab.allowCidr),
    ca: [lab.caPem],
    timeoutMs: 5_000,
    reports,
    now,
  }).app

let store = openSqliteReportStore(database)
let app = appWith(store)
afterAll(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

const diagnose = async (email: string, lang = 'en') => {
  const res = await postJson(app, '/api/v1/diagnose', { email, lang })
  expect(res.status).toBe(200)
  return DiagnosisSchema.parse(await res.json())
}

let made: Awaited<ReturnType<typeof diagnose>> | null = null
const report = () => {
  if (!made) throw new Error('the first test diagnoses full.lab.test')
  return made
}

const CLIENTS = ['outlook', 'foxmail', 'thunderbird', 'apple-mail'] as const

describe('a report of a domain found only by guessing', () => {
  it('full.lab.test: the guides in zh-CN and en, the profile and the XML name the verified host and port', async () => {
    made = await diagnose('bob@full.lab.test')
    expect(
      made.sources.every(
        (s) => !['provider-db', 'overlay'].includes(s.type) || s.status !== 'found',
      ),
    ).toBe(true)
    expect(made.recommended.incoming).toMatchObject({
      host: 'full.lab.test',
      port: 993,
      source: { type: 'guess' },
      verified: true,
    })
    expect(made.recommended.outgoing).toMatchObject({
      host: 'full.lab.test',
      port: 465,
      verified: true,
    })
    for (const client of CLIENTS) {
      for (const lang of ['zh-CN', 'en']) {
        const res = await app.request(`/api/v1/reports/${made.id}/guides/${client}?lang=${lang}`)
        expect(res.status, `${client} ${lang}`).toBe(200)
        const guide = GuideSchema.parse(await res.json())
        expect(guide.lang).toBe(lang)
        expect(guide.incoming, `${client} ${lang}`).toMatchObject({
          host: 'full.lab.test',
          port: 993,
        })
        expect(guide.outgoing, `${client} ${lang}`).toMatchObject({
          host: 'full.lab.test',
          port: 465,
        })
        const values = guide.steps.flatMap((s) => s.values.map((v) => v.value))
        expect(values, `${client} ${lang}`).toContain('full.lab.test')
        expect(JSON.stringify(guide)).not.toMatch(/ask your mail provider|请询问/)
      }
    }
    const profile = await (await app.request(`/api/v1/reports/${made.id}/mobileconfig`)).text()
    expect(profile).toMatch(
      /<key>IncomingMailServerHostName<\/key>\s*<string>full\.lab\.test<\/string>/,
    )
    expect(profile).toMatch(/<key>IncomingMailServerPortNumber<\/key>\s*<integer>993<\/integer>/)
    const xml = await (await app.request(`/api/v1/reports/${made.id}/config-v1.1.xml`)).text()
    expect(xml).toMatch(
      /<incomingServer type="imap">\s*<hostname>full\.lab\.test<\/hostname>\s*<port>993<\/port>/,
    )
  })

  it('the domain-level client endpoints answer the verified settings: from what the diagnosis kept, and on a fresh service from one verified discovery', async () => {
    expect(await store.getVerified('full.lab.test', Date.now())).not.toBeNull()
    const kept = await (
      await app.request('/mail/config-v1.1.xml?emailaddress=carol@full.lab.test')
    ).text()
    expect(kept).toMatch(/<hostname>full\.lab\.test<\/hostname>\s*<port>993<\/port>/)

    const freshStore = openSqliteReportStore(':memory:')
    const fresh = appWith(freshStore)
    const started = performance.now()
    const [xml, guide, profile, autodiscover] = await Promise.all([
      fresh.request('/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=dan@full.lab.test'),
      fresh.request('/api/v1/guides/outlook?email=erin@full.lab.test&lang=zh-CN'),
      fresh.request('/mobileconfig?emailaddress=fred@full.lab.test'),
      fresh.request('/autodiscover/autodiscover.xml', {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body: outlookRequest('gina@full.lab.test'),
      }),
    ])
    expect(performance.now() - started).toBeLessThan(12_000)
    expect(await xml.text()).toMatch(/<hostname>full\.lab\.test<\/hostname>\s*<port>993<\/port>/)
    expect(GuideSchema.parse(await guide.json()).incoming).toMatchObject({
      host: 'full.lab.test',
      port: 993,
      username: 'erin@full.lab.test',
    })
    expect(profile.status).toBe(200)
    expect(await profile.text()).toContain('<string>full.lab.test</string>')
    const pox = await autodiscover.text()
    expect(pox).toMatch(
      /<Type>IMAP<\/Type>\s*<Server>full\.lab\.test<\/Server>\s*<Port>993<\/Port>/,
    )
    // The concurrent requests shared one verified run, whose result the store now keeps.
    expect(await freshStore.getVerified('full.lab.test', Date.now())).toMatchObject({
      settings: {
        servers: expect.arrayContaining([
          expect.objectContaining({ host: 'full.lab.test', port: 993 }),
        ]),
      },
    })
    freshStore.close()
  })

  it('survives a restart of the service with the same database file', async () => {
    const before = StoredReportSchema.parse(
      await (await app.request(`/api/v1/reports/${report().id}`)).json(),
    )
    store.close()
    store = openSqliteReportStore(database)
    app = appWith(store)
    const res = await app.request(`/api/v1/reports/${report().id}`)
    expect(res.status).toBe(200)
    expect(StoredReportSchema.parse(await res.json())).toEqual(before)
    const guide = GuideSchema.parse(
      await (await app.request(`/api/v1/reports/${report().id}/guides/thunderbird?lang=en`)).json(),
    )
    expect(guide.incoming).toMatchObject({ host: 'full.lab.test', port: 993 })
  })

  it('is gone once its retention has passed', async () => {
    const later = appWith(store, () => Date.now() + 30 * DAY + 1_000)
    const res = await later.request(`/api/v1/reports/${report().id}`)
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: { code: 'REPORT_NOT_FOUND' } })
    expect((await app.request(`/api/v1/reports/${report().id}`)).status).toBe(200)
  })

  it('is deleted with its token only', async () => {
    const path = `/api/v1/reports/${report().id}`
    expect((await app.request(path, { method: 'DELETE' })).status).toBe(401)
    const wrong = await app.request(path, {
      method: 'DELETE',
      headers: { authorization: 'Bearer not-the-token' },
    })
    expect(wrong.status).toBe(403)
    expect((await app.request(path)).status).toBe(200)
    const ok = await app.request(path, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${report().deleteToken}` },
    })
    expect(ok.status).toBe(204)
    expect((await app.request(path)).status).toBe(404)
  })
})

describe('a database-known domain the service cannot check', () => {
  it('qq.com, whose names do not resolve in the lab: QQ Mail’s settings stay, unverified, with the warning and the guides', async () => {
    const zh = await diagnose('ann@qq.com', 'zh-CN')
    expect(zh.probes.length).toBeGreaterThan(0)
    expect(zh.probes.every((p) => p.code?.startsWith('DNS_'))).toBe(true)
    expect(zh.recommended.incoming).toMatchObject({
      host: 'imap.qq.com',
      port: 993,
      verified: false,
    })
    expect(zh.recommended.outgoing).toMatchObject({ host: 'smtp.qq.com', verified: false })
    const warning = zh.warnings.find((w) => w.code === 'KEPT_UNCHECKED')
    expect(warning?.text).toMatch(/无法从本服务检测.*QQ邮箱公布的设置/)
    const en = StoredReportSchema.parse(
      await (await app.request(`/api/v1/reports/${zh.id}?lang=en`)).json(),
    )
    expect(en.warnings.find((w) => w.code === 'KEPT_UNCHECKED')?.text).toMatch(
      /could not be checked from here.*QQ Mail publishes/,
    )
    const guide = GuideSchema.parse(
      await (await app.request(`/api/v1/reports/${zh.id}/guides/foxmail?lang=zh-CN`)).json(),
    )
    expect(guide.incoming).toMatchObject({ host: 'imap.qq.com', port: 993 })
    expect(guide.notices).toEqual([])
  })
})
