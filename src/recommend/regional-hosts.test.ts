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
    const notes = r.reasons.filter((n) => n.code === 'SERVER_REGION')
    expect(notes).toHaveLength(2)
    expect(notes[0]?.text).toMatch(/outside mainland China, so IMAP hwimap\.exmail\.qq\.com/)
    expect(notes[0]?.text).toMatch(
      /imap\.exmail\.qq\.com serves the same mailbox in mainland China/,
    )
  })

  it('in mainland China: imap/smtp.exmail.qq.com, naming the overseas hosts (in Chinese)', () => {
    const r = recommend({ email, candidates, provider, lang: 'zh-CN', probed: false, region: 'cn' })
    expect(r.recommended.incoming?.host).toBe('imap.exmail.qq.com')
    expect(r.recommended.outgoing?.host).toBe('smtp.exmail.qq.com')
    const text = r.reasons.find((n) => n.code === 'SERVER_REGION')?.text
    expect(text).toContain('中国大陆境内')
    expect(text).toContain('hwimap.exmail.qq.com')
  })

  it('without a region: the provider’s first host, saying which region it is for and the other', () => {
    const r = recommend({ email, candidates, provider, lang: 'en', probed: false })
    expect(r.recommended.incoming?.host).toBe('imap.exmail.qq.com')
    const note = r.reasons.find((n) => n.code === 'SERVER_REGION_DEFAULT')
    expect(note?.text).toMatch(
      /hwimap\.exmail\.qq\.com serves the same mailbox outside mainland China/,
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
