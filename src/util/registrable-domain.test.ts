import { describe, expect, it } from 'vitest'
import { registrableDomain } from './registrable-domain.ts'

describe('registrableDomain', () => {
  it('is the public suffix and one label more', async () => {
    expect(await registrableDomain('mx1.mail.example.co.uk')).toBe('example.co.uk')
    expect(await registrableDomain('mxbiz1.qq.com')).toBe('qq.com')
  })

  it('is null for a public suffix itself and for an address', async () => {
    expect(await registrableDomain('co.uk')).toBeNull()
    expect(await registrableDomain('192.0.2.1')).toBeNull()
  })
})
