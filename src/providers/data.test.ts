import { describe, expect, it } from 'vitest'
import { loadBuiltInProviders } from './built-in.ts'
import { providerCandidates } from '../discovery/sources.ts'
import { recommend } from '../recommend/index.ts'
import { createProviderIndex } from './provider-index.ts'

const providers = loadBuiltInProviders()
const index = createProviderIndex(providers)

describe('built-in provider data', () => {
  it('covers at least the domains the sources support, every entry with sources and lastChecked', () => {
    // The issue asks for 2,000; the sources imported so far name 1,596 (docs/providers-conflicts.md
    // counts them by source; the 25 QIP.ru domains left with the closed service). A floor, so
    // coverage cannot shrink without this test saying so.
    const domains = new Set(providers.flatMap((p) => p.domains))
    expect(domains.size).toBeGreaterThanOrEqual(1596)
    for (const p of providers) {
      expect(p.sources.length, p.id).toBeGreaterThan(0)
      expect(p.lastChecked, p.id).toMatch(/^\d{4}-\d{2}(?:-\d{2})?$/)
    }
  })

  it('the Australian brands The Messaging Company serves get its hosts, TPG included', () => {
    for (const domain of ['iinet.net.au', 'internode.on.net', 'westnet.com.au', 'tpg.com.au']) {
      const p = index.byDomain(domain)
      expect(p?.id, domain).toBe('themessaging.co')
      expect(p?.servers.imap[0]).toMatchObject({ host: 'imap.themessagingco.com.au', port: 993 })
      expect(p?.servers.smtp[0]).toMatchObject({ host: 'smtp.themessagingco.com.au', port: 465 })
    }
  })

  it('answers nothing for the closed QIP.ru mail, so discovery runs', () => {
    for (const domain of ['qip.ru', 'pochta.ru', 'nm.ru', 'pisem.net', 'pochta.com']) {
      expect(index.byDomain(domain), domain).toBeUndefined()
    }
  })

  it('NetEase qiye: the backup hosts imap/smtp.qiye.163.com belong to no region', () => {
    const qiye = index.get('netease-qiye')
    const backup = [...(qiye?.servers.imap ?? []), ...(qiye?.servers.smtp ?? [])].filter((s) =>
      /^(imap|smtp)\.qiye\.163\.com$/.test(s.host),
    )
    expect(backup.map((s) => s.host)).toEqual(['imap.qiye.163.com', 'smtp.qiye.163.com'])
    expect(backup.every((s) => s.region === undefined)).toBe(true)
  })

  it('docomo mail: the d ACCOUNT ID as the username, said in both languages, never derived from the address', () => {
    const docomo = index.byDomain('docomo.ne.jp')
    expect(docomo?.servers.imap[0]).toMatchObject({ host: 'imap.spmode.ne.jp', port: 993 })
    expect(docomo?.servers.smtp[0]).toMatchObject({ host: 'smtp.spmode.ne.jp', port: 465 })
    expect(docomo?.accountId?.label.en).toMatch(/d ACCOUNT ID/)
    expect(docomo?.accountId?.label['zh-CN']).toMatch(/d ACCOUNT ID/)
    const credential = docomo?.hints.find((h) => h.kind === 'credential')
    expect(credential?.text.en).toMatch(/User name: your d ACCOUNT ID.*IMAP-only password/s)
    expect(credential?.text['zh-CN']).toMatch(/用户名.*d ACCOUNT ID.*IMAP 专用密码/s)
  })

  it('has bilingual hint text for every provider needing an app password, 授权码 or OAuth2', () => {
    const special = providers.filter((p) =>
      ['app-password', 'authorization-code', 'oauth2-only'].includes(p.credential),
    )
    expect(special.length).toBeGreaterThan(10)
    const missing = special.filter((p) => !p.hints.some((h) => h.text.en && h.text['zh-CN']))
    expect(missing.map((p) => p.id)).toEqual([])
  })

  it('applies the upstream fixes', () => {
    const qq = index.byDomain('qq.com')
    expect(qq?.servers.imap.map((s) => s.host)).toEqual(['imap.qq.com'])
    expect(qq?.credential).toBe('authorization-code')
    const outlook = index.byDomain('outlook.com')
    expect(outlook).toMatchObject({ status: 'broken', credential: 'oauth2-only' })
    expect(index.byDomain('gmail.com')).toMatchObject({ credential: 'app-password', oauth2: true })
    const json = JSON.stringify(providers)
    expect(json).not.toMatch(/%EMAIL(ADDRESS|LOCALPART|DOMAIN)(?!%)/)
  })

  it('keeps plaintext-only entries but never recommends them', () => {
    const insecure = providers.filter((p) => p.insecure)
    expect(insecure.length).toBeGreaterThan(0)
    for (const p of insecure) {
      const email = 'a@example.com'
      const candidates = providerCandidates(p, email, { type: 'provider-db', trusted: true })
      const rec = recommend({ email, candidates, provider: p, lang: 'en', probed: false })
      expect(rec.recommended).toEqual({ incoming: null, outgoing: null })
      expect(p.hints.some((h) => h.kind === 'security')).toBe(true)
    }
  })

  it('answers every known domain with servers, or says what to do instead', () => {
    const empty = providers.filter(
      (p) =>
        p.servers.imap.length + p.servers.pop3.length + p.servers.smtp.length === 0 &&
        !p.clientAccess,
    )
    expect(empty.map((p) => p.id)).toEqual([])
    for (const domain of ['rogers.com', 'espiv.net']) {
      expect(index.byDomain(domain), domain).toBeUndefined()
    }
    // Empty upstream (Delta Chat), filled since from FairEmail's facts.
    const dismail = index.byDomain('dismail.de')
    expect(dismail?.servers.imap[0]).toMatchObject({ host: 'imap.dismail.de', port: 993 })
    expect(dismail?.sources.some((s) => s.startsWith('FairEmail M66B/FairEmail@'))).toBe(true)
  })

  it('corrects the wrong entries: yahoo.co.jp user names, rediffmail 586, legacy hosts', () => {
    const yahoo = index.byDomain('yahoo.co.jp')
    for (const protocol of ['imap', 'pop3', 'smtp'] as const) {
      expect(yahoo?.servers[protocol].map((s) => s.username)).toEqual(['%EMAILLOCALPART%'])
    }
    expect(index.byDomain('rediffmail.com')?.servers.smtp.map((s) => s.port)).not.toContain(586)
    for (const domain of ['ntlworld.com', 'blueyonder.co.uk', 'virgin.net', 'virginmedia.com']) {
      const p = index.byDomain(domain)
      expect(p?.servers.imap[0]?.host, domain).toBe('imap.virginmedia.com')
      expect(p?.servers.smtp[0]?.host, domain).toBe('smtp.virginmedia.com')
    }
    expect(index.byDomain('centurytel.net')?.servers.imap[0]).toMatchObject({
      host: 'mail.centurylink.net',
      port: 993,
    })
    expect(index.byDomain('sbcglobal.net')?.servers.smtp[0]?.host).toBe('smtp.mail.att.net')
    const apple = index.byDomain('apple.com')
    expect(apple?.servers.smtp.find((s) => s.port === 465)?.security).toBe('tls')
    expect(index.byDomain('juno.com')?.servers.smtp[0]).toMatchObject({
      port: 465,
      security: 'tls',
    })
  })

  it('uses unique ids and claims each domain once', () => {
    const ids = providers.map((p) => p.id)
    expect(new Set(ids).size).toBe(ids.length)
    const domains = providers.flatMap((p) => p.domains)
    expect(new Set(domains).size).toBe(domains.length)
  })
})

describe('the generated module', () => {
  it('is already in validated form, so loading it needs no re-validation', async () => {
    const { GeneratedSchema, builtInData } = await import('./built-in.ts')
    expect(GeneratedSchema.parse(builtInData)).toEqual(builtInData)
  })
})
