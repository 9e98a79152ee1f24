import { describe, expect, it } from 'vitest'
import { expandServer, recommendedFor, serversFor } from './expand.ts'
import type { ServerSpec } from './schema.ts'

const spec = (over: Partial<ServerSpec> = {}): ServerSpec => ({
  host: 'imap.%EMAILDOMAIN%',
  port: 993,
  security: 'tls',
  username: '%EMAILLOCALPART%',
  auth: ['password'],
  ...over,
})

describe('expandServer', () => {
  it('replaces every placeholder without touching the input', () => {
    const input = spec({ username: '%EMAILADDRESS%|%EMAILLOCALPART%|%EMAILDOMAIN%' })
    const out = expandServer(input, 'Ann.Lee@126.COM')
    expect(out.host).toBe('imap.126.com')
    expect(out.username).toBe('Ann.Lee@126.com|Ann.Lee|126.com')
    expect(input.host).toBe('imap.%EMAILDOMAIN%')
  })

  it('uses the punycode form of an IDN domain', () => {
    expect(expandServer(spec(), 'a@例子.中国').host).toBe('imap.xn--fsqu00a.xn--fiqs8s')
  })
})

describe('serversFor and recommendedFor', () => {
  const provider = {
    servers: {
      imap: [spec({ port: 143, security: 'none' }), spec({ port: 143, security: 'starttls' })],
      pop3: [spec({ host: 'pop.x.example', port: 995, security: 'tls' })],
      smtp: [spec({ host: 'smtp.x.example', port: 25, security: 'none' })],
    },
  }

  it('lists incoming IMAP before POP3 with the protocol and source', () => {
    const { incoming, outgoing } = serversFor(provider, 'a@x.example')
    expect(incoming.map((s) => `${s.protocol}:${s.port}`)).toEqual([
      'imap:143',
      'imap:143',
      'pop3:995',
    ])
    expect(outgoing[0]).toEqual({
      protocol: 'smtp',
      host: 'smtp.x.example',
      port: 25,
      security: 'none',
      username: 'a',
      source: 'provider-db',
    })
  })

  it('never recommends plaintext, prefers TLS and well-sourced servers', () => {
    const rec = recommendedFor(provider, 'a@x.example')
    expect(rec.incoming).toMatchObject({ protocol: 'pop3', security: 'tls' })
    expect(rec.outgoing).toBeNull()
    const lowTls = {
      servers: {
        imap: [spec({ confidence: 'low' }), spec({ security: 'starttls', port: 143 })],
        pop3: [],
        smtp: [],
      },
    }
    expect(recommendedFor(lowTls, 'a@x.example').incoming).toMatchObject({ port: 143 })
  })
})
