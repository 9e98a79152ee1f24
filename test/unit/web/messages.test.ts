import { describe, expect, it } from 'vitest'
import { MESSAGES, pickLang, translator } from '../../../web/lib/messages.ts'
import { LANGS } from '../../../src/model/domain.ts'

const vars = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('UI messages', () => {
  it('every language has every key, none empty, with the same variables', () => {
    const keys = Object.keys(MESSAGES.en).sort()
    for (const lang of LANGS) {
      const table = MESSAGES[lang]
      expect(Object.keys(table).sort(), lang).toEqual(keys)
      for (const key of keys) {
        const text = table[key as keyof typeof table]
        expect(text.trim(), `${lang} ${key}`).not.toBe('')
        expect(vars(text), `${lang} ${key}`).toEqual(vars(MESSAGES.en[key as keyof typeof table]))
      }
    }
  })

  it('fills in variables', () => {
    expect(translator('zh-CN')('progress.done', { seconds: '2.0' })).toBe('完成，用时 2.0 秒。')
  })

  it('picks ?lang= first, then the first browser language it knows', () => {
    expect(pickLang('zh-CN', ['en-US'])).toBe('zh-CN')
    expect(pickLang('zh', ['en-US'])).toBe('zh-CN')
    expect(pickLang(null, ['de-DE', 'zh-TW', 'en'])).toBe('zh-CN')
    expect(pickLang('fr', ['fr-FR'])).toBe('en')
  })
})
