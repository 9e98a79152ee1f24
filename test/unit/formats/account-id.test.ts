/**
 * A provider whose login is an ID it issues (docomo mail: the d ACCOUNT ID), through every face:
 * no face shows the address (or %EMAILADDRESS%) as the username; each says the provider's words
 * for the ID, and the guides and the report carry its credential hint, in both languages.
 */
import { XMLParser } from 'fast-xml-parser'
import { parse as parsePlist } from 'plist'
import { describe, expect, it } from 'vitest'
import { renderAutoconfig } from '../../../src/formats/autoconfig.ts'
import { renderAutodiscover } from '../../../src/formats/autodiscover.ts'
import { renderMobileconfig } from '../../../src/formats/mobileconfig.ts'
import { offeredServers } from '../../../src/formats/offered.ts'
import { profileIds } from '../../../src/formats/profile-ids.ts'
import { CLIENT_IDS, renderGuide } from '../../../src/guides/index.ts'
import { LANGS } from '../../../src/model/domain.ts'
import {
  DiagnosisSchema,
  GuideSchema,
  RecommendationEventSchema,
  ReportSchema,
} from '../../../src/openapi/schemas.ts'
import { ProviderViewSchema, loadBuiltInProviders } from '../../../src/providers/index.ts'
import { createTestApp, postJson } from '../../fake/test-app.ts'
import { index, outlookRequest, settings } from './fixture.ts'

const EMAIL = 'hanako@docomo.ne.jp'
const docomo = index.byDomain('docomo.ne.jp')
// The words and the hint come from the data, so the test follows the data, not a copy of it.
const label = (lang: 'en' | 'zh-CN') => docomo?.accountId?.label[lang] ?? 'missing label'
/** The ID's name alone, which the clients' username fields get instead of the whole phrase. */
const short = (lang: 'en' | 'zh-CN') => docomo?.accountId?.short?.[lang] ?? 'missing short label'
const hint = (lang: 'en' | 'zh-CN') =>
  docomo?.hints.find((h) => h.kind === 'credential')?.text[lang] ?? 'missing hint'
const ADDRESS_FORMS = [EMAIL, 'hanako', '%EMAILADDRESS%', '%EMAILLOCALPART%']

const xml = new XMLParser({
  isArray: (name) => ['incomingServer', 'outgoingServer', 'Protocol'].includes(name),
})

describe('docomo mail (accountId) in the data', () => {
  it('has the ID label and a credential hint in both languages', () => {
    expect(docomo?.accountId?.label.en).toMatch(/d ACCOUNT ID/)
    for (const lang of LANGS) expect(hint(lang)).toMatch(/d ACCOUNT ID/)
  })

  it('has a short name for the ID in both languages, shorter than the label', () => {
    for (const lang of LANGS) {
      expect(short(lang)).toMatch(/^d ACCOUNT ID/)
      expect(short(lang).length).toBeLessThan(label(lang).length)
    }
  })
})

describe('the client formats never send the address as the username', () => {
  it('Mozilla autoconfig: every <username> holds the ID’s short name, no placeholder', async () => {
    const out = renderAutoconfig(await settings(EMAIL)) ?? ''
    const provider = xml.parse(out).clientConfig.emailProvider
    const servers = [...provider.incomingServer, ...provider.outgoingServer]
    expect(servers.map((s: { hostname: string }) => s.hostname)).toEqual([
      'imap.spmode.ne.jp',
      'smtp.spmode.ne.jp',
    ])
    for (const s of servers) expect(s.username).toBe(short('en'))
    expect(out).not.toMatch(/%EMAIL(ADDRESS|LOCALPART)%/)
  })

  it('Autodiscover: every LoginName holds the ID’s short name', async () => {
    const out = renderAutodiscover(await settings(EMAIL)) ?? ''
    const protocols = xml.parse(out).Autodiscover.Response.Account.Protocol
    expect(protocols).toHaveLength(2)
    for (const p of protocols) {
      expect(p.LoginName).toBe(short('en'))
      expect(ADDRESS_FORMS).not.toContain(p.LoginName)
    }
  })

  it.each(LANGS)(
    'Apple profile (%s): no user names, so the device asks; the description says what to type',
    async (lang) => {
      const s = await settings(EMAIL)
      const { incoming, outgoing } = offeredServers(s)
      const [imap, smtp] = [incoming[0], outgoing[0]]
      if (!imap || !smtp) throw new Error('docomo without servers')
      const out = renderMobileconfig(s, imap, smtp, await profileIds(s.email, imap, smtp), { lang })
      const profile = parsePlist(out) as {
        PayloadDescription: string
        PayloadContent: Record<string, unknown>[]
      }
      const mail = profile.PayloadContent[0] ?? {}
      expect(mail.IncomingMailServerHostName).toBe('imap.spmode.ne.jp')
      expect(mail).not.toHaveProperty('IncomingMailServerUsername')
      expect(mail).not.toHaveProperty('OutgoingMailServerUsername')
      expect(profile.PayloadDescription).toContain(label(lang))
    },
  )

  it('an ordinary provider keeps its usernames (the change is for accountId only)', async () => {
    const s = await settings('ann@qq.com')
    expect(renderAutoconfig(s)).toContain('<username>%EMAILADDRESS%</username>')
    const { incoming, outgoing } = offeredServers(s)
    const [imap, smtp] = [incoming[0], outgoing[0]]
    if (!imap || !smtp) throw new Error('qq without servers')
    const profile = parsePlist(
      renderMobileconfig(s, imap, smtp, await profileIds(s.email, imap, smtp)),
    ) as { PayloadContent: Record<string, unknown>[] }
    expect(profile.PayloadContent[0]?.IncomingMailServerUsername).toBe('ann@qq.com')
  })
})

describe('guides: the username is the ID, with the hint', () => {
  for (const client of CLIENT_IDS) {
    for (const lang of LANGS) {
      it(`${client} ${lang}`, async () => {
        const guide = renderGuide(client, await settings(EMAIL), { lang })
        expect(guide.incoming?.username).toBe(label(lang))
        expect(guide.outgoing?.username).toBe(label(lang))
        const notice = guide.notices.find((n) => n.includes(label(lang)))
        expect(notice, 'a notice names the ID').toBeDefined()
        expect(notice).toContain(hint(lang))
        const shown = guide.steps.flatMap((s) => [s.text, ...s.values.map((v) => v.value)])
        // Some step puts the ID where the client asks for a user name.
        expect(shown.some((text) => text.includes(label(lang)))).toBe(true)
        // A value slot holds what to type: none of them is a form of the address where a
        // user name goes (the address itself still goes into the client's e-mail field).
        for (const step of guide.steps)
          for (const v of step.values)
            if (/user|用户名|账号|帐号|account/i.test(v.label))
              expect(ADDRESS_FORMS).not.toContain(v.value)
      })
    }
  }
})

describe('the report (lookup) says “your d ACCOUNT ID”, valid against the OpenAPI schema', () => {
  it.each(LANGS)('%s', async (lang) => {
    const { app } = createTestApp({ ports: [993] })
    // Twice: the first answer is built, the second is the known-answers fast path's copy.
    for (const round of [1, 2]) {
      const res = await app.request(`/api/v1/lookup?email=${EMAIL}&lang=${lang}`)
      expect(res.status, `round ${round}`).toBe(200)
      const report = ReportSchema.parse(await res.json())
      expect(report.username).toEqual({ form: 'account-id', value: label(lang) })
      const servers = [
        ...report.incoming,
        ...report.outgoing,
        report.recommended.incoming,
        report.recommended.outgoing,
      ]
      expect(servers.length).toBeGreaterThanOrEqual(4)
      for (const s of servers) expect(s?.username).toBe(label(lang))
      expect(report.hints).toContain(hint(lang))
      expect(JSON.stringify(report)).not.toContain(`"username":"${EMAIL}"`)
    }
  })
})

describe('every face over HTTP says the ID, none the address template', () => {
  const { app } = createTestApp({ ports: [993] })
  const TEMPLATE = /%EMAIL(ADDRESS|LOCALPART)%/

  it('GET /api/v1/providers/docomo.ne.jp: each server’s username form is account-id, no template', async () => {
    const res = await app.request('/api/v1/providers/docomo.ne.jp')
    expect(res.status).toBe(200)
    const text = await res.text()
    const view = ProviderViewSchema.parse(JSON.parse(text))
    const servers = [...view.servers.imap, ...view.servers.pop3, ...view.servers.smtp]
    expect(servers.map((s) => s.host)).toEqual(['imap.spmode.ne.jp', 'smtp.spmode.ne.jp'])
    for (const s of servers) {
      expect(s.usernameForm).toBe('account-id')
      expect(s).not.toHaveProperty('username')
    }
    expect(view.accountId?.label.en).toBe(label('en'))
    expect(text).not.toMatch(TEMPLATE)
  })

  it('an ordinary provider keeps its template, with the form it stands for', async () => {
    // One provider per kind of template, found in the data (not named here, so the test follows it).
    const all = loadBuiltInProviders().filter((p) => !p.accountId && p.domains.length > 0)
    const serversOf = <S>(p: { servers: Record<'imap' | 'pop3' | 'smtp', S[]> }): S[] => [
      ...p.servers.imap,
      ...p.servers.pop3,
      ...p.servers.smtp,
    ]
    const withTemplate = (wanted: (t: string) => boolean) =>
      all.find((p) => serversOf(p).length > 0 && serversOf(p).every((s) => wanted(s.username)))
    const cases = [
      ['address', (t: string) => t === '%EMAILADDRESS%'],
      ['local-part', (t: string) => t === '%EMAILLOCALPART%'],
      ['other', (t: string) => !['%EMAILADDRESS%', '%EMAILLOCALPART%'].includes(t)],
    ] as const
    for (const [form, wanted] of cases) {
      const provider = withTemplate(wanted)
      if (!provider) throw new Error(`no provider with a ${form} template`)
      const res = await app.request(`/api/v1/providers/${provider.domains[0]}`)
      const view = ProviderViewSchema.parse(await res.json())
      expect(serversOf(view).map((s) => [s.username, s.usernameForm])).toEqual(
        serversOf(provider).map((s) => [s.username, form]),
      )
    }
  })

  it('the domain endpoints: Mozilla XML, Autodiscover and the Apple profile', async () => {
    const xmlText = await (await app.request(`/mail/config-v1.1.xml?emailaddress=${EMAIL}`)).text()
    const provider = xml.parse(xmlText).clientConfig.emailProvider
    for (const s of [...provider.incomingServer, ...provider.outgoingServer])
      expect(s.username).toBe(short('en'))
    expect(xmlText).not.toMatch(TEMPLATE)
    const pox = await app.request('/autodiscover/autodiscover.xml', {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: outlookRequest(EMAIL),
    })
    const protocols = xml.parse(await pox.text()).Autodiscover.Response.Account.Protocol
    expect(protocols).toHaveLength(2)
    for (const p of protocols) expect(p.LoginName).toBe(short('en'))
    for (const lang of LANGS) {
      const res = await app.request(`/mobileconfig?emailaddress=${EMAIL}&lang=${lang}`)
      expect(res.status).toBe(200)
      const profile = parsePlist(await res.text()) as { PayloadContent: Record<string, unknown>[] }
      const mail = profile.PayloadContent[0] ?? {}
      expect(mail).not.toHaveProperty('IncomingMailServerUsername')
      expect(mail).not.toHaveProperty('OutgoingMailServerUsername')
    }
  })

  it('a stored report’s guide, XML and profile, and the stream’s recommendation events', async () => {
    const res = await postJson(app, '/api/v1/diagnose', {
      email: EMAIL,
      lang: 'zh-CN',
      probe: false,
    })
    const report = DiagnosisSchema.parse(await res.json())
    const guide = GuideSchema.parse(
      await (await app.request(`/api/v1/reports/${report.id}/guides/outlook?lang=zh-CN`)).json(),
    )
    expect(guide.incoming?.username).toBe(label('zh-CN'))
    expect(guide.outgoing?.username).toBe(label('zh-CN'))
    const stored = await (await app.request(`/api/v1/reports/${report.id}/config-v1.1.xml`)).text()
    expect(stored).not.toMatch(TEMPLATE)
    expect(stored).not.toContain(`<username>${EMAIL}</username>`)
    const parsed = xml.parse(stored).clientConfig.emailProvider
    for (const s of [...parsed.incomingServer, ...parsed.outgoingServer])
      expect(s.username).toBe(short('en'))
    const profile = parsePlist(
      await (await app.request(`/api/v1/reports/${report.id}/mobileconfig?lang=zh-CN`)).text(),
    ) as { PayloadContent: Record<string, unknown>[] }
    expect(profile.PayloadContent[0]).not.toHaveProperty('IncomingMailServerUsername')

    const stream = await (
      await app.request(`/api/v1/lookup?email=${EMAIL}&lang=en`, {
        headers: { accept: 'text/event-stream' },
      })
    ).text()
    const events = [...stream.matchAll(/^event: recommendation\ndata: (.*)$/gm)].map((m) =>
      RecommendationEventSchema.parse(JSON.parse(m[1] ?? '')),
    )
    expect(events.length).toBeGreaterThan(0)
    for (const e of events) {
      expect(e.username).toEqual({ form: 'account-id', value: label('en') })
      expect(e.recommended.incoming?.username).toBe(label('en'))
      expect(e.recommended.outgoing?.username).toBe(label('en'))
    }
  })
})
