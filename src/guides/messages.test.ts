import { describe, expect, it } from 'vitest'
import { CLIENTS } from './clients/index.ts'
import { MESSAGES, isMessageKey } from './messages.ts'
import { EN } from './messages-en.ts'
import { CLIENT_IDS, VALUE_REFS } from './types.ts'
import { LANGS } from '../model/domain.ts'

const variables = (text: string) => [...text.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]).sort()

describe('guide message tables', () => {
  it.each(LANGS)('%s has every key, non-empty, with the same variables as English', (lang) => {
    const table: Record<string, string | undefined> = MESSAGES[lang]
    for (const [key, en] of Object.entries(EN)) {
      const text = table[key]
      expect(text, `${lang}: missing ${key}`).toBeTypeOf('string')
      expect(text?.trim(), `${lang}: empty ${key}`).not.toBe('')
      expect(variables(text ?? ''), `${lang}: variables of ${key}`).toEqual(variables(en))
    }
    expect(Object.keys(table).sort()).toEqual(Object.keys(EN).sort())
  })

  it('every client spec names existing messages and value references', () => {
    expect(Object.keys(CLIENTS).sort()).toEqual([...CLIENT_IDS].sort())
    for (const spec of Object.values(CLIENTS)) {
      const keys = [
        spec.name,
        ...Object.values(spec.security),
        ...Object.values(spec.protocolLabel),
        ...spec.steps.flatMap((s) => [s.text, ...(s.values ?? []).map((v) => v.label)]),
      ]
      for (const key of keys) expect(isMessageKey(key), `${spec.id}: ${key}`).toBe(true)
      for (const v of spec.steps.flatMap((s) => s.values ?? [])) {
        expect(
          isMessageKey(v.value) || (VALUE_REFS as readonly string[]).includes(v.value),
          `${spec.id}: ${v.value}`,
        ).toBe(true)
      }
      expect(
        spec.steps.filter((s) => s.kind === 'test').length,
        `${spec.id}: test step`,
      ).toBeGreaterThan(0)
      expect(new Set(spec.steps.map((s) => s.id)).size, `${spec.id}: step ids`).toBe(
        spec.steps.length,
      )
    }
  })
})
