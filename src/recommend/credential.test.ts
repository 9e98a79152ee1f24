import { describe, expect, it } from 'vitest'
import { credentialFor, usernameFor } from './credential.ts'
import { createProviderIndex, loadBuiltInProviders } from '../providers/index.ts'

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

  it('carries the provider’s own credential hint and its page, in the language asked for', () => {
    const qq = createProviderIndex(loadBuiltInProviders()).get('qq')
    if (!qq) throw new Error('qq is in the built-in data')
    const en = credentialFor(qq, 'en')
    expect(en.hint).toMatch(/16-character authorization code/)
    expect(en.url).toMatch(/^https:\/\/service\.mail\.qq\.com\//)
    expect(credentialFor(qq, 'zh-CN').hint).toMatch(/16位授权码/)
    // Only credential hints: the enable steps and quirks stay in the report's hints.
    expect(en.hint).not.toMatch(/Webmail → Settings/)
    expect(credentialFor({ credential: 'app-password' }, 'en')).not.toHaveProperty('hint')
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

  it('is the account ID in words when the provider issues one, whatever the template says', () => {
    const words = 'your d ACCOUNT ID (dアカウントID)'
    expect(usernameFor('ann@docomo.ne.jp', { username: 'ann@docomo.ne.jp' }, words)).toEqual({
      form: 'account-id',
      value: words,
    })
    expect(usernameFor('ann@docomo.ne.jp', null, words)).toBeNull()
  })
})
