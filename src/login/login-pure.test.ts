import { describe, expect, it } from 'vitest'
import { classifyFailure } from './classify.ts'
import { secretMasker } from './secrets.ts'
import { formOf, usernamesToTry } from './username.ts'

const refused = (reply: string) => ({ kind: 'refused' as const, reply })

describe('classifyFailure: real answers to codes', () => {
  it.each([
    [
      '535 Error: 请使用授权码登录。详情请看: http://service.mail.qq.com/cgi-bin/help',
      null,
      'AUTH_AUTHORIZATION_CODE_REQUIRED',
    ],
    [
      '535 Login Fail. Please enter your authorization code to login.',
      null,
      'AUTH_AUTHORIZATION_CODE_REQUIRED',
    ],
    ['535 5.7.0 ERR.LOGIN.REQCODE', null, 'AUTH_AUTHORIZATION_CODE_REQUIRED'],
    [
      '535 Login fail. Account is abnormal, service is not open, password is incorrect, login frequency limited, or system is busy',
      'authorization-code',
      'AUTH_FAILED',
    ],
    ['535 Error: authentication failed, system busy', null, 'AUTH_FAILED'],
    ['534-5.7.9 Application-specific password required.', null, 'AUTH_APP_PASSWORD_REQUIRED'],
    ['535-5.7.8 Username and Password not accepted.', 'app-password', 'AUTH_FAILED'],
    [
      '535 5.7.139 Authentication unsuccessful, basic authentication is disabled.',
      null,
      'AUTH_OAUTH_ONLY',
    ],
    ['NO AUTHENTICATE failed.', 'oauth2-only', 'AUTH_OAUTH_ONLY'],
    ['NO AUTHENTICATE failed.', null, 'AUTH_FAILED'],
    ['451 4.7.0 too much fail authentication', null, 'TOO_MANY_FAILURES'],
    ['NO [ALERT] Your account is not enabled for IMAP use.', null, 'SERVICE_NOT_ENABLED'],
    [
      '-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.',
      null,
      'LOGIN_DISABLED',
    ],
    ['454 4.7.0 Temporary authentication failure', null, 'SERVER_BUSY'],
    ['503 5.5.1 Error: authentication not enabled', null, 'AUTH_UNSUPPORTED'],
    ['NO Account is locked', null, 'ACCOUNT_LOCKED'],
  ] as const)('%s (%s) → %s', (reply, credential, code) => {
    expect(classifyFailure(refused(reply), credential)).toBe(code)
  })

  it('an EXAMINE refusal is UNSAFE_LOGIN for NetEase’s answer and MAILBOX_UNAVAILABLE otherwise', () => {
    const unsafe = 'NO EXAMINE Unsafe Login. Please contact kefu@188.com for help'
    expect(classifyFailure({ kind: 'mailbox', reply: unsafe }, null)).toBe('UNSAFE_LOGIN')
    expect(classifyFailure({ kind: 'mailbox', reply: 'NO no such mailbox' }, null)).toBe(
      'MAILBOX_UNAVAILABLE',
    )
    expect(classifyFailure({ kind: 'probe', code: 'TCP_REFUSED', detail: null }, null)).toBe(
      'TCP_REFUSED',
    )
  })
})

describe('secretMasker', () => {
  it('masks the password, its AUTH PLAIN and LOGIN base64 forms and the usernames, case-insensitively for names', () => {
    const hide = secretMasker({ password: 'S3cr(e)t+', usernames: ['Ann@Example.com', 'ann'] })
    const plain = Buffer.from('\0ann\0S3cr(e)t+').toString('base64')
    const login = Buffer.from('S3cr(e)t+').toString('base64')
    expect(hide(`x S3cr(e)t+ ${plain} ${login} ann@example.com ANN`)).toBe('x *** *** *** *** ***')
    expect(hide('s3cr(e)t+')).toBe('s3cr(e)t+')
  })
})

describe('usernames', () => {
  it('tries the explicit or discovered form first, then the other form, never more than two', () => {
    expect(formOf('Ann@Example.com', 'ann')).toBe('local-part')
    expect(usernamesToTry('ann@example.com', { discovered: 'ann' })).toEqual([
      { form: 'local-part', value: 'ann' },
      { form: 'address', value: 'ann@example.com' },
    ])
    expect(
      usernamesToTry('ann@example.com', { explicit: 'DOMAIN\\ann', discovered: 'ann' }),
    ).toEqual([{ form: 'other', value: 'DOMAIN\\ann' }])
    expect(usernamesToTry('ann@example.com', {})).toHaveLength(2)
  })

  it('an account-ID provider tries the given username only, and nothing without one', () => {
    const discovered = 'hanako@docomo.ne.jp'
    expect(
      usernamesToTry(discovered, { explicit: 'dacct-0001', discovered, accountId: true }),
    ).toEqual([{ form: 'account-id', value: 'dacct-0001' }])
    expect(usernamesToTry(discovered, { discovered, accountId: true })).toEqual([])
  })
})
