/**
 * Keeping what is known: a published server (operator, provider database, autoconfig) whose
 * probe failed for a reason on this service's side or in between stays the recommendation,
 * marked unverified with a warning in both languages; evidence from the server demotes it.
 */
import { describe, expect, it } from 'vitest'
import { loadBuiltInProviders } from '../providers/built-in.ts'
import { createProviderIndex } from '../providers/provider-index.ts'
import type { ProbeCode } from '../errors/table.ts'
import { candidatesOf, from, probed, server } from '../../test/fake/candidates.ts'
import { recommend } from './recommend.ts'

const qq = createProviderIndex(loadBuiltInProviders()).byDomain('qq.com')
if (!qq) throw new Error('qq.com is in the database')

const qqProbedWith = (code: (host: string, port: number) => ProbeCode | null) =>
  candidatesOf(qq, 'ann@qq.com').map((c) => probed(c, code(c.host, c.port)))

const run = (candidates: ReturnType<typeof qqProbedWith>, lang: 'en' | 'zh-CN' = 'en') =>
  recommend({ email: 'ann@qq.com', candidates, provider: qq, lang, probed: true })

/** A domain no provider data knows, so only the probes and the sources speak. */
const runUnknown = (candidates: ReturnType<typeof probed>[]) =>
  recommend({ email: 'ann@example.org', candidates, provider: null, lang: 'en', probed: true })

describe('published servers the service cannot check', () => {
  it.each(['DNS_NXDOMAIN', 'DNS_TIMEOUT', 'TCP_TIMEOUT', 'TCP_UNREACHABLE'] as const)(
    'every QQ Mail server failing with %s: still QQ Mail’s settings, unverified, with the warning in both languages',
    (code) => {
      const candidates = qqProbedWith(() => code)
      const en = run(candidates)
      expect(en.recommended.incoming).toMatchObject({
        host: 'imap.qq.com',
        port: 993,
        verified: false,
      })
      expect(en.recommended.outgoing).toMatchObject({ host: 'smtp.qq.com', port: 465 })
      const warning = en.warnings.find((w) => w.code === 'KEPT_UNCHECKED')
      expect(warning?.text).toMatch(/could not be checked from here.*QQ Mail publishes/)
      const zh = run(candidates, 'zh-CN').warnings.find((w) => w.code === 'KEPT_UNCHECKED')
      expect(zh?.text).toMatch(/无法从本服务检测.*QQ邮箱公布的设置/)
      expect(en.warnings.map((w) => w.code)).not.toContain('INCOMING_ALL_FAILED')
    },
  )

  it('the whole matrix refused alike is this side too: the settings stay', () => {
    const rec = run(qqProbedWith(() => 'TCP_REFUSED'))
    expect(rec.recommended.incoming).toMatchObject({ host: 'imap.qq.com', port: 993 })
    expect(rec.warnings.map((w) => w.code)).toContain('KEPT_UNCHECKED')
  })

  it.each(['TCP_REFUSED', 'NOT_THIS_PROTOCOL', 'GREETING_TIMEOUT', 'TLS_HANDSHAKE'] as const)(
    'evidence from the server (%s on IMAP 993 alone) demotes that server; the next one is used',
    (code) => {
      const rec = run(
        qqProbedWith((host, port) => (host === 'imap.qq.com' && port === 993 ? code : null)),
      )
      expect(rec.recommended.incoming).not.toMatchObject({ host: 'imap.qq.com', port: 993 })
      expect(rec.recommended.incoming?.verified).toBe(true)
      expect(rec.warnings.map((w) => w.code)).not.toContain('KEPT_UNCHECKED')
    },
  )

  it('a verified server of the same protocol still wins over a kept, unchecked one', () => {
    const candidates = [
      ...qqProbedWith((host) => (host === 'imap.qq.com' ? 'DNS_TIMEOUT' : null)),
      probed(server('imap', 'imap.exmail.qq.com', 'tls', from('mx'))),
    ]
    const rec = run(candidates)
    expect(rec.recommended.incoming).toMatchObject({ host: 'imap.exmail.qq.com', verified: true })
    expect(rec.warnings.map((w) => w.code)).not.toContain('KEPT_UNCHECKED')
  })

  it('a timeout on one port of a host that answered on others is that host’s own filter', () => {
    const rec = run(
      qqProbedWith((host, port) => (host === 'smtp.qq.com' && port === 465 ? 'TCP_TIMEOUT' : null)),
    )
    expect(rec.recommended.outgoing).toMatchObject({ host: 'smtp.qq.com', port: 587 })
  })

  it('a guessed or MX-found server is not kept on a DNS failure: nobody published it', () => {
    const guessed = [
      probed(server('imap', 'mail.example.org', 'tls', from('guess')), 'DNS_NXDOMAIN'),
      probed(server('smtp', 'mail.example.org', 'tls', from('mx')), 'TCP_TIMEOUT'),
    ]
    const rec = runUnknown(guessed)
    expect(rec.recommended).toEqual({ incoming: null, outgoing: null })
  })

  it("an autoconfig server is kept, and the warning names the domain's autoconfig file", () => {
    const published = [
      probed(server('imap', 'imap.example.org', 'tls', from('autoconfig')), 'TCP_TIMEOUT'),
      probed(server('smtp', 'smtp.example.org', 'tls', from('autoconfig')), 'TCP_TIMEOUT'),
    ]
    const rec = runUnknown(published)
    expect(rec.recommended.incoming?.host).toBe('imap.example.org')
    expect(rec.warnings.find((w) => w.code === 'KEPT_UNCHECKED')?.text).toMatch(
      /the domain’s autoconfig file publishes/,
    )
  })
})
