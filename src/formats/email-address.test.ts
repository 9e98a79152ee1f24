import { describe, expect, it } from 'vitest'
import { parseAddress } from './email-address.ts'

describe('parseAddress', () => {
  it('keeps unusual but legal local parts and converts IDN domains to ASCII', () => {
    expect(parseAddress("O'Brien&Co+x@Bücher.Example")).toEqual({
      email: "O'Brien&Co+x@xn--bcher-kva.example",
      localPart: "O'Brien&Co+x",
      domain: 'xn--bcher-kva.example',
    })
    expect(parseAddress('"a<b"@例子.中国')?.domain).toBe('xn--fsqu00a.xn--fiqs8s')
  })

  it.each([
    '',
    'no-at',
    '@qq.com',
    'a b@qq.com',
    'a\u0000@qq.com',
    'ann@localhost',
    'ann@qq..com',
    `${'a'.repeat(65)}@qq.com`,
  ])('refuses %j', (input) => expect(parseAddress(input)).toBeNull())
})
