import { describe, expect, it } from 'vitest'
import { usernameTemplate } from './username-template.ts'

describe('usernameTemplate', () => {
  it('writes the address and the local part back as placeholders', () => {
    expect(usernameTemplate('ann@qq.com', 'ann@qq.com')).toBe('%EMAILADDRESS%')
    expect(usernameTemplate('Ann@QQ.com', 'ann@qq.com')).toBe('%EMAILADDRESS%')
    expect(usernameTemplate('leser@bücher.example', 'leser@xn--bcher-kva.example')).toBe(
      '%EMAILADDRESS%',
    )
    expect(usernameTemplate('ann', 'ann@icloud.com')).toBe('%EMAILLOCALPART%')
  })

  it('keeps any other username as it is', () => {
    expect(usernameTemplate('ann@other.example', 'ann@qq.com')).toBe('ann@other.example')
    expect(usernameTemplate('ann.b', 'ann@qq.com')).toBe('ann.b')
  })
})
