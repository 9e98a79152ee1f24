import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBuiltInProviders } from './built-in.ts'
import { normalizeDomain } from './domain.ts'
import { loadOverlayFile } from './overlay-file-node.ts'
import { createProviderIndex } from './provider-index.ts'

const builtIn = loadBuiltInProviders()
const index = createProviderIndex(builtIn)
const fixtures = join(import.meta.dirname, '../../test/fixtures/providers')

describe('normalizeDomain', () => {
  it('trims, lower-cases, drops the trailing dot and converts IDN to punycode', () => {
    expect(normalizeDomain('  QQ.COM. ')).toBe('qq.com')
    expect(normalizeDomain('例子.中国')).toBe('xn--fsqu00a.xn--fiqs8s')
    expect(normalizeDomain('Bücher.example')).toBe('xn--bcher-kva.example')
    expect(normalizeDomain('a..b')).toBe('')
  })
})

describe('byDomain', () => {
  it('finds providers by domain and alias regardless of case and trailing dot', () => {
    expect(index.byDomain('qq.com')?.id).toBe('qq')
    expect(index.byDomain(' FoxMail.com. ')?.id).toBe('qq')
    expect(index.byDomain('126.com')?.id).toBe('netease-free')
    expect(index.byDomain('yeah.net')?.id).toBe('netease-free')
    expect(index.byDomain('Hotmail.COM')?.id).toBe('outlook-com')
    expect(index.byDomain('unknown.example')).toBeUndefined()
  })

  it('covers the Chinese providers named in the issue', () => {
    const expected: Record<string, string> = {
      'vip.163.com': 'netease-vip',
      '188.com': 'netease-vip',
      'qiye.163.com': 'netease-qiye',
      'aliyun.com': 'aliyun-personal',
      'qiye.aliyun.com': 'aliyun-qiye',
      'sina.com': 'sina',
      'sohu.com': 'sohu',
      '139.com': '139',
      '189.cn': '189',
      'tom.com': 'tom',
      '21cn.com': '21cn',
      'wo.cn': 'wo',
      'exmail.qq.com': 'tencent-exmail',
    }
    for (const [domain, id] of Object.entries(expected))
      expect(index.byDomain(domain)?.id, domain).toBe(id)
  })

  it('finds a domain given in Unicode (IDNA mapping) or punycode', () => {
    expect(index.byDomain('ＱＱ.com')?.id).toBe('qq')
    const idn = createProviderIndex(
      [],
      [{ ...builtIn[0]!, id: 'idn', domains: ['xn--fsqu00a.xn--fiqs8s'] }],
    )
    expect(idn.byDomain('例子.中国')?.id).toBe('idn')
  })
})

describe('byMx', () => {
  it('maps a company domain behind mxbiz1.qq.com to Tencent Exmail, not QQ Mail', async () => {
    expect((await index.byMx('mxbiz1.qq.com'))?.id).toBe('tencent-exmail')
    expect((await index.byMx('MXBIZ2.qq.com.'))?.id).toBe('tencent-exmail')
  })

  it('matches MX host suffixes', async () => {
    expect((await index.byMx('mx1.qiye.aliyun.com'))?.id).toBe('aliyun-qiye')
    expect((await index.byMx('mxw.mxhichina.com'))?.id).toBe('aliyun-qiye')
    expect((await index.byMx('contoso-com.mail.protection.outlook.com'))?.id).toBe('microsoft-365')
    expect((await index.byMx('alt2.aspmx.l.google.com'))?.id).toBe('gmail')
  })

  it('falls back to the MX host’s registrable domain', async () => {
    expect((await index.byMx('mx00.gmx.net'))?.id).toBe('gmx')
    // A company domain on Zoho EU is matched by the MX pattern, not by the personal entry.
    expect((await index.byMx('mx.zoho.eu'))?.id).toBe('zoho-business-eu')
    expect((await index.byMx('mx3.163.com'))?.id).toBe('netease-free')
    expect(await index.byMx('mx.nowhere.example')).toBeUndefined()
  })
})

describe('overlay precedence', () => {
  const overlay = loadOverlayFile(join(fixtures, 'overlay-good.json'))
  const merged = createProviderIndex(builtIn, overlay)

  it('lets an overlay entry replace a built-in one with the same id and domains', () => {
    expect(merged.byDomain('qq.com')?.name.en).toBe('QQ via our relay')
    expect(merged.get('qq')?.servers.imap[0]?.host).toBe('imap.relay.corp.example')
    expect(merged.byDomain('foxmail.com')).toBeUndefined()
  })

  it('adds the organisation’s own domains and MX patterns', async () => {
    expect(merged.byDomain('corp.example')?.id).toBe('corp')
    expect((await merged.byMx('mx.corp.example'))?.id).toBe('corp')
    expect(merged.size).toBe(builtIn.length + 1)
  })
})

describe('search', () => {
  it('ranks an exact domain first and matches names in either language', () => {
    expect(index.search('163.com')[0]?.id).toBe('netease-free')
    expect(index.search('网易').map((p) => p.id)).toContain('netease-qiye')
    expect(index.search('gmail', 3)[0]?.id).toBe('gmail')
    expect(index.search('  ')).toEqual([])
    expect(index.search('a', 5)).toHaveLength(5)
  })
})
