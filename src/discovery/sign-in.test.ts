import { describe, expect, it } from 'vitest'
import { signInOf } from './sign-in.ts'
import { withProbe } from './candidates.ts'
import type { ProbeResult } from '../probes/result.ts'
import { server } from '../../test/fake/candidates.ts'

const caps = (beforeTls: string[], afterTls: string[] = []) => ({ beforeTls, afterTls })

describe('signInOf', () => {
  it('SMTP with only XOAUTH2 and OAUTHBEARER is OAuth-only', () => {
    expect(
      signInOf({ protocol: 'smtp', auth: ['XOAUTH2', 'OAUTHBEARER'], capabilities: caps([]) }),
    ).toEqual({ auth: ['XOAUTH2', 'OAUTHBEARER'], oauthOnly: true })
  })

  it('a password mechanism beside OAuth is not OAuth-only', () => {
    expect(
      signInOf({ protocol: 'smtp', auth: ['LOGIN', 'XOAUTH2'], capabilities: caps([]) })?.oauthOnly,
    ).toBe(false)
    expect(
      signInOf({ protocol: 'pop3', auth: ['XOAUTH2', 'USER'], capabilities: caps([]) })?.oauthOnly,
    ).toBe(false)
  })

  it('IMAP: the LOGIN command is a password path unless LOGINDISABLED', () => {
    const open = caps(['IMAP4rev1', 'AUTH=XOAUTH2'])
    expect(signInOf({ protocol: 'imap', auth: ['XOAUTH2'], capabilities: open })).toEqual({
      auth: ['XOAUTH2'],
      oauthOnly: false,
    })
    // The probe's own auth list is empty under LOGINDISABLED; the capabilities still name OAuth.
    const closed = caps(
      ['IMAP4rev1', 'STARTTLS', 'LOGINDISABLED'],
      ['IMAP4rev1', 'AUTH=XOAUTH2', 'AUTH=OAUTHBEARER', 'LOGINDISABLED'],
    )
    expect(signInOf({ protocol: 'imap', auth: [], capabilities: closed })).toEqual({
      auth: ['XOAUTH2', 'OAUTHBEARER'],
      oauthOnly: true,
    })
  })

  it('no mechanisms captured: null', () => {
    expect(signInOf({ protocol: 'smtp', auth: [], capabilities: caps([]) })).toBeNull()
  })
})

describe('withProbe', () => {
  it('carries the auth list and the OAuth-only mark onto the candidate', () => {
    const result = {
      protocol: 'smtp',
      status: 'ok',
      code: null,
      auth: ['XOAUTH2'],
      capabilities: caps(['SIZE', 'AUTH XOAUTH2']),
    } as unknown as ProbeResult // only the fields withProbe reads
    const c = withProbe(server('smtp', 'smtp.example.com'), result)
    expect(c).toMatchObject({ verified: true, auth: ['XOAUTH2'], oauthOnly: true })
    const plain = withProbe(server('smtp', 'smtp.example.com'), { ...result, auth: ['PLAIN'] })
    expect(plain.auth).toEqual(['PLAIN'])
    expect(plain.oauthOnly).toBeUndefined()
  })
})
