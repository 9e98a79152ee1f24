import { describe, expect, it } from 'vitest'
import { loadBuiltInProviders } from '../providers/built-in.ts'
import { createProviderIndex } from '../providers/provider-index.ts'
import type { Provider } from '../providers/schema.ts'
import type { CandidateServer } from '../discovery/types.ts'
import { candidatesOf, from, probed, server } from '../../test/fake/candidates.ts'
import { recommend } from './recommend.ts'
import type { Recommendation } from './types.ts'
import type { Needs } from '../model/domain.ts'

const index = createProviderIndex(loadBuiltInProviders())
const providerFor = (domain: string): Provider => {
  const p = index.byDomain(domain)
  if (!p) throw new Error(`no provider for ${domain}`)
  return p
}

interface Case {
  email: string
  candidates: CandidateServer[]
  provider?: Provider | null
  needs?: Needs
  probed: boolean
}

/** Runs a case in both languages; the codes and choices must not depend on the language. */
const both = (c: Case): { en: Recommendation; zh: Recommendation } => {
  const input = { provider: null, ...c }
  const en = recommend({ ...input, lang: 'en' })
  const zh = recommend({ ...input, lang: 'zh-CN' })
  const shape = (r: Recommendation) => ({
    ...r,
    reasons: r.reasons.map((n) => n.code),
    warnings: r.warnings.map((n) => n.code),
    credential: r.credential.kind,
    hints: r.hints.length,
  })
  expect(shape(zh)).toEqual(shape(en))
  for (const [a, b] of [...en.reasons.map((n, i) => [n, zh.reasons[i]] as const)]) {
    expect(b?.text).not.toBe(a.text)
    expect(b?.text).toMatch(/\p{Script=Han}/u)
  }
  return { en, zh }
}
const codes = (notes: { code: string }[]) => notes.map((n) => n.code)
const at = (c: CandidateServer | null) => (c ? `${c.protocol} ${c.host}:${c.port}` : null)

describe('recommend: QQ Mail, probed (IMAP 993 verified, POP3 995, SMTP 465/587)', () => {
  const qq = providerFor('qq.com')
  const email = '12345678@qq.com'
  const candidates = candidatesOf(qq, email).map((c) => probed(c))
  const { en, zh } = both({ email, candidates, provider: qq, probed: true })

  it('recommends IMAP 993 and SMTP 465 with the reasons', () => {
    expect(en.protocol).toBe('imap')
    expect(at(en.recommended.incoming)).toBe('imap imap.qq.com:993')
    expect(at(en.recommended.outgoing)).toBe('smtp smtp.qq.com:465')
    expect(codes(en.reasons)).toEqual([
      'IMAP_DEFAULT',
      'TLS_OVER_STARTTLS',
      'VERIFIED',
      'ENABLE_ACCESS_FIRST',
    ])
    expect(en.warnings).toEqual([])
    expect(en.reasons[1]?.text).toBe(
      'SMTP smtp.qq.com:465 with SSL/TLS is recommended over SMTP smtp.qq.com:587 with STARTTLS: implicit TLS encrypts the connection from the first byte (RFC 8314).',
    )
  })

  it('says to type the 授权码, with the full address as username, and shows the hints', () => {
    expect(en.credential.kind).toBe('authorization-code')
    expect(zh.credential.text).toContain('授权码')
    expect(en.username).toEqual({ form: 'address', value: email })
    expect(zh.hints[0]).toContain('授权码')
    expect(zh.reasons.find((r) => r.code === 'VERIFIED')?.text).toBe(
      '已通过实时检测确认：IMAP imap.qq.com:993、SMTP smtp.qq.com:465。',
    )
    expect(zh.reasons.find((r) => r.code === 'ENABLE_ACCESS_FIRST')?.text).toContain('QQ邮箱')
    expect(en.reasons.find((r) => r.code === 'ENABLE_ACCESS_FIRST')?.text).toContain('QQ Mail')
  })

  it('one device, offline: POP3 995, saying that IMAP also works', () => {
    const r = recommend({
      email,
      candidates,
      provider: qq,
      needs: { devices: 'one', offline: true },
      lang: 'zh-CN',
      probed: true,
    })
    expect(at(r.recommended.incoming)).toBe('pop3 pop.qq.com:995')
    expect(codes(r.reasons).slice(0, 2)).toEqual(['POP3_OFFLINE', 'IMAP_ALSO_WORKS'])
    expect(r.reasons[0]?.text).toContain('离线')
  })
})

describe('recommend: a POP3-only ISP, user with several devices', () => {
  const email = 'ann@isp.example'
  const candidates = [
    probed(server('pop3', 'pop.isp.example', 'tls', { username: 'ann', ...from('autoconfig') })),
    probed(
      server('smtp', 'smtp.isp.example', 'starttls', { username: 'ann', ...from('autoconfig') }),
    ),
  ]
  const { en, zh } = both({ email, candidates, needs: { devices: 'several' }, probed: true })

  it('recommends POP3, says only POP3 exists and to leave a copy on the server', () => {
    expect(en.protocol).toBe('pop3')
    expect(codes(en.reasons)).toEqual(['POP3_ONLY_KEEP_COPY', 'STARTTLS_ONLY', 'VERIFIED'])
    expect(en.reasons[0]?.text).toContain('Leave a copy of messages on the server')
    expect(zh.reasons[0]?.text).toContain('在服务器上保留邮件副本')
    expect(codes(en.warnings)).toEqual(['POP3_NO_SYNC'])
    expect(en.username).toEqual({ form: 'local-part', value: 'ann' })
    expect(en.credential.kind).toBe('account-password')
    expect(en.hints).toEqual([])
  })
})

describe('recommend: the only IMAP server has an expired certificate', () => {
  const email = 'bob@corp.example'
  const candidates = [
    probed(server('imap', 'mail.corp.example', 'tls'), 'TLS_CERT_EXPIRED'),
    probed(server('imap', 'mail.corp.example', 'starttls'), 'TLS_CERT_EXPIRED'),
    probed(server('pop3', 'mail.corp.example', 'tls'), 'TCP_REFUSED'),
    probed(server('smtp', 'mail.corp.example', 'starttls')),
  ]
  const { en, zh } = both({ email, candidates, probed: true })

  it('recommends it, but not silently: CERT_PROBLEM names the problem in plain words', () => {
    expect(at(en.recommended.incoming)).toBe('imap mail.corp.example:993')
    expect(codes(en.warnings)).toEqual(['CERT_PROBLEM'])
    expect(en.warnings[0]?.text).toContain('IMAP mail.corp.example:993 is the only working choice')
    expect(en.warnings[0]?.text).toContain('certificate has expired')
    expect(zh.warnings[0]?.text).toContain('证书已过期')
    // The IMAP server is not "verified"; the outgoing one is.
    expect(en.reasons.find((r) => r.code === 'VERIFIED')?.text).toBe(
      'Confirmed by a live test: SMTP mail.corp.example:587.',
    )
  })

  it('prefers a POP3 server with a good certificate, explaining why', () => {
    const withPop = [...candidates, probed(server('pop3', 'mail.corp.example', 'tls'))]
    const r = recommend({ email, candidates: withPop, provider: null, lang: 'en', probed: true })
    expect(r.protocol).toBe('pop3')
    expect(codes(r.reasons)[0]).toBe('CERT_AVOIDED')
    expect(r.warnings).toEqual([])
  })
})

describe('recommend: plaintext only', () => {
  const email = 'carl@old.example'
  const candidates = [
    probed(server('imap', 'mail.old.example', 'none'), 'PLAINTEXT_ONLY'),
    probed(server('pop3', 'mail.old.example', 'none'), 'PLAINTEXT_ONLY'),
    probed(server('smtp', 'mail.old.example', 'none', { port: 25 }), 'PLAINTEXT_ONLY'),
  ]
  const { en, zh } = both({ email, candidates, probed: true })

  it('recommends nothing and explains the risk', () => {
    expect(en.protocol).toBeNull()
    expect(en.recommended).toEqual({ incoming: null, outgoing: null })
    expect(en.username).toBeNull()
    expect(codes(en.warnings)).toEqual(['INCOMING_PLAINTEXT_ONLY', 'OUTGOING_PLAINTEXT_ONLY'])
    expect(en.warnings[0]?.text).toContain('IMAP mail.old.example:143, POP3 mail.old.example:110')
    expect(en.warnings[0]?.text).toContain('clear text')
    expect(zh.warnings[1]?.text).toContain('明文')
  })

  it('an encrypted server that failed and a working plaintext one: the plaintext warning only', () => {
    const r = recommend({
      email,
      candidates: [
        probed(server('imap', 'mail.old.example', 'tls'), 'TCP_REFUSED'),
        probed(server('imap', 'mail.old.example', 'none'), 'PLAINTEXT_ONLY'),
        probed(server('pop3', 'mail.old.example', 'none'), 'TCP_REFUSED'),
      ],
      provider: null,
      lang: 'en',
      probed: true,
    })
    expect(codes(r.warnings)).toEqual(['INCOMING_PLAINTEXT_ONLY', 'NO_OUTGOING_FOUND'])
    expect(r.warnings[0]?.text).toContain('only unencrypted ones: IMAP mail.old.example:143.')
  })

  it('plaintext servers that failed too: every server failed', () => {
    const r = recommend({
      email,
      candidates: [probed(server('imap', 'mail.old.example', 'none'), 'TCP_TIMEOUT')],
      provider: null,
      lang: 'en',
      probed: true,
    })
    expect(codes(r.warnings)).toEqual(['INCOMING_ALL_FAILED', 'NO_OUTGOING_FOUND'])
  })

  it('passes plaintext over when an encrypted server exists (PLAINTEXT_NEVER)', () => {
    const mixed = [candidates[0], probed(server('pop3', 'pop.old.example', 'tls'))].filter(
      (c): c is CandidateServer => c !== undefined,
    )
    const r = recommend({ email, candidates: mixed, provider: null, lang: 'en', probed: true })
    expect(at(r.recommended.incoming)).toBe('pop3 pop.old.example:995')
    expect(codes(r.reasons)).toContain('PLAINTEXT_NEVER')
    expect(codes(r.warnings)).toEqual(['NO_OUTGOING_FOUND'])
  })
})

describe('recommend: broken providers', () => {
  it('Outlook.com: OAuth2 only, password clients cannot log in', () => {
    const outlook = providerFor('outlook.com')
    const email = 'dana@outlook.com'
    const { en, zh } = both({
      email,
      candidates: candidatesOf(outlook, email),
      provider: outlook,
      probed: false,
    })
    expect(codes(en.warnings)[0]).toBe('PROVIDER_BROKEN_OAUTH2')
    expect(en.warnings[0]?.text).toContain('cannot log in')
    expect(zh.warnings[0]?.text).toContain('OAuth2')
    expect(en.credential.kind).toBe('oauth2-only')
    expect(at(en.recommended.incoming)).toBe('imap outlook.office365.com:993')
    expect(codes(en.reasons)).toContain('NOT_VERIFIED')
  })

  it('a provider with no IMAP for mail clients says what to do instead (Proton: the Bridge)', () => {
    const proton = providerFor('protonmail.com')
    const r = recommend({
      email: 'eve@protonmail.com',
      candidates: [],
      provider: proton,
      lang: 'en',
      probed: false,
    })
    expect(codes(r.warnings)).toEqual(['PROVIDER_BRIDGE_ONLY'])
    expect(r.warnings[0]?.text).toContain('Proton Mail Bridge')
    expect(r.protocol).toBeNull()
  })
})

describe('recommend: not probed, ranked by source', () => {
  const email = 'finn@shop.example'
  const candidates = [
    server('imap', 'shop.example', 'tls', { ...from('guess'), username: email }),
    server('imap', 'imap.shop.example', 'starttls', { ...from('srv'), username: email }),
    server('imap', 'mail.shop.example', 'tls', { ...from('autoconfig', false), username: email }),
    server('imap', 'secure.shop.example', 'tls', { ...from('autoconfig'), username: email }),
    server('smtp', 'smtp.shop.example', 'tls', { ...from('guess'), username: email }),
    server('smtp', 'mail.shop.example', 'starttls', { ...from('mx'), username: email }),
  ]
  const { en, zh } = both({ email, candidates, probed: false })

  it('takes the highest-priority source and adds NOT_VERIFIED naming the sources', () => {
    expect(at(en.recommended.incoming)).toBe('imap secure.shop.example:993')
    expect(at(en.recommended.outgoing)).toBe('smtp mail.shop.example:587')
    const notVerified = en.reasons.find((r) => r.code === 'NOT_VERIFIED')
    expect(notVerified?.text).toContain('IMAP secure.shop.example:993, SMTP mail.shop.example:587')
    expect(notVerified?.text).toContain('the domain’s autoconfig file, the domain’s MX record')
    expect(zh.reasons.find((r) => r.code === 'NOT_VERIFIED')?.text).toContain('自动配置文件')
    expect(en.warnings).toEqual([])
  })

  it('warns when the best source was fetched over http', () => {
    const r = recommend({
      email,
      candidates: candidates.slice(0, 3),
      provider: null,
      lang: 'en',
      probed: false,
    })
    expect(at(r.recommended.incoming)).toBe('imap mail.shop.example:993')
    expect(codes(r.warnings)).toContain('UNTRUSTED_SOURCE')
  })
})

describe('recommend: probe outcomes', () => {
  const email = 'gus@probe.example'

  it('never recommends a failed server; STARTTLS when implicit TLS is filtered', () => {
    const { en } = both({
      email,
      candidates: [
        probed(server('imap', 'mail.probe.example', 'tls'), 'TCP_TIMEOUT'),
        probed(server('imap', 'mail.probe.example', 'starttls')),
        probed(server('smtp', 'mail.probe.example', 'tls')),
      ],
      probed: true,
    })
    expect(at(en.recommended.incoming)).toBe('imap mail.probe.example:143')
    expect(codes(en.reasons)).toContain('STARTTLS_ONLY')
  })

  it('every incoming server failed: nothing recommended, the first problem said', () => {
    const { en, zh } = both({
      email,
      candidates: [
        probed(server('imap', 'mail.probe.example', 'tls'), 'TCP_REFUSED'),
        probed(server('pop3', 'mail.probe.example', 'tls'), 'TCP_REFUSED'),
      ],
      probed: true,
    })
    expect(en.protocol).toBeNull()
    expect(codes(en.warnings)).toEqual(['INCOMING_ALL_FAILED', 'NO_OUTGOING_FOUND'])
    expect(en.warnings[0]?.text).toContain('nothing is listening on this port')
    expect(zh.warnings[0]?.text).toContain('没有服务在监听')
  })

  it('a warning-status problem (TLS_OUTDATED) is recommended with a warning', () => {
    const { en, zh } = both({
      email,
      candidates: [probed(server('imap', 'mail.probe.example'), 'TLS_OUTDATED')],
      probed: true,
    })
    expect(at(en.recommended.incoming)).toBe('imap mail.probe.example:993')
    expect(codes(en.warnings)).toEqual(['PROBE_WARNING', 'NO_OUTGOING_FOUND'])
    expect(en.warnings[0]?.text).toMatch(/^IMAP mail.probe.example:993: .*outdated TLS/)
    expect(zh.warnings[0]?.text).toContain('过时的 TLS')
  })

  it('verified before unverified; a server without a result yet gets PROBE_NO_RESULT', () => {
    const r = recommend({
      email,
      candidates: [
        server('imap', 'mail.probe.example', 'tls'),
        probed(server('imap', 'mail.probe.example', 'starttls')),
        server('smtp', 'mail.probe.example', 'tls'),
      ],
      provider: null,
      lang: 'en',
      probed: true,
    })
    expect(at(r.recommended.incoming)).toBe('imap mail.probe.example:143')
    expect(codes(r.reasons)).toEqual([
      'IMAP_DEFAULT',
      'STARTTLS_ONLY',
      'VERIFIED',
      'PROBE_NO_RESULT',
    ])
  })

  it('port 25 only as a last resort, with a reason', () => {
    const { en } = both({
      email,
      candidates: [
        probed(server('imap', 'mail.probe.example')),
        probed(server('smtp', 'mail.probe.example', 'tls'), 'TCP_TIMEOUT'),
        probed(server('smtp', 'mail.probe.example', 'starttls'), 'TCP_TIMEOUT'),
        probed(server('smtp', 'mail.probe.example', 'starttls', { port: 25 })),
      ],
      probed: true,
    })
    expect(at(en.recommended.outgoing)).toBe('smtp mail.probe.example:25')
    expect(codes(en.reasons)).toContain('SMTP_PORT_25')
  })
})

describe('recommend: username forms', () => {
  it('iCloud: the local part for IMAP, the full address for SMTP', () => {
    const icloud = providerFor('icloud.com')
    const email = 'hana@icloud.com'
    const { en, zh } = both({
      email,
      candidates: candidatesOf(icloud, email),
      provider: icloud,
      probed: false,
    })
    expect(en.username).toEqual({ form: 'local-part', value: 'hana' })
    expect(en.credential.kind).toBe('app-password')
    expect(en.reasons.at(-1)).toEqual({
      code: 'USERNAME_OUTGOING',
      text: 'For sending (SMTP) the username is different: hana@icloud.com.',
    })
    expect(zh.reasons.at(-1)?.text).toContain('hana@icloud.com')
  })
})
