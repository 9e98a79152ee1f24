import { describe, expect, it } from 'vitest'
import { API_CODES } from './api-codes.ts'
import { DISCOVERY_CODES } from './discovery-codes.ts'
import { LOGIN_CODES } from './login-codes.ts'
import { PROBE_CODES } from './probe-codes.ts'
import { API_CODE_LIST, ERRORS, PROBE_CODE_LIST, messageFor } from './table.ts'

describe('the error table', () => {
  it('holds each part whole: no two parts share a code', () => {
    const parts = [PROBE_CODES, DISCOVERY_CODES, LOGIN_CODES, API_CODES].map((part) =>
      Object.keys(part),
    )
    const all = parts.flat()
    expect(new Set(all).size).toBe(all.length)
    expect(Object.keys(ERRORS)).toEqual(all)
  })

  it('gives every code a message in en and zh-CN', () => {
    for (const [code, entry] of Object.entries(ERRORS)) {
      expect(entry.message.en.length, code).toBeGreaterThan(10)
      expect(entry.message['zh-CN'], code).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('lists as API codes exactly the rows with an HTTP status', () => {
    expect(API_CODE_LIST).toContain('TARGET_BLOCKED')
    expect(API_CODE_LIST).toEqual(expect.arrayContaining(Object.keys(API_CODES)))
    expect(API_CODE_LIST).not.toContain('TCP_REFUSED')
    expect(PROBE_CODE_LIST).toEqual(Object.keys(PROBE_CODES))
  })

  it('answers a code with its own message, and no code with the all-good text', () => {
    expect(messageFor('TCP_REFUSED')).toEqual(PROBE_CODES.TCP_REFUSED.message)
    expect(messageFor(null).en).toMatch(/secure/)
  })
})
