import { describe, expect, it } from 'vitest'
import { createProviderIndex } from './provider-index.ts'
import { loadBuiltInProviders } from './built-in.ts'
import { hintsFor } from './hints.ts'

describe('hintsFor', () => {
  const index = createProviderIndex(loadBuiltInProviders())

  it('QQ Mail: the 授权码 hint and enable steps, and no untranslated advice written for another app', () => {
    const qq = index.byDomain('qq.com')
    expect(qq).toBeDefined()
    if (!qq) return
    for (const lang of ['zh-CN', 'en'] as const) {
      const hints = hintsFor(qq, lang)
      expect(hints.join('\n')).not.toMatch(/Delta Chat/)
      expect(hints.length).toBeGreaterThanOrEqual(2)
    }
    expect(hintsFor(qq, 'zh-CN')[0]).toContain('授权码')
  })
})
