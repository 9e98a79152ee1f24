import { describe, expect, it } from 'vitest'
import { judgeAddress, parseCidrList } from './address-policy.ts'
import { checkHostName } from './host-name.ts'

describe('judgeAddress', () => {
  it.each([
    '8.8.8.8',
    '203.0.114.5',
    '2a00:1450:4001:80b::200e',
    '64:ff9b::808:808',
    '2002:808:808::1',
    '::ffff:8.8.8.8',
  ])('allows the public address %s', (address) =>
    expect(judgeAddress(address, []).allowed).toBe(true),
  )

  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['::1', 'loopback'],
    ['fd12::1', 'uniqueLocal'],
    ['::ffff:10.0.0.1', 'ipv4Mapped:private'],
    ['64:ff9b::a9fe:a9fe', 'rfc6052:linkLocal'],
    ['2002:a00:1::1', '6to4:private'],
    ['2001:0:4136:e378:8000:63bf:f5ff:fffe', 'teredo:private'],
  ])('refuses %s as %s', (address, range) => {
    expect(judgeAddress(address, [])).toEqual({ allowed: false, range })
  })

  it('lets an allow-list CIDR through, and only that range', () => {
    const allow = parseCidrList('127.0.10.0/24, fd00::/8')
    expect(judgeAddress('127.0.10.7', allow).allowed).toBe(true)
    expect(judgeAddress('127.0.0.1', allow).allowed).toBe(false)
    expect(judgeAddress('fd00::5', allow).allowed).toBe(true)
  })
})

describe('checkHostName', () => {
  it('normalises case, spaces, a trailing dot and IDN', () => {
    expect(checkHostName('  Mail.Example.COM. ')).toEqual({
      kind: 'name',
      host: 'mail.example.com',
    })
    expect(checkHostName('Bücher.Example')).toEqual({ kind: 'name', host: 'xn--bcher-kva.example' })
    expect(checkHostName('[2001:db8::1]')).toEqual({
      kind: 'ip',
      host: '2001:db8::1',
      address: '2001:db8:0:0:0:0:0:1',
    })
  })

  it.each([
    '127.1',
    '0x7f.0.0.1',
    '2130706433',
    '0177.0.0.1',
    'mail',
    'a.local',
    'x.internal',
    'a b.com',
  ])('refuses %j before DNS', (host) => expect(checkHostName(host).kind).toBe('refused'))
})
