/** Report ids and delete tokens: URL-safe, random, and only a token's hash compares. */
import { describe, expect, it } from 'vitest'
import {
  hashToken,
  isReportId,
  newDeleteToken,
  newReportId,
  sameHash,
} from '../../../src/diagnose/report-id.ts'

describe('report ids', () => {
  it('are 22 base64url characters (128 bits) and never repeat in 10,000 draws', () => {
    const ids = Array.from({ length: 10_000 }, newReportId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    // 22 characters of 6 bits hold 132; the last character carries only 2 of them (16 bytes).
    expect(new Set(ids.map((id) => id.at(-1))).size).toBeLessThanOrEqual(4)
  })

  it.each(['', 'short', 'a'.repeat(23), 'a'.repeat(21) + '/', 'a'.repeat(21) + '='])(
    'refuses %j',
    (id) => expect(isReportId(id)).toBe(false),
  )

  it('delete tokens hash to a fixed-length hex digest that only the same token matches', async () => {
    const token = newDeleteToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const hash = await hashToken(token)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(sameHash(hash, await hashToken(token))).toBe(true)
    expect(sameHash(hash, await hashToken(newDeleteToken()))).toBe(false)
    expect(sameHash(hash, hash.slice(1))).toBe(false)
  })
})
