import { describe, expect, it } from 'vitest'
import {
  STAND_IN_LOCAL_PART,
  escapeJsonText,
  fillTemplate,
  toTemplate,
} from './local-part-template.ts'

const form = (s: string) => new URLSearchParams({ q: s }).toString().slice(2)

describe('local-part templates', () => {
  it('fills the raw and the form-urlencoded places, each in its own form', () => {
    const text = JSON.stringify({
      email: `${STAND_IN_LOCAL_PART}@qq.com`,
      url: `https://a.test/?emailaddress=${form(`${STAND_IN_LOCAL_PART}@qq.com`)}`,
    })
    const template = toTemplate(text, escapeJsonText)
    expect(template?.forms).toEqual(['raw', 'form-encoded'])
    const local = 'O"Brien+x y'
    expect(JSON.parse(fillTemplate(template!, local, escapeJsonText))).toEqual({
      email: `${local}@qq.com`,
      url: `https://a.test/?emailaddress=${form(`${local}@qq.com`)}`,
    })
  })

  it('is no template when the stand-in shows in another form (lower-cased, other encodings)', () => {
    for (const other of [
      STAND_IN_LOCAL_PART.toLowerCase(),
      encodeURIComponent(STAND_IN_LOCAL_PART),
      STAND_IN_LOCAL_PART.replace("'", '&apos;'),
    ]) {
      expect(toTemplate(`{"a":"${STAND_IN_LOCAL_PART}","b":"${other}"}`, escapeJsonText)).toBeNull()
    }
  })

  it('a text without the stand-in is one part', () => {
    expect(toTemplate('<x/>', (s) => s)).toEqual({ parts: ['<x/>'], forms: [] })
  })
})
