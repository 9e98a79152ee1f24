import { describe, expect, it } from 'vitest'
import { clientKeyOf } from './client-key.ts'

describe('client key', () => {
  it('an IPv4 address is its own client', () => {
    expect(clientKeyOf('198.51.100.7')).toBe('198.51.100.7')
  })

  it('an IPv6 address counts by its /64, in any spelling', () => {
    expect(clientKeyOf('2001:db8:1:2::abcd')).toBe('2001:db8:1:2::/64')
    expect(clientKeyOf('2001:0DB8:0001:0002:ffff:0:0:1')).toBe('2001:db8:1:2::/64')
    expect(clientKeyOf('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64')
  })

  it('an IPv4-mapped address is the IPv4 client', () => {
    expect(clientKeyOf('::ffff:198.51.100.7')).toBe('198.51.100.7')
  })

  it('anything else is kept as it is', () => {
    expect(clientKeyOf('unknown')).toBe('unknown')
  })
})
