import { describe, expect, it } from 'vitest'
import { expandPlaceholders, splitEmail } from './expand.ts'

describe('expandPlaceholders', () => {
  it('replaces every placeholder, with the domain normalised', () => {
    expect(
      expandPlaceholders('%EMAILADDRESS%|%EMAILLOCALPART%|%EMAILDOMAIN%', 'Ann.Lee@126.COM'),
    ).toBe('Ann.Lee@126.com|Ann.Lee|126.com')
    expect(expandPlaceholders('imap.%EMAILDOMAIN%', 'a@x.example')).toBe('imap.x.example')
  })

  it('uses the punycode form of an IDN domain', () => {
    expect(expandPlaceholders('imap.%EMAILDOMAIN%', 'a@例子.中国')).toBe(
      'imap.xn--fsqu00a.xn--fiqs8s',
    )
  })
})

describe('splitEmail', () => {
  it('splits at the last @ (a quoted local part may hold one)', () => {
    expect(splitEmail('"a@b"@Example.COM.')).toEqual({ localPart: '"a@b"', domain: 'example.com' })
  })
})
