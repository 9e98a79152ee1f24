import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { Hono } from 'hono'
import { parse as parsePlist } from 'plist'
import { describe, expect, it } from 'vitest'
import { SELF_REQUEST_HEADER } from '../../../src/discovery/http.ts'
import { autoconfigRoutes } from '../../../src/routes/autoconfig.ts'
import {
  AUTODISCOVER_PATHS,
  MAX_AUTODISCOVER_BODY_BYTES,
  autodiscoverRoutes,
} from '../../../src/routes/autodiscover.ts'
import { mobileconfigRoutes } from '../../../src/routes/mobileconfig.ts'
import type { SettingsSource } from '../../../src/diagnose/account-settings.ts'
import { outlookRequest, settings } from '../formats/fixture.ts'

const createApp = (source: SettingsSource = settings, known: SettingsSource = settings) =>
  new Hono()
    .route('/', autoconfigRoutes({ settings: source, known }))
    .route(
      '/',
      autodiscoverRoutes({
        settings: source,
        publicUrl: 'https://setup.example.com',
        now: () => new Date('2024-05-01T12:00:00Z'),
        errorId: () => 42,
      }),
    )
    .route('/', mobileconfigRoutes({ settings: source }))

const app = createApp()
const xmlTree = (xml: string) =>
  new XMLParser({ processEntities: true, parseTagValue: false }).parse(xml) as Record<
    string,
    unknown
  >

const postXml = (path: string, body: string, type = 'text/xml; charset=utf-8') =>
  app.request(path, { method: 'POST', headers: { 'content-type': type }, body })

describe('GET config-v1.1.xml', () => {
  it.each(['/mail/config-v1.1.xml', '/.well-known/autoconfig/mail/config-v1.1.xml'])(
    'answers at %s',
    async (path) => {
      const res = await app.request(`${path}?emailaddress=${encodeURIComponent('ann@qq.com')}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8')
      const xml = await res.text()
      expect(XMLValidator.validate(xml)).toBe(true)
      expect(xml).toContain('<hostname>imap.qq.com</hostname>')
      expect(xml).toContain('<username>%EMAILADDRESS%</username>')
    },
  )

  it('gives the same answer for any local part at a domain', async () => {
    const a = await (
      await app.request('/mail/config-v1.1.xml?emailaddress=ann@corp.example')
    ).text()
    const b = await (
      await app.request(
        `/mail/config-v1.1.xml?emailaddress=${encodeURIComponent("no'such&user@corp.example")}`,
      )
    ).text()
    expect(b).toBe(a)
  })

  it('answers 404 for an unknown domain, whatever the local part', async () => {
    const a = await app.request('/mail/config-v1.1.xml?emailaddress=ann@unknown.example')
    const b = await app.request('/mail/config-v1.1.xml?emailaddress=bob@unknown.example')
    expect(a.status).toBe(404)
    expect(await a.json()).toEqual({
      error: { code: 'NO_SETTINGS', message: 'No settings are known for unknown.example.' },
    })
    expect(b.status).toBe(404)
  })

  it('names emailaddress when it is missing or invalid', async () => {
    for (const query of ['', '?emailaddress=', '?emailaddress=not-an-address']) {
      const res = await app.request(`/mail/config-v1.1.xml${query}`)
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({
        error: { code: 'INVALID_INPUT', field: 'emailaddress' },
      })
    }
  })
})

describe('a request from this service’s own discovery', () => {
  it('is answered from what is known, without discovering again', async () => {
    const discovered: string[] = []
    const discovering: SettingsSource = async (email, signal) => {
      discovered.push(email)
      return settings(email, signal)
    }
    const known: SettingsSource = async (email, signal) => {
      const s = await settings(email, signal)
      // An unknown domain: the known data has nothing, and nothing more is looked up.
      return s.provider ? s : { ...s, incoming: [], outgoing: [] }
    }
    const self = createApp(discovering, known)
    const marker = { headers: { [SELF_REQUEST_HEADER]: '1' } }
    const unknown = await self.request('/mail/config-v1.1.xml?emailaddress=a@org.example', marker)
    expect(unknown.status).toBe(404)
    const qq = await self.request('/mail/config-v1.1.xml?emailaddress=ann@qq.com', marker)
    expect(qq.status).toBe(200)
    expect(await qq.text()).toContain('<hostname>imap.qq.com</hostname>')
    expect(discovered).toEqual([])
    // Without the marker the full source answers.
    await self.request('/mail/config-v1.1.xml?emailaddress=a@org.example')
    expect(discovered).toEqual(['a@org.example'])
  })
})

describe('POST autodiscover.xml', () => {
  it.each(AUTODISCOVER_PATHS)("answers Outlook's request at %s", async (path) => {
    const res = await postXml(path, outlookRequest('ann@qq.com'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8')
    const xml = await res.text()
    expect(XMLValidator.validate(xml)).toBe(true)
    const account = (
      xmlTree(xml) as {
        Autodiscover: {
          Response: {
            Account: { AccountType: string; Action: string; Protocol: Record<string, string>[] }
          }
        }
      }
    ).Autodiscover.Response.Account
    expect(account.AccountType).toBe('email')
    expect(account.Action).toBe('settings')
    expect(account.Protocol.map((p) => `${p.Type} ${p.Server}:${p.Port} ${p.Encryption}`)).toEqual([
      'IMAP imap.qq.com:993 SSL',
      'POP3 pop.qq.com:995 SSL',
      'SMTP smtp.qq.com:465 SSL',
      'SMTP smtp.qq.com:587 TLS',
    ])
    expect(account.Protocol[0]).toMatchObject({
      LoginName: 'ann@qq.com',
      SPA: 'off',
      SSL: 'on',
      AuthRequired: 'on',
      DomainRequired: 'off',
    })
  })

  it('accepts application/xml and a quoted charset; refuses other types with 415', async () => {
    expect(
      (
        await postXml(
          AUTODISCOVER_PATHS[0],
          outlookRequest('ann@qq.com'),
          'application/xml; charset="UTF-8"',
        )
      ).status,
    ).toBe(200)
    for (const type of ['application/json', 'text/plain', 'text/xml; charset=iso-8859-1']) {
      const res = await postXml(AUTODISCOVER_PATHS[0], outlookRequest('ann@qq.com'), type)
      expect(res.status).toBe(415)
      expect(await res.text()).toContain('<ErrorCode>600</ErrorCode>')
    }
  })

  it('refuses an XXE body without resolving the entity', async () => {
    const body = `<?xml version="1.0"?>\n<!DOCTYPE Autodiscover [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n${outlookRequest('&xxe;@qq.com').replace(/^<\?xml[^>]*>\n/, '')}`
    const res = await postXml(AUTODISCOVER_PATHS[0], body)
    expect(res.status).toBe(400)
    const xml = await res.text()
    expect(xml).toContain('<ErrorCode>600</ErrorCode>')
    expect(xml).not.toContain('root:')
  })

  it('answers 413 beyond the body limit', async () => {
    const padding = `<!-- ${'x'.repeat(MAX_AUTODISCOVER_BODY_BYTES)} -->`
    const res = await postXml(AUTODISCOVER_PATHS[0], outlookRequest('ann@qq.com') + padding)
    expect(res.status).toBe(413)
    expect(await res.text()).toContain('<ErrorCode>600</ErrorCode>')
  })

  it('answers malformed XML, a missing or invalid address with 400 / ErrorCode 600', async () => {
    for (const body of [
      '<Autodiscover>',
      '<Autodiscover><Request/></Autodiscover>',
      outlookRequest('not-an-address'),
    ]) {
      const res = await postXml(AUTODISCOVER_PATHS[1], body)
      expect(res.status).toBe(400)
      expect(await res.text()).toContain('<ErrorCode>600</ErrorCode>')
    }
  })

  it('answers another response schema with ErrorCode 601', async () => {
    const body = outlookRequest('ann@qq.com').replace(
      'outlook/responseschema/2006a',
      'mobilesync/responseschema/2006',
    )
    const res = await postXml(AUTODISCOVER_PATHS[0], body)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<ErrorCode>601</ErrorCode>')
  })

  it('answers an unknown domain with ErrorCode 500, identical for every local part', async () => {
    const a = await (
      await postXml(AUTODISCOVER_PATHS[0], outlookRequest('ann@unknown.example'))
    ).text()
    const b = await (
      await postXml(AUTODISCOVER_PATHS[0], outlookRequest('zed@unknown.example'))
    ).text()
    expect(a).toContain('<ErrorCode>500</ErrorCode>')
    expect(b).toBe(a)
  })

  it("escapes the address in LoginName and matches the request's local part", async () => {
    const res = await postXml(
      AUTODISCOVER_PATHS[0],
      outlookRequest('o&apos;brien&amp;co@corp.example'),
    )
    const xml = await res.text()
    expect(xml).toContain('<LoginName>o&apos;brien&amp;co@corp.example</LoginName>')
    expect(xml).not.toContain('143')
  })

  it.each(AUTODISCOVER_PATHS)(
    'answers a GET on %s with the format error, not a crash',
    async (path) => {
      const res = await app.request(path)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('<Error Time="12:00:00.0000000" Id="42">')
    },
  )
})

describe('GET autodiscover.json (v2)', () => {
  it('points Outlook at the POX endpoint on the public URL, whatever the Host header says', async () => {
    const res = await app.request(
      'https://autodiscover.corp.example/autodiscover/autodiscover.json?Email=ann@corp.example&Protocol=AutodiscoverV1',
      { headers: { host: 'evil.example' } },
    )
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      Protocol: 'AutodiscoverV1',
      Url: 'https://setup.example.com/autodiscover/autodiscover.xml',
    })
    const v1 = await app.request(
      'http://evil.example:8080/autodiscover/autodiscover.json/v1.0/ann@corp.example?Protocol=autodiscoverv1',
      { headers: { host: 'evil.example:8080' } },
    )
    expect(await v1.json()).toMatchObject({
      Url: 'https://setup.example.com/autodiscover/autodiscover.xml',
    })
  })

  it('refuses other protocols the way Microsoft does', async () => {
    const res = await app.request(
      '/autodiscover/autodiscover.json?Email=ann@corp.example&Protocol=ActiveSync',
    )
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ ErrorCode: 'InvalidProtocol' })
  })
})

describe('GET /mobileconfig', () => {
  it('serves an unsigned profile as an attachment', async () => {
    const res = await app.request(
      `/mobileconfig?emailaddress=${encodeURIComponent("o'brien&co@corp.example")}`,
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/x-apple-aspen-config')
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="corp.example.mobileconfig"',
    )
    const profile = parsePlist(await res.text()) as {
      PayloadType: string
      PayloadContent: Record<string, unknown>[]
    }
    expect(profile.PayloadType).toBe('Configuration')
    expect(profile.PayloadContent[0]).toMatchObject({
      PayloadType: 'com.apple.mail.managed',
      EmailAccountType: 'EmailTypeIMAP',
      EmailAddress: "o'brien&co@corp.example",
      IncomingMailServerHostName: 'imap.corp.example',
      IncomingMailServerPortNumber: 993,
      IncomingMailServerUseSSL: true,
      OutgoingMailServerUsername: "o'brien&co",
    })
    expect(JSON.stringify(profile)).not.toMatch(/Password"?:"/)
  })

  it('shows its texts in the language asked, English by default', async () => {
    const texts = async (query: string, headers: Record<string, string> = {}) => {
      const res = await app.request(`/mobileconfig?emailaddress=ann@qq.com${query}`, { headers })
      const plist = parsePlist(await res.text()) as {
        PayloadDisplayName: string
        PayloadDescription: string
        PayloadContent: { EmailAccountDescription: string; PayloadDescription: string }[]
      }
      return [
        plist.PayloadDisplayName,
        plist.PayloadDescription,
        plist.PayloadContent[0]?.EmailAccountDescription,
        plist.PayloadContent[0]?.PayloadDescription,
      ].join('\n')
    }
    const zh = await texts('&lang=zh-CN')
    expect(zh).toContain('邮件：ann@qq.com')
    expect(zh).toContain('授权码')
    expect(zh).toContain('QQ邮箱 (ann@qq.com)')
    expect(zh).not.toMatch(/Mail account|Sets up/)
    expect(await texts('', { 'accept-language': 'zh-CN,zh;q=0.9' })).toBe(zh)
    const en = await texts('')
    expect(en).toContain('Sets up the mail account ann@qq.com')
    expect(en).toContain('authorization code')
    const bad = await app.request('/mobileconfig?emailaddress=ann@qq.com&lang=fr')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('lang')
  })

  it('gives the same UUIDs for the same request', async () => {
    const a = await (await app.request('/mobileconfig?emailaddress=ann@qq.com')).text()
    const b = await (await app.request('/mobileconfig?emailaddress=ann@qq.com')).text()
    expect(b).toBe(a)
  })

  it('picks POP3 on request, and names protocol when it is neither imap nor pop3', async () => {
    const pop = parsePlist(
      await (await app.request('/mobileconfig?emailaddress=ann@qq.com&protocol=pop3')).text(),
    ) as {
      PayloadContent: Record<string, unknown>[]
    }
    expect(pop.PayloadContent[0]).toMatchObject({
      EmailAccountType: 'EmailTypePOP',
      IncomingMailServerHostName: 'pop.qq.com',
    })
    const bad = await app.request('/mobileconfig?emailaddress=ann@qq.com&protocol=smtp')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: { field: 'protocol' } })
  })

  it('answers 404 for an unknown domain and 400 for a bad address', async () => {
    expect((await app.request('/mobileconfig?emailaddress=ann@unknown.example')).status).toBe(404)
    expect(
      (await app.request('/mobileconfig?emailaddress=ann@%E4%BE%8B%E5%AD%90.%E4%B8%AD%E5%9B%BD'))
        .status,
    ).toBe(404)
    const bad = await app.request('/mobileconfig?emailaddress=ann')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: { field: 'emailaddress' } })
  })

  it('passes the request signal to the settings source', async () => {
    let seen: AbortSignal | undefined
    const spy: SettingsSource = (email, signal) => {
      seen = signal
      return settings(email)
    }
    await createApp(spy).request('/mobileconfig?emailaddress=ann@qq.com')
    expect(seen).toBeInstanceOf(AbortSignal)
  })
})
