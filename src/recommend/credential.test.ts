import { describe, expect, it } from 'vitest'
import { credentialFor, usernameFor } from './credential.ts'

describe('credentialFor', () => {
  it('defaults to the account password when no provider is known', () => {
    expect(credentialFor(null, 'en')).toEqual({
      kind: 'account-password',
      text: expect.stringContaining('password'),
    })
  })

  it.each([
    ['app-password', 'app password', '应用专用密码'],
    ['authorization-code', '授权码', '授权码'],
    ['oauth2-only', 'OAuth2', 'OAuth2'],
    ['unknown', 'app password', '授权码'],
  ] as const)('%s in both languages', (credential, en, zh) => {
    expect(credentialFor({ credential }, 'en')).toEqual({
      kind: credential,
      text: expect.stringContaining(en),
    })
    expect(credentialFor({ credential }, 'zh-CN').text).toContain(zh)
  })
})

describe('usernameFor', () => {
  it.each([
    ['ann@example.com', 'ann@example.com', 'address'],
    ['Ann@Example.com', 'ann@example.com', 'address'],
    ['ann@例子.中国', 'ann@xn--fsqu00a.xn--fiqs8s', 'address'],
    ['ann@example.com', 'ann', 'local-part'],
    ['ann@example.com', 'example\\ann', 'other'],
    ['ann@example.com', 'ann@mail.example.com', 'other'],
    ['ann', 'ann', 'address'],
  ] as const)('%s with username %s → %s', (email, username, form) => {
    expect(usernameFor(email, { username })).toEqual({ form, value: username })
  })

  it('is null when there is no server', () => {
    expect(usernameFor('ann@example.com', null)).toBeNull()
  })
})
