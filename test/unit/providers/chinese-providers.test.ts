import { describe, expect, it } from 'vitest'
import { providerCandidates } from '../../../src/discovery/sources.ts'
import {
  createProviderIndex,
  hintsFor,
  loadBuiltInProviders,
} from '../../../src/providers/index.ts'
import { recommend } from '../../../src/recommend/index.ts'

const index = createProviderIndex(loadBuiltInProviders())
const HAN = /\p{Script=Han}/u

/** An address at each Chinese provider the issue names, with the credential it must ask for. */
const CHINESE: Record<string, string> = {
  'vip.163.com': 'authorization-code',
  'vip.126.com': 'authorization-code',
  '188.com': 'authorization-code',
  '189.cn': 'authorization-code',
  'wo.cn': 'account-password',
  '21cn.com': 'account-password',
  'tom.com': 'account-password',
  '139.com': 'authorization-code',
  'vip.sina.com': 'authorization-code',
  '263.net': 'account-password',
  '2980.com': 'authorization-code',
  'feishu.cn': 'app-password',
  'vip.sohu.com': 'authorization-code',
  'qq.com': 'authorization-code',
  '163.com': 'authorization-code',
  'sina.com': 'authorization-code',
  // 客户端专用密码 once the services are on (data/providers-overlay.yaml says why).
  'aliyun.com': 'authorization-code',
}

describe('Chinese providers', () => {
  for (const [domain, credential] of Object.entries(CHINESE)) {
    it(`${domain}: servers, the credential rule and enable steps in zh-CN and en`, () => {
      const p = index.byDomain(domain)
      expect(p, domain).toBeDefined()
      if (!p) return
      const email = `zhang@${domain}`
      const candidates = providerCandidates(p, email, { type: 'provider-db', trusted: true })
      const smtp = candidates.filter((c) => c.protocol === 'smtp')
      expect(smtp.length, 'an outgoing server').toBeGreaterThan(0)
      expect(p.credential).toBe(credential)
      expect(p.enable?.steps.en, 'enable steps in English').toBeTruthy()
      expect(p.enable?.steps['zh-CN'], 'enable steps in Chinese').toMatch(HAN)
      expect(p.sources.length).toBeGreaterThan(0)
      for (const lang of ['zh-CN', 'en'] as const) {
        const rec = recommend({ email, candidates, provider: p, lang, probed: false })
        expect(rec.recommended.outgoing, lang).not.toBeNull()
        const text = [rec.credential.text, ...hintsFor(p, lang)].join('\n')
        if (lang === 'zh-CN') expect(rec.credential.text).toMatch(HAN)
        if (credential === 'authorization-code') {
          expect(text).toMatch(
            lang === 'zh-CN'
              ? /授权码|授权密码|独立密码/
              : /authori[sz]ation|independent password/i,
          )
        }
      }
    })
  }

  it('every Chinese mailbox provider but 2980 has an incoming server too', () => {
    for (const domain of Object.keys(CHINESE).filter((d) => d !== '2980.com')) {
      const p = index.byDomain(domain)!
      expect(p.servers.imap.length + p.servers.pop3.length, domain).toBeGreaterThan(0)
    }
  })

  it('rates an enterprise family high only where two independent sources agree on its hosts', () => {
    for (const domain of ['qiye.163.com', 'exmail.qq.com']) {
      const p = index.byDomain(domain)!
      expect(p.confidence, domain).toBe('high')
      const kinds = new Set(
        p.sources.map((s) =>
          s.startsWith('http') ? 'page' : s.split(/[ #]/)[0]?.replace(/^\.\.\/shared\/data\//, ''),
        ),
      )
      // The research notes and a second project's list (Nylas), besides the curated file.
      expect(kinds.size, `${domain}: ${[...kinds].join(', ')}`).toBeGreaterThanOrEqual(3)
      expect(
        p.sources.some((s) => s.startsWith('Nylas nylas/sync-engine@')),
        domain,
      ).toBe(true)
    }
    // Hosts agree for 139 Mail too, but no source settles its credential: it stays medium.
    expect(index.byDomain('139.com')?.confidence).toBe('medium')
  })

  it('carries lastChecked on the entries added for the issue', () => {
    for (const domain of [
      'vip.163.com',
      '189.cn',
      'wo.cn',
      '21cn.com',
      'tom.com',
      '139.com',
      'vip.sina.com',
      '263.net',
      '2980.com',
      'feishu.cn',
    ]) {
      expect(index.byDomain(domain)?.lastChecked, domain).toMatch(/^\d{4}-\d{2}$/)
    }
  })
})
