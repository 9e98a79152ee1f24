/**
 * Why nothing was found: a report without servers in a direction says, from the domain's DNS,
 * whether the domain does not exist, has no mail servers, could not be looked up, or sends its
 * mail to a host no source knows (or one inside a private network), in both languages.
 */
import { describe, expect, it } from 'vitest'
import type { SourceReport } from '../discovery/sources.ts'
import { loadBuiltInProviders } from '../providers/built-in.ts'
import { createProviderIndex } from '../providers/provider-index.ts'
import { probed, server } from '../../test/fake/candidates.ts'
import { nothingFoundNotes } from './nothing-found.ts'
import { recommend } from './recommend.ts'

const mx = (name: string, over: Partial<SourceReport> = {}): SourceReport => ({
  type: 'mx',
  name,
  status: 'none',
  servers: 0,
  ...over,
})
const failed = (name: string, code: string): SourceReport => mx(name, { status: 'error', code })
/** What the autoconfig of an MX host's domain reports: a URL, not the MX name. */
const viaMxAutoconfig = mx('https://autoconfig.hostco.example/mail/config-v1.1.xml', {
  status: 'error',
  code: 'FETCH_FAILED',
})

/** The one explanation, when there is exactly one. */
const note = (domain: string, sources: SourceReport[]) => {
  const notes = nothingFoundNotes(domain, sources)
  expect(notes.length).toBeLessThanOrEqual(1)
  return notes[0] ?? null
}

describe('nothingFoundNotes', () => {
  it('an MX answer of NXDOMAIN: the domain does not exist', () => {
    expect(note('exmaple.com', [failed('exmaple.com', 'DNS_NXDOMAIN')])).toEqual({
      code: 'DOMAIN_NOT_FOUND',
      params: { domain: 'exmaple.com' },
    })
  })

  it.each(['DNS_ERROR', 'DNS_TIMEOUT'])(
    'an MX lookup that failed with %s: DNS could not be asked, with the problem',
    (code) => {
      const found = note('corp.example', [failed('corp.example', code)])
      expect(found?.code).toBe('DOMAIN_DNS_FAILED')
      expect(found?.params?.domain).toBe('corp.example')
      expect(found?.params?.problem).toMatchObject({ en: expect.stringMatching(/DNS/) })
    },
  )

  it('no MX records at all: the domain has no mail servers', () => {
    expect(note('corp.example', [mx('corp.example')])?.code).toBe('DOMAIN_NO_MX')
  })

  it('MX hosts that gave nothing: names them, even beside the MX domain’s autoconfig reports', () => {
    expect(
      note('corp.example', [viaMxAutoconfig, mx('mx1.hostco.example, mx2.hostco.example')]),
    ).toEqual({
      code: 'DOMAIN_MX_UNKNOWN',
      params: { domain: 'corp.example', mx: 'mx1.hostco.example, mx2.hostco.example' },
    })
  })

  it('an MX inside a private network: says so', () => {
    const refused = mx('mx.corp.internal', { status: 'error', code: 'TARGET_BLOCKED' })
    expect(note('corp.example', [refused])).toEqual({
      code: 'DOMAIN_MX_PRIVATE',
      params: { domain: 'corp.example', mx: 'mx.corp.internal' },
    })
  })

  it('suggested addresses follow a domain that cannot take mail, never DNS trouble', () => {
    const meant = ['ann@qq.com']
    expect(nothingFoundNotes('qq.con', [failed('qq.con', 'DNS_NXDOMAIN')], meant)).toEqual([
      { code: 'DOMAIN_NOT_FOUND', params: { domain: 'qq.con' } },
      { code: 'DID_YOU_MEAN', params: { emails: 'ann@qq.com' } },
    ])
    expect(nothingFoundNotes('qq.con', [mx('qq.con')], meant).map((d) => d.code)).toEqual([
      'DOMAIN_NO_MX',
      'DID_YOU_MEAN',
    ])
    expect(
      nothingFoundNotes('qq.con', [failed('qq.con', 'DNS_TIMEOUT')], meant).map((d) => d.code),
    ).toEqual(['DOMAIN_DNS_FAILED'])
  })

  it('nothing to say when the MX source found its host, or was never asked', () => {
    expect(note('corp.example', [mx('mx.hostco.example', { status: 'found', servers: 2 })])).toBe(
      null,
    )
    expect(note('corp.example', [])).toBe(null)
    // Only the MX domain's autoconfig answered (an older stored report): no MX name to give.
    expect(note('corp.example', [viaMxAutoconfig])).toBe(null)
  })
})

describe('in the recommendation', () => {
  const base = { email: 'ann@exmaple.com', provider: null, probed: true } as const
  const sources = [failed('exmaple.com', 'DNS_NXDOMAIN')]

  it('no server at all: the warning follows "no server found", in English and Chinese', () => {
    const en = recommend({ ...base, candidates: [], lang: 'en', sources })
    expect(en.warnings.map((w) => w.code)).toEqual([
      'NO_INCOMING_FOUND',
      'NO_OUTGOING_FOUND',
      'DOMAIN_NOT_FOUND',
    ])
    expect(en.warnings[2]?.text).toBe(
      'The domain exmaple.com does not exist in DNS, so it cannot receive mail. Check the part of the address after the @ for a typo.',
    )
    const zh = recommend({ ...base, candidates: [], lang: 'zh-CN', sources })
    expect(zh.warnings[2]?.text).toBe(
      '域名 exmaple.com 在 DNS 中不存在，因此无法收信。请检查地址中 @ 后面的部分是否拼写错误。',
    )
  })

  it('the suggested addresses, in both languages', () => {
    const input = { ...base, candidates: [], sources, didYouMean: ['ann@example.com'] }
    expect(recommend({ ...input, lang: 'en' }).warnings.at(-1)).toEqual({
      code: 'DID_YOU_MEAN',
      text: 'Did you mean ann@example.com? Check the address and try again.',
    })
    expect(recommend({ ...input, lang: 'zh-CN' }).warnings.at(-1)?.text).toBe(
      '你要输入的是不是 ann@example.com？请核对地址后重试。',
    )
  })

  it('only the outgoing side missing: still explained once', () => {
    const imap = probed(server('imap', 'mail.corp.example'))
    const rec = recommend({
      ...base,
      email: 'ann@corp.example',
      candidates: [imap],
      lang: 'en',
      sources: [mx('mx.elsewhere.example')],
    })
    const codes = rec.warnings.map((w) => w.code)
    expect(codes).toContain('NO_OUTGOING_FOUND')
    expect(codes.filter((c) => c === 'DOMAIN_MX_UNKNOWN')).toHaveLength(1)
    expect(rec.warnings.find((w) => w.code === 'DOMAIN_MX_UNKNOWN')?.text).toMatch(
      /Mail for corp\.example is delivered to mx\.elsewhere\.example/,
    )
  })

  it('servers in both directions: no explanation, whatever DNS said', () => {
    const rec = recommend({
      ...base,
      email: 'ann@corp.example',
      candidates: [
        probed(server('imap', 'mail.corp.example')),
        probed(server('smtp', 'mail.corp.example')),
      ],
      lang: 'en',
      sources: [mx('corp.example')],
    })
    expect(rec.warnings.map((w) => w.code)).not.toContain('DOMAIN_NO_MX')
  })

  it('a provider the database knows (no client access): its own words, no DNS explanation', () => {
    const tuta = createProviderIndex(loadBuiltInProviders()).byDomain('tuta.com')
    expect(tuta?.clientAccess).toBeDefined()
    const rec = recommend({
      ...base,
      email: 'ann@tuta.com',
      provider: tuta ?? null,
      candidates: [],
      lang: 'en',
      sources: [failed('tuta.com', 'DNS_ERROR')],
    })
    expect(rec.warnings.map((w) => w.code)).not.toContain('DOMAIN_DNS_FAILED')
  })
})
