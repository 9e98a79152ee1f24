import { describe, expect, it } from 'vitest'
import { providerCandidates } from '../discovery/sources.ts'
import { createProviderIndex, loadBuiltInProviders } from '../providers/index.ts'
import { recommend } from './recommend.ts'

const index = createProviderIndex(loadBuiltInProviders())

const forAddress = (email: string, providerId: string) => {
  const provider = index.get(providerId)
  if (!provider) throw new Error(`no provider ${providerId}`)
  const candidates = providerCandidates(provider, email, {
    type: 'mx',
    url: 'mxbiz1.qq.com',
    trusted: true,
  })
  return { provider, candidates }
}

describe('choosing among a provider’s regional hosts', () => {
  const email = 'li@acme-corp.example'
  const { provider, candidates } = forAddress(email, 'tencent-exmail')

  it('outside mainland China: hwimap/hwsmtp, with the mainland hosts named as the alternative', () => {
    const r = recommend({ email, candidates, provider, lang: 'en', probed: false, region: 'intl' })
    expect(r.recommended.incoming?.host).toBe('hwimap.exmail.qq.com')
    expect(r.recommended.outgoing?.host).toBe('hwsmtp.exmail.qq.com')
    // Incoming and outgoing chosen for the same region: one sentence naming both, and both others.
    const notes = r.reasons.filter((n) => n.code === 'SERVER_REGION')
    expect(notes.map((n) => n.text)).toEqual([
      'You read your mail outside mainland China, so this service recommends hwimap.exmail.qq.com (IMAP, port 993) and hwsmtp.exmail.qq.com (SMTP, port 465). The provider has imap.exmail.qq.com and smtp.exmail.qq.com for the same mailbox in mainland China: switch if you read mail there, or if this connection is slow or drops.',
    ])
    expect(r.hostChoice.map((c) => [c.protocol, c.host, c.because])).toEqual([
      ['imap', 'hwimap.exmail.qq.com', 'region'],
      ['smtp', 'hwsmtp.exmail.qq.com', 'region'],
    ])
  })

  it('in mainland China: imap/smtp.exmail.qq.com, naming the overseas hosts (in Chinese)', () => {
    const r = recommend({ email, candidates, provider, lang: 'zh-CN', probed: false, region: 'cn' })
    expect(r.recommended.incoming?.host).toBe('imap.exmail.qq.com')
    expect(r.recommended.outgoing?.host).toBe('smtp.exmail.qq.com')
    const text = r.reasons.find((n) => n.code === 'SERVER_REGION')?.text
    expect(text).toBe(
      '你在中国大陆境内收发邮件，因此推荐 imap.exmail.qq.com（IMAP，端口 993）和 smtp.exmail.qq.com（SMTP，端口 465）。服务商还为中国大陆境外提供同一邮箱的 hwimap.exmail.qq.com 和 hwsmtp.exmail.qq.com：如果你在那里收发邮件，或当前连接缓慢、经常断开，请改用后者。',
    )
  })

  it('without a region: the provider’s first host, saying which region it is for and the other', () => {
    const r = recommend({ email, candidates, provider, lang: 'en', probed: false })
    expect(r.recommended.incoming?.host).toBe('imap.exmail.qq.com')
    const note = r.reasons.find((n) => n.code === 'SERVER_REGION_DEFAULT')
    expect(note?.text).toMatch(
      /^The provider names imap\.exmail\.qq\.com \(IMAP, port 993\) and smtp\.exmail\.qq\.com \(SMTP, port 465\) for mail read in mainland China, and hwimap\.exmail\.qq\.com and hwsmtp\.exmail\.qq\.com for the same mailbox outside mainland China/,
    )
  })

  it('a live test outweighs the region: the overseas host failed, so the mainland one is used', () => {
    const probed = candidates.map((c) =>
      c.host.startsWith('hw')
        ? { ...c, verified: false, status: 'error' as const, code: 'TCP_TIMEOUT' as const }
        : { ...c, verified: true, status: 'ok' as const, code: null },
    )
    const r = recommend({
      email,
      candidates: probed,
      provider,
      lang: 'en',
      probed: true,
      region: 'intl',
    })
    expect(r.recommended.incoming?.host).toBe('imap.exmail.qq.com')
    expect(r.reasons.some((n) => n.code.startsWith('SERVER_REGION'))).toBe(false)
    const note = r.reasons.find((n) => n.code === 'SERVER_ALTERNATIVE_UNREACHABLE')
    expect(note?.text).toMatch(
      /^hwimap\.exmail\.qq\.com, the provider’s host for mail read outside/,
    )
    expect(r.hostChoice[0]).toMatchObject({ host: 'imap.exmail.qq.com', because: 'unreachable' })
  })

  it('NetEase qiye and 263 have regional alternatives too', () => {
    const qiye = forAddress('wang@acme-corp.example', 'netease-qiye')
    const r = recommend({
      email: 'wang@acme-corp.example',
      ...qiye,
      lang: 'en',
      probed: false,
      region: 'intl',
    })
    expect(r.recommended.incoming?.host).toBe('hwhzimap.qiye.163.com')
    expect(r.recommended.outgoing?.host).toBe('hwhzsmtp.qiye.163.com')
    const n263 = forAddress('zhao@263.net', '263')
    const r263 = recommend({
      email: 'zhao@263.net',
      ...n263,
      lang: 'en',
      probed: false,
      region: 'intl',
    })
    expect(r263.recommended.incoming?.host).toBe('imapw.263.net')
  })

  it('a provider without regional hosts says nothing about regions', () => {
    const qq = forAddress('a@qq.com', 'qq')
    const r = recommend({ email: 'a@qq.com', ...qq, lang: 'en', probed: false, region: 'intl' })
    expect(r.reasons.some((n) => n.code.startsWith('SERVER_REGION'))).toBe(false)
  })
})
