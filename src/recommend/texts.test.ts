import { describe, expect, it } from 'vitest'
import { CERT_PROBLEM_NAMES, say, SOURCE_LABELS, TEXTS, type Localized } from './texts.ts'
import { LANGS } from '../model/domain.ts'

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
const HAN = /\p{Script=Han}/u

const tables: Record<string, Record<string, Localized>> = {
  TEXTS,
  SOURCE_LABELS,
  CERT_PROBLEM_NAMES,
}

describe('texts', () => {
  for (const [table, entries] of Object.entries(tables)) {
    it(`${table}: every entry has en and zh-CN text, and the zh-CN text is Chinese`, () => {
      for (const [code, text] of Object.entries(entries)) {
        for (const lang of LANGS) expect(text[lang].trim(), `${code} ${lang}`).not.toBe('')
        // A pure template such as '{server}：{problem}' has no words of its own to translate.
        const words = text['zh-CN'].replace(/\{\w+\}/g, '')
        if (/\p{L}/u.test(words)) expect(words, code).toMatch(HAN)
      }
    })
  }

  it('every code has the same placeholders in both languages', () => {
    for (const [code, text] of Object.entries(TEXTS)) {
      expect(placeholders(text['zh-CN']), code).toEqual(placeholders(text.en))
    }
  })

  it('say fills plain and localized parameters in the chosen language', () => {
    const draft = {
      code: 'CERT_AVOIDED' as const,
      params: { protocol: 'IMAP', problem: CERT_PROBLEM_NAMES.TLS_CERT_EXPIRED },
    }
    expect(say(draft, 'en')).toEqual({
      code: 'CERT_AVOIDED',
      text: expect.stringContaining('IMAP would normally be recommended for you'),
    })
    expect(say(draft, 'en').text).toContain('(the certificate has expired)')
    expect(say(draft, 'zh-CN').text).toContain('证书已过期')
    expect(say(draft, 'zh-CN').text).not.toMatch(/\{\w+\}/)
  })
})
