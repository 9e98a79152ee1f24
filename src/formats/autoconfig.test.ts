import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { parseAutoconfigXml } from '../discovery/autoconfig-xml.ts'
import { renderAutoconfig } from './autoconfig.ts'
import { emptySettings } from '../diagnose/account-settings.ts'
import { settings } from '../../test/unit/formats/fixture.ts'

describe('renderAutoconfig', () => {
  it('is null for a domain without servers', () => {
    expect(renderAutoconfig(emptySettings('ann@unknown.example', 'unknown.example'))).toBeNull()
  })

  it('writes a file our own autoconfig reader reads back, odd usernames escaped', async () => {
    const base = emptySettings('ann@corp.example', 'corp.example')
    const server = {
      host: 'mail.corp.example',
      port: 993,
      security: 'tls' as const,
      username: 'corp\\a"n<n>&\'',
      source: { type: 'overlay' as const, trusted: true },
      verified: false,
    }
    const xml = renderAutoconfig({
      ...base,
      displayName: 'A & B <Mail>',
      incoming: [{ ...server, protocol: 'imap' }],
      outgoing: [{ ...server, protocol: 'smtp', port: 587, security: 'starttls', username: 'ann' }],
    })
    expect(XMLValidator.validate(xml ?? '')).toBe(true)
    const doc = await parseAutoconfigXml(xml ?? '')
    expect(doc.displayName).toBe('A & B <Mail>')
    expect(doc.servers).toEqual([
      {
        protocol: 'imap',
        host: 'mail.corp.example',
        port: 993,
        security: 'tls',
        username: server.username,
        auth: ['password-cleartext'],
      },
      {
        protocol: 'smtp',
        host: 'mail.corp.example',
        port: 587,
        security: 'starttls',
        username: '%EMAILLOCALPART%',
        auth: ['password-cleartext'],
      },
    ])
  })
})

describe('renderAutoconfig for providers with OAuth2 or access to switch on', () => {
  const tree = (xml: string) =>
    new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      parseTagValue: false,
    }).parse(xml) as {
      clientConfig: {
        emailProvider: {
          incomingServer: { authentication: string | string[] }[] | { authentication: string[] }
          enable?: { '@_visiturl': string; instruction: unknown }
        }
        oAuth2?: { issuer: string; authURL: string; tokenURL: string; scope: string }
      }
    }

  it('lists OAuth2 first, as ISPDB does, and adds the <oAuth2> block for Gmail', async () => {
    const xml = renderAutoconfig(await settings('ann@gmail.com')) ?? ''
    expect(XMLValidator.validate(xml)).toBe(true)
    const servers = (await parseAutoconfigXml(xml)).servers
    expect(servers.length).toBeGreaterThan(0)
    for (const s of servers) expect(s.auth).toEqual(['OAuth2', 'password-cleartext'])
    expect(tree(xml).clientConfig.oAuth2).toMatchObject({
      issuer: 'accounts.google.com',
      authURL: 'https://accounts.google.com/o/oauth2/auth',
      tokenURL: 'https://www.googleapis.com/oauth2/v3/token',
    })
  })

  it.each(['ann@yahoo.com', 'ann@yandex.ru', 'ann@mail.ru'])(
    'lists OAuth2 first for %s',
    async (email) => {
      const xml = renderAutoconfig(await settings(email)) ?? ''
      for (const s of (await parseAutoconfigXml(xml)).servers) expect(s.auth[0]).toBe('OAuth2')
      expect(tree(xml).clientConfig.oAuth2?.issuer).toBeTruthy()
    },
  )

  it('keeps the password alone, with no <oAuth2>, for a provider without OAuth2 (QQ)', async () => {
    const xml = renderAutoconfig(await settings('ann@qq.com')) ?? ''
    for (const s of (await parseAutoconfigXml(xml)).servers)
      expect(s.auth).toEqual(['password-cleartext'])
    expect(xml).not.toContain('<oAuth2>')
  })

  it('adds <enable visiturl> with the steps in both languages where IMAP must be switched on', async () => {
    const qq = tree(renderAutoconfig(await settings('ann@qq.com')) ?? '')
    expect(qq.clientConfig.emailProvider.enable?.['@_visiturl']).toBe(
      'https://service.mail.qq.com/cgi-bin/help?subtype=1&id=28&no=331',
    )
    expect(JSON.stringify(qq.clientConfig.emailProvider.enable?.instruction)).toContain('授权码')
    // NetEase has no help page in the data: its webmail is the page to visit.
    const netease = tree(renderAutoconfig(await settings('li@163.com')) ?? '')
    expect(netease.clientConfig.emailProvider.enable?.['@_visiturl']).toBe('https://mail.163.com/')
    const webde = tree(renderAutoconfig(await settings('ann@web.de')) ?? '')
    expect(webde.clientConfig.emailProvider.enable?.['@_visiturl']).toBe(
      'https://hilfe.web.de/pop-imap/einschalten.html',
    )
    const corp = renderAutoconfig(await settings('dev@corp.example')) ?? ''
    expect(corp).not.toContain('<enable')
  })
})
