/**
 * The typo check: the distance counts one edit for a letter added, dropped, changed or two
 * neighbours swapped; the suggestions are the provider data's domains within one edit (two
 * from ten characters on), nearest first, and nothing for a known domain or a far one.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadBuiltInProviders } from './built-in.ts'
import { createProviderIndex } from './provider-index.ts'
import { likelyDomains, typoDistance } from './typo.ts'

const index = createProviderIndex(loadBuiltInProviders())
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '.', '1'), maxLength: 12 })

describe('typoDistance', () => {
  it.each([
    ['qq.con', 'qq.com', 1],
    ['gmial.com', 'gmail.com', 1],
    ['gmai.com', 'gmail.com', 1],
    ['gmaill.com', 'gmail.com', 1],
    ['hotmial.co.uk', 'hotmail.co.uk', 1],
    ['yaho.co.jp', 'yahoo.co.jp', 1],
    ['abc', 'cba', 2],
    ['same.com', 'same.com', 0],
  ])('%s ~ %s: %i', (a, b, d) => {
    expect(typoDistance(a, b, 3)).toBe(d)
  })

  it('stops at max + 1', () => {
    expect(typoDistance('qq.com', 'outlook.com', 2)).toBe(3)
    expect(typoDistance('a', 'abcdef', 1)).toBe(2)
  })

  it('is zero exactly for equal strings, symmetric, and at most the longer length', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = typoDistance(a, b, 20)
        expect(d === 0).toBe(a === b)
        expect(typoDistance(b, a, 20)).toBe(d)
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length))
      }),
    )
  })

  it('one change, insertion, deletion or swap of neighbours is distance 1', () => {
    fc.assert(
      fc.property(word, fc.nat(), fc.constantFrom('x', 'y'), (a, at, letter) => {
        fc.pre(a.length >= 2)
        const i = at % (a.length - 1)
        const swapped = a.slice(0, i) + (a[i + 1] ?? '') + (a[i] ?? '') + a.slice(i + 2)
        expect(typoDistance(a, swapped, 3)).toBe(a === swapped ? 0 : 1)
        expect(typoDistance(a, a.slice(0, i) + letter + a.slice(i), 3)).toBe(1)
        expect(typoDistance(a, a.slice(0, i) + a.slice(i + 1), 3)).toBe(1)
      }),
    )
  })

  it('agrees with the cut-off: the true distance when it is within max, else max + 1', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const full = typoDistance(a, b, 30)
        expect(typoDistance(a, b, max)).toBe(full <= max ? full : max + 1)
      }),
    )
  })
})

describe('likelyDomains over the built-in provider data', () => {
  it.each([
    ['qq.con', 'qq.com'],
    ['gmial.com', 'gmail.com'],
    ['163.con', '163.com'],
    ['hotmial.com', 'hotmail.com'],
    ['outlok.com', 'outlook.com'],
  ])('%s → %s first', (typo, meant) => {
    expect(likelyDomains(typo, index)[0]).toBe(meant)
  })

  it('a known domain, or one far from every known domain, gets nothing', () => {
    expect(likelyDomains('qq.com', index)).toEqual([])
    expect(likelyDomains('unknown-company.de', index)).toEqual([])
  })

  it('at most three, each a known domain within the allowed edits', () => {
    for (const typo of ['gmx.dd', 'web.dd', 'mail.r', 'qq.con', 'yahoo.co']) {
      const found = likelyDomains(typo, index)
      expect(found.length).toBeLessThanOrEqual(3)
      for (const d of found) {
        expect(index.byDomain(d)).toBeDefined()
        expect(typoDistance(typo, d, 5)).toBeLessThanOrEqual(typo.length >= 10 ? 2 : 1)
      }
    }
  })
})
