import { describe, expect, it } from 'vitest'
import type { MxRecord, Resolver } from '../../../src/dns/resolver.ts'
import { DiscoveryError } from '../../../src/discovery/discovery-error.ts'
import type { HttpGet } from '../../../src/discovery/http.ts'
import { fromMx } from '../../../src/discovery/sources.ts'
import { ProbeError } from '../../../src/errors/probe-error.ts'
import { createProviderIndex, loadBuiltInProviders } from '../../../src/providers/index.ts'

const providers = createProviderIndex(loadBuiltInProviders())

/** A fake resolver answering MX queries for one company domain. */
const resolverFor = (domain: string, exchanges: string[]): Resolver => ({
  addresses: async () => [],
  srv: async () => [],
  mx: async (name) => {
    if (name !== domain) throw new ProbeError('DNS_NXDOMAIN', name)
    return exchanges.map((exchange, i): MxRecord => ({ exchange, priority: 10 * (i + 1) }))
  },
})
/** No autoconfig anywhere: a hosting family must be recognised from the MX hosts alone. */
const httpGet: HttpGet = async (url) => {
  throw new DiscoveryError('FETCH_FAILED', url.href)
}

/** Each hosting family: the MX hosts a customer's domain publishes, and the settings expected. */
/** `address: false`: the login is not the address at the company domain (iCloud: the Apple Account). */
const FAMILIES: { family: string; mx: string[]; imap: string; smtp: string; address?: false }[] = [
  {
    family: 'Google Workspace',
    mx: ['aspmx.l.google.com', 'alt1.aspmx.l.google.com'],
    imap: 'imap.gmail.com',
    smtp: 'smtp.gmail.com',
  },
  {
    family: 'Google Workspace (2023 single MX)',
    mx: ['smtp.google.com'],
    imap: 'imap.gmail.com',
    smtp: 'smtp.gmail.com',
  },
  {
    family: 'Microsoft 365',
    mx: ['acme-corp-com.mail.protection.outlook.com'],
    imap: 'outlook.office365.com',
    smtp: 'smtp.office365.com',
  },
  {
    family: 'Zoho',
    mx: ['mx.zoho.com', 'mx2.zoho.com'],
    imap: 'imappro.zoho.com',
    smtp: 'smtppro.zoho.com',
  },
  { family: 'Zoho EU', mx: ['mx.zoho.eu'], imap: 'imappro.zoho.eu', smtp: 'smtppro.zoho.eu' },
  { family: 'Yandex 360', mx: ['mx.yandex.net'], imap: 'imap.yandex.com', smtp: 'smtp.yandex.com' },
  {
    family: 'GoDaddy',
    mx: ['mailstore1.secureserver.net', 'smtp.secureserver.net'],
    imap: 'imap.secureserver.net',
    smtp: 'smtpout.secureserver.net',
  },
  {
    family: 'Namecheap Private Email',
    mx: ['mx1.privateemail.com', 'mx2.privateemail.com'],
    imap: 'mail.privateemail.com',
    smtp: 'mail.privateemail.com',
  },
  {
    family: 'Rackspace',
    mx: ['mx1.emailsrvr.com', 'mx2.emailsrvr.com'],
    imap: 'secure.emailsrvr.com',
    smtp: 'secure.emailsrvr.com',
  },
  {
    family: 'IONOS (DE)',
    mx: ['mx00.ionos.de', 'mx01.ionos.de'],
    imap: 'imap.ionos.de',
    smtp: 'smtp.ionos.de',
  },
  {
    family: 'IONOS (1&1 legacy MX)',
    mx: ['mx00.kundenserver.de'],
    imap: 'imap.ionos.de',
    smtp: 'smtp.ionos.de',
  },
  { family: 'IONOS (US)', mx: ['mx00.ionos.com'], imap: 'imap.ionos.com', smtp: 'smtp.ionos.com' },
  { family: 'IONOS (ES)', mx: ['mx00.ionos.es'], imap: 'imap.ionos.es', smtp: 'smtp.ionos.es' },
  {
    family: 'IONOS (FR, 1&1 MX)',
    mx: ['mx00.1and1.fr'],
    imap: 'imap.ionos.fr',
    smtp: 'smtp.ionos.fr',
  },
  { family: 'IONOS (IT)', mx: ['mx01.ionos.it'], imap: 'imap.ionos.it', smtp: 'smtp.ionos.it' },
  { family: 'IONOS (MX)', mx: ['mx00.ionos.mx'], imap: 'imap.ionos.mx', smtp: 'smtp.ionos.mx' },
  { family: 'Strato', mx: ['smtpin.rzone.de'], imap: 'imap.strato.de', smtp: 'smtp.strato.de' },
  {
    family: 'Hetzner',
    mx: ['www123.your-server.de'],
    imap: 'mail.your-server.de',
    smtp: 'mail.your-server.de',
  },
  {
    family: 'Hostinger',
    mx: ['mx1.hostinger.com', 'mx2.hostinger.com'],
    imap: 'imap.hostinger.com',
    smtp: 'smtp.hostinger.com',
  },
  {
    family: 'OVH',
    mx: ['mx1.mail.ovh.net', 'mx2.mail.ovh.net'],
    imap: 'ssl0.ovh.net',
    smtp: 'ssl0.ovh.net',
  },
  {
    family: 'Fastmail',
    mx: ['in1-smtp.messagingengine.com', 'in2-smtp.messagingengine.com'],
    imap: 'imap.fastmail.com',
    smtp: 'smtp.fastmail.com',
  },
  {
    family: 'iCloud custom domain',
    mx: ['mx01.mail.icloud.com', 'mx02.mail.icloud.com'],
    imap: 'imap.mail.me.com',
    smtp: 'smtp.mail.me.com',
    address: false,
  },
  {
    family: 'Mittwald',
    mx: ['mx1.agenturserver.de'],
    imap: 'mail.agenturserver.de',
    smtp: 'mail.agenturserver.de',
  },
  {
    family: 'Tencent Exmail',
    mx: ['mxbiz1.qq.com', 'mxbiz2.qq.com'],
    imap: 'imap.exmail.qq.com',
    smtp: 'smtp.exmail.qq.com',
  },
  {
    family: 'Alibaba Mail (mainland)',
    mx: ['mxn.mxhichina.com', 'mxw.mxhichina.com'],
    imap: 'imap.qiye.aliyun.com',
    smtp: 'smtp.qiye.aliyun.com',
  },
  {
    family: 'Alibaba Mail (Singapore)',
    mx: ['mx1.sg.aliyun.com'],
    imap: 'imap.sg.aliyun.com',
    smtp: 'smtp.sg.aliyun.com',
  },
  {
    family: 'NetEase qiye',
    mx: ['qiye163mx01.mxmail.netease.com', 'qiye163mx02.mxmail.netease.com'],
    imap: 'imaphz.qiye.163.com',
    smtp: 'smtphz.qiye.163.com',
  },
  {
    family: 'Feishu',
    mx: ['mx1.feishu.cn', 'mx2.feishu.cn'],
    imap: 'imap.feishu.cn',
    smtp: 'smtp.feishu.cn',
  },
  {
    family: 'Lark',
    mx: ['mx1.larksuite.com'],
    imap: 'imap.larksuite.com',
    smtp: 'smtp.larksuite.com',
  },
]

describe('hosting recognised by MX (fake resolver, no autoconfig)', () => {
  for (const { family, mx, imap, smtp, address } of FAMILIES) {
    it(`${family}: ${mx[0]} → ${imap} / ${smtp}`, async () => {
      const domain = 'acme-corp.example'
      const found = await fromMx(domain, `ann@${domain}`, {
        resolver: resolverFor(domain, mx),
        providers,
        httpGet,
        signal: new AbortController().signal,
      })
      expect(found.provider, family).toBeDefined()
      expect(found.reports[0]).toMatchObject({ type: 'mx', status: 'found' })
      const first = (protocol: string) => found.candidates.find((c) => c.protocol === protocol)
      expect(first('imap')?.host).toBe(imap)
      expect(first('smtp')?.host).toBe(smtp)
      if (address !== false) expect(first('imap')?.username).toBe(`ann@${domain}`)
    })
  }

  it('an unknown MX host is not taken for a hosting family', async () => {
    const domain = 'own-server.example'
    const found = await fromMx(domain, `ann@${domain}`, {
      resolver: resolverFor(domain, ['mail.own-server.example']),
      providers,
      httpGet,
      signal: new AbortController().signal,
    })
    expect(found.provider).toBeUndefined()
    expect(found.candidates).toEqual([])
  })
})

describe('domain suffixes', () => {
  it('a Spectrum *.rr.com address and a Plusnet name.plus.com address find their provider', () => {
    expect(providers.byDomain('nyc.rr.com')?.id).toBe('spectrum')
    expect(providers.byDomain('twcny.rr.com')?.id).toBe('spectrum')
    // An exact domain wins over the suffix: Bright House's tampabay.rr.com has its own hosts.
    expect(providers.byDomain('tampabay.rr.com')?.id).toBe('spectrum-brighthouse')
    expect(providers.byDomain('ann.plus.com')?.id).toBe('plusnet')
    expect(providers.byDomain('nobody.example')).toBeUndefined()
  })
})
