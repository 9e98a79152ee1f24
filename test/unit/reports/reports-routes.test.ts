/**
 * Stored reports through the API, in-process: a diagnosis is saved and read back, deleted only
 * with its token, gone once expired, rendered to guides, a profile and autoconfig XML without
 * any new discovery, and every bad id or method is a 4xx JSON error.
 */
import { describe, expect, it } from 'vitest'
import {
  DiagnosisSchema,
  ErrorBodySchema,
  GuideSchema,
  StoredReportSchema,
} from '../../../src/openapi/schemas.ts'
import { testRuntime } from '../../fake/test-runtime.ts'
import { createTestApp, postJson } from '../../fake/test-app.ts'

const DAY = 24 * 60 * 60 * 1000

const setup = () => {
  let clock = Date.UTC(2026, 0, 1)
  const reports = testRuntime.reports()
  const { app } = createTestApp({ reports, now: () => clock })
  const diagnose = async (email = 'ann@qq.com', lang = 'zh-CN') => {
    const res = await postJson(app, '/api/v1/diagnose', { email, lang, probe: false })
    expect(res.status).toBe(200)
    return DiagnosisSchema.parse(await res.json())
  }
  return { app, reports, diagnose, advance: (ms: number) => (clock += ms) }
}

const errorOf = async (res: Response) => ErrorBodySchema.parse(await res.json()).error

describe('stored reports', () => {
  it('a diagnosis answers with an id, its share link and a delete token; GET gives the same report back with its date, without the token, and no login test yet', async () => {
    const { app, diagnose } = setup()
    const made = await diagnose()
    expect(made.id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(made.url).toBe(`/r/${made.id}`)
    expect(made.deleteToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const res = await app.request(`/api/v1/reports/${made.id}`)
    expect(res.status).toBe(200)
    const stored = StoredReportSchema.parse(await res.json())
    expect(stored).not.toHaveProperty('deleteToken')
    expect(stored.createdAt).toBe('2026-01-01T00:00:00.000Z')
    const { deleteToken: _token, ...rest } = made
    expect(stored).toEqual({ ...rest, loginTest: null })
  })

  it('the database holds no delete token, only its hash', async () => {
    const { reports, diagnose, app } = setup()
    const made = await diagnose()
    const row = await reports.get(made.id ?? '', Date.UTC(2026, 0, 1))
    expect(JSON.stringify(row)).not.toContain(made.deleteToken)
    expect(row?.deleteTokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect((await app.request(`/api/v1/reports/${made.id}`)).status).toBe(200)
  })

  it('the SSE stream carries the id, link and token in its final report event', async () => {
    const { app } = setup()
    const res = await postJson(
      app,
      '/api/v1/diagnose',
      { email: 'ann@qq.com', probe: false },
      { accept: 'text/event-stream' },
    )
    const text = await res.text()
    const last = text.trim().split('\n\n').at(-1) ?? ''
    expect(last).toMatch(/^event: report/)
    const data = JSON.parse(last.slice(last.indexOf('data: ') + 6)) as { id: string; url: string }
    expect(data.url).toBe(`/r/${data.id}`)
    expect((await app.request(`/api/v1/reports/${data.id}`)).status).toBe(200)
  })

  it('DELETE without a token is a 401, with a wrong one a 403 (the report stays), with its own a 204', async () => {
    const { app, diagnose } = setup()
    const made = await diagnose()
    const path = `/api/v1/reports/${made.id}`
    const none = await app.request(path, { method: 'DELETE' })
    expect(none.status).toBe(401)
    expect((await errorOf(none)).code).toBe('UNAUTHORIZED')
    const other = (await diagnose()).deleteToken
    for (const auth of [`Bearer ${other}`, 'Bearer x', `Basic ${made.deleteToken}`, 'Bearer']) {
      const wrong = await app.request(path, { method: 'DELETE', headers: { authorization: auth } })
      expect(wrong.status, auth).toBe(403)
      expect((await errorOf(wrong)).code).toBe('FORBIDDEN')
    }
    expect((await app.request(path)).status).toBe(200)
    const ok = await app.request(path, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${made.deleteToken}` },
    })
    expect(ok.status).toBe(204)
    const gone = await app.request(path)
    expect(gone.status).toBe(404)
    expect((await errorOf(gone)).code).toBe('REPORT_NOT_FOUND')
  })

  it('a report is gone once its retention has passed, and the purge removes it', async () => {
    const { app, diagnose, advance, reports } = setup()
    const made = await diagnose()
    advance(29 * DAY)
    expect((await app.request(`/api/v1/reports/${made.id}`)).status).toBe(200)
    advance(1 * DAY)
    const res = await app.request(`/api/v1/reports/${made.id}`)
    expect(res.status).toBe(404)
    expect((await errorOf(res)).code).toBe('REPORT_NOT_FOUND')
    expect(await reports.purgeExpired(Date.UTC(2026, 0, 31))).toBeGreaterThanOrEqual(1)
  })

  it.each([
    ['a short id', 'abc'],
    ['an oversize id', 'a'.repeat(5_000)],
    ['an id with a bad character', `${'a'.repeat(21)}.`],
    ['an encoded slash', `${'a'.repeat(20)}%2F1`],
  ])('%s is a 400 naming id', async (_name, id) => {
    const { app } = setup()
    for (const path of [`/api/v1/reports/${id}`, `/api/v1/reports/${id}/guides/outlook`]) {
      const res = await app.request(path)
      expect(res.status, path).toBe(400)
      expect(await errorOf(res)).toMatchObject({ code: 'INVALID_INPUT', field: 'id' })
    }
  })

  it('an unknown well-formed id is a 404 REPORT_NOT_FOUND on every report route', async () => {
    const { app } = setup()
    const id = 'A'.repeat(22)
    for (const path of ['', '/guides/outlook', '/mobileconfig', '/config-v1.1.xml']) {
      const res = await app.request(`/api/v1/reports/${id}${path}`)
      expect(res.status, path).toBe(404)
      expect((await errorOf(res)).code).toBe('REPORT_NOT_FOUND')
    }
  })

  it('wrong methods are a 405 JSON error with Allow', async () => {
    const { app, diagnose } = setup()
    const made = await diagnose()
    for (const [method, path, allow] of [
      ['POST', '', 'GET, DELETE'],
      ['PUT', '', 'GET, DELETE'],
      ['POST', '/guides/outlook', 'GET'],
      ['DELETE', '/mobileconfig', 'GET'],
    ] as const) {
      const res = await app.request(`/api/v1/reports/${made.id}${path}`, { method })
      expect(res.status, `${method} ${path}`).toBe(405)
      expect(res.headers.get('allow')).toBe(allow)
      expect((await errorOf(res)).code).toBe('METHOD_NOT_ALLOWED')
    }
  })

  it("a report's guide, profile and XML use its recommended protocol and servers, in the language asked for", async () => {
    const { app } = setup()
    // Offline: the recommendation for QQ without probes is POP3 (pop.qq.com:995).
    const res = await postJson(app, '/api/v1/diagnose', {
      email: 'ann@qq.com',
      lang: 'en',
      probe: false,
      needs: { devices: 'one', offline: true },
    })
    const made = DiagnosisSchema.parse(await res.json())
    expect(made.protocol).toBe('pop3')
    for (const lang of ['en', 'zh-CN']) {
      const res = await app.request(`/api/v1/reports/${made.id}/guides/foxmail?lang=${lang}`)
      const guide = GuideSchema.parse(await res.json())
      expect(guide.lang).toBe(lang)
      expect(guide.protocol).toBe('pop3')
      expect(guide.incoming).toMatchObject({ host: 'pop.qq.com', port: 995 })
      expect(guide.outgoing).toMatchObject({ host: made.recommended.outgoing?.host })
    }
    const imap = GuideSchema.parse(
      await (await app.request(`/api/v1/reports/${made.id}/guides/outlook?protocol=imap`)).json(),
    )
    expect(imap.incoming?.host).toBe('pop.qq.com') // the report recommended no IMAP server
    const profile = await app.request(`/api/v1/reports/${made.id}/mobileconfig`)
    expect(profile.status).toBe(200)
    expect(profile.headers.get('content-type')).toBe('application/x-apple-aspen-config')
    const plist = await profile.text()
    expect(plist).toContain('<string>EmailTypePOP</string>')
    expect(plist).toContain('<string>pop.qq.com</string>')
    const xml = await (await app.request(`/api/v1/reports/${made.id}/config-v1.1.xml`)).text()
    expect(xml).toContain('<incomingServer type="pop3">')
    expect(xml).toContain('<hostname>pop.qq.com</hostname>')
    expect(xml).not.toContain('type="imap"')
    const bad = await app.request(`/api/v1/reports/${made.id}/guides/outlook?lang=fr`)
    expect((await errorOf(bad)).field).toBe('lang')
    const client = await app.request(`/api/v1/reports/${made.id}/guides/mutt`)
    expect(client.status).toBe(404)
    expect((await errorOf(client)).code).toBe('UNKNOWN_CLIENT')
  })

  it("GET ?lang= gives the report's texts in the viewer's language, the same servers, and no new probe", async () => {
    const { app, diagnose } = setup()
    const made = await diagnose('ann@qq.com', 'zh-CN')
    expect(made.credential.text).toContain('授权码')
    const en = StoredReportSchema.parse(
      await (await app.request(`/api/v1/reports/${made.id}?lang=en`)).json(),
    )
    expect(en.lang).toBe('en')
    expect(en.provider?.name).toBe('QQ Mail')
    expect(en.credential.text).toMatch(/^Type the authorization code/)
    expect(en.reasons.map((r) => r.code)).toEqual(made.reasons.map((r) => r.code))
    expect(en.recommended).toEqual(made.recommended)
    expect(en.probes).toEqual(made.probes)
    const zh = StoredReportSchema.parse(
      await (await app.request(`/api/v1/reports/${made.id}?lang=zh-CN`)).json(),
    )
    expect(zh.credential.text).toBe(made.credential.text)
    const bad = await app.request(`/api/v1/reports/${made.id}?lang=fr`)
    expect(bad.status).toBe(400)
    expect((await errorOf(bad)).field).toBe('lang')
  })

  it('a stored docomo mail report says the account ID in the language asked for, in its username and every server', async () => {
    const { app, diagnose } = setup()
    const made = await diagnose('hanako@docomo.ne.jp', 'en')
    expect(made.username).toMatchObject({ form: 'account-id' })
    expect(made.username?.value).toMatch(/^your d ACCOUNT ID/)
    const zh = StoredReportSchema.parse(
      await (await app.request(`/api/v1/reports/${made.id}?lang=zh-CN`)).json(),
    )
    expect(zh.username).toMatchObject({ form: 'account-id' })
    expect(zh.username?.value).toMatch(/^你的 d ACCOUNT ID/)
    const servers = [
      ...zh.incoming,
      ...zh.outgoing,
      zh.recommended.incoming,
      zh.recommended.outgoing,
    ]
    for (const s of servers) expect(s?.username).toBe(zh.username?.value)
  })

  it('GET /r/{id} serves the page marked noindex: 200 for a stored report, 404 for an unknown or malformed id', async () => {
    const reports = testRuntime.reports()
    const page = '<!doctype html><html><head><title>x</title></head><body></body></html>'
    const { app } = createTestApp({ reports, web: { readAsset: async () => page } })
    const res = await postJson(app, '/api/v1/diagnose', { email: 'ann@qq.com', probe: false })
    const made = DiagnosisSchema.parse(await res.json())
    const shown = await app.request(made.url ?? '')
    expect(shown.status).toBe(200)
    expect(shown.headers.get('x-robots-tag')).toBe('noindex, nofollow')
    expect(shown.headers.get('referrer-policy')).toBe('no-referrer')
    expect(await shown.text()).toContain('<meta name="robots" content="noindex" />')
    for (const path of [`/r/${'Z'.repeat(22)}`, '/r/short']) {
      const missing = await app.request(path)
      expect(missing.status, path).toBe(404)
      expect(await missing.text()).toContain('noindex')
    }
  })
})
