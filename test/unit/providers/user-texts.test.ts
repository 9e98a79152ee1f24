import { describe, expect, it } from 'vitest'
import { providerCandidates } from '../../../src/discovery/sources.ts'
import {
  createProviderIndex,
  hintsFor,
  loadBuiltInProviders,
  providerView,
  type Provider,
} from '../../../src/providers/index.ts'
import { recommend } from '../../../src/recommend/index.ts'

const providers = loadBuiltInProviders()
const index = createProviderIndex(providers)
const HAN = /\p{Script=Han}/u
/** Letters of scripts no answer may show: Cyrillic, Greek, Hangul, kana, and German/French accents. */
const THIRD = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Hangul}\p{Script=Hiragana}äöüßéèàç]/u

/** Every text a user reads about a provider, in one language. */
const answerTexts = (p: Provider, lang: 'en' | 'zh-CN') => {
  const email = `someone@${p.domains[0] ?? 'example.com'}`
  const candidates = providerCandidates(p, email, { type: 'provider-db', trusted: true })
  const rec = recommend({ email, candidates, provider: p, lang, probed: false })
  return [
    ...hintsFor(p, lang),
    rec.credential.text,
    ...rec.reasons.map((r) => r.text),
    ...rec.warnings.map((w) => w.text),
  ]
}

describe('what users read about a provider', () => {
  it('never mentions another app (Delta Chat), in either language', () => {
    for (const p of providers) {
      for (const lang of ['en', 'zh-CN'] as const) {
        const hit = answerTexts(p, lang).find((t) => /delta ?chat/i.test(t))
        expect(hit, `${p.id} ${lang}`).toBeUndefined()
      }
    }
  })

  it('GET /api/v1/providers never names another app outside the credited sources, nor shows maintainers’ notes', () => {
    const OTHER_APPS = /delta ?chat|fairemail|mailcore|mutt-?wizard|nylas|k-9|thunderbird/i
    for (const p of providers) {
      const view = providerView(p)
      expect(view, p.id).not.toHaveProperty('notes')
      // `sources` credits the data (name, address, licence); each server's `source` says which.
      const shown = JSON.stringify({ ...view, sources: undefined }, (key, value: unknown) =>
        key === 'source' ? undefined : value,
      )
      expect(shown.match(OTHER_APPS)?.[0], p.id).toBeUndefined()
    }
    // The notes that named one are still there for maintainers (Outlook.com's SMTP host note).
    expect(providers.some((p) => p.notes.some((n) => OTHER_APPS.test(n)))).toBe(true)
  })

  it('in a zh-CN answer, every hint is Chinese (never German, Russian or other third-language text)', () => {
    for (const p of providers) {
      for (const hint of hintsFor(p, 'zh-CN')) {
        expect(hint, p.id).toMatch(HAN)
        // Names such as "E-Mail-Einstellungen" may appear in brackets; sentences may not.
        expect(hint.replace(/（[^）]*）|\([^)]*\)/g, ''), p.id).not.toMatch(THIRD)
      }
    }
  })

  it('in an en answer, no hint is German or Russian text from a source', () => {
    for (const p of providers) {
      for (const hint of hintsFor(p, 'en')) {
        expect(hint.replace(/\([^)]*\)/g, ''), p.id).not.toMatch(/[\p{Script=Cyrillic}äöüß]/u)
      }
    }
  })

  it('marks English standing in for Chinese when an operator gives only English', () => {
    const own = createProviderIndex(
      [],
      [
        {
          ...providers[0]!,
          id: 'own',
          domains: ['own.example'],
          hints: [{ kind: 'quirk', text: { en: 'Use the VPN.' } }],
          enable: undefined,
        },
      ],
    )
    expect(hintsFor(own.get('own')!, 'zh-CN')).toContain('（英文）Use the VPN.')
  })

  it('a provider without IMAP for mail clients says what to do instead, not "ask your provider"', () => {
    for (const [domain, code, words] of [
      ['proton.me', 'PROVIDER_BRIDGE_ONLY', /Proton Mail Bridge/],
      ['tuta.com', 'PROVIDER_NO_CLIENT_ACCESS', /app\.tuta\.com/],
    ] as const) {
      const p = index.byDomain(domain)
      expect(p?.clientAccess, domain).toBeDefined()
      for (const lang of ['en', 'zh-CN'] as const) {
        const email = `someone@${domain}`
        const rec = recommend({ email, candidates: [], provider: p!, lang, probed: false })
        const warning = rec.warnings.find((w) => w.code === code)
        expect(warning?.text, `${domain} ${lang}`).toMatch(words)
        expect(rec.warnings.map((w) => w.text).join(' ')).not.toMatch(
          /ask your provider|联系服务商/i,
        )
      }
      expect(
        recommend({
          email: `a@${domain}`,
          candidates: [],
          provider: p!,
          lang: 'zh-CN',
          probed: false,
        }).warnings[0]?.text,
      ).toMatch(HAN)
    }
  })
})
