import ipaddr from 'ipaddr.js'
import { describe, expect, it } from 'vitest'
import { checkHostName } from './host-name.ts'

describe('checkHostName', () => {
  it('tells IPv4 literals in every form from names, upper-case hex included, as ipaddr.js does', () => {
    const v4 = ['127.0.0.1', '127.1', '2130706433', '0x7f000001', '0x7f.1', '0177.0.0.1', '0']
    expect(v4.every((literal) => ipaddr.IPv4.isValid(literal))).toBe(true)
    for (const literal of [...v4, ...v4.map((l) => l.toUpperCase())]) {
      const checked = checkHostName(literal)
      const fourPart = ipaddr.IPv4.isValidFourPartDecimal(literal.toLowerCase())
      expect(checked.kind, literal).toBe(fourPart ? 'ip' : 'refused')
    }
  })

  it('takes names made of hex-looking labels for names', () => {
    for (const name of ['dead.beef', 'cafe.face', 'a.b.c.de', 'mail.0xab.com', 'qq.com'])
      expect(checkHostName(name)).toEqual({ kind: 'name', host: name })
  })
})
