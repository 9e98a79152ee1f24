import { describe, expect, it } from 'vitest'
import { from, probed, server } from '../../test/fake/candidates.ts'
import { rankUsable, sourceRank, standingOf } from './rank.ts'

const hostsPorts = (list: ReturnType<typeof rankUsable>) => list.map((c) => `${c.host}:${c.port}`)

describe('standingOf', () => {
  const imap = server('imap', 'mail.example.com')
  it.each([
    [imap, 'unprobed'],
    [probed(imap), 'verified'],
    [probed(imap, 'TLS_OUTDATED'), 'warning'],
    [probed(imap, 'TLS_CERT_EXPIRED'), 'cert-problem'],
    [probed(imap, 'TLS_CERT_NAME'), 'cert-problem'],
    // A published server that timed out, with nothing else to go on: kept, unchecked.
    [probed(imap, 'TCP_TIMEOUT'), 'unchecked'],
    [probed({ ...imap, source: { type: 'guess', trusted: true } }, 'TCP_TIMEOUT'), 'failed'],
    [probed(imap, 'STARTTLS_UNSUPPORTED'), 'failed'],
    [server('imap', 'mail.example.com', 'none'), 'plaintext'],
    [probed(server('imap', 'mail.example.com', 'none')), 'plaintext'],
  ] as const)('%#: %s → %s', (candidate, standing) => {
    expect(standingOf(candidate)).toBe(standing)
  })

  it('reads the status from the code when only the code is given', () => {
    expect(standingOf({ ...imap, code: 'TCP_REFUSED' })).toBe('failed')
    expect(standingOf({ ...imap, verified: true })).toBe('verified')
  })
})

describe('rankUsable', () => {
  it('puts implicit TLS above STARTTLS and never returns plaintext (RFC 8314)', () => {
    const list = [
      server('imap', 'a.example', 'none'),
      server('imap', 'a.example', 'starttls'),
      server('imap', 'a.example', 'tls'),
    ]
    expect(hostsPorts(rankUsable(list))).toEqual(['a.example:993', 'a.example:143'])
    expect(rankUsable([server('imap', 'a.example', 'none')])).toEqual([])
  })

  it('SMTP: 465 before 587, port 25 last even when it alone was verified', () => {
    const list = [
      probed(server('smtp', 'mx.example', 'starttls', { port: 25 })),
      server('smtp', 'smtp.example', 'starttls'),
      server('smtp', 'smtp.example', 'tls'),
    ]
    expect(hostsPorts(rankUsable(list))).toEqual([
      'smtp.example:465',
      'smtp.example:587',
      'mx.example:25',
    ])
  })

  it('probed: verified before warning before unprobed before a bad certificate; failed never', () => {
    const list = [
      probed(server('imap', 'cert.example'), 'TLS_CERT_SELF_SIGNED'),
      server('imap', 'unprobed.example'),
      probed(server('imap', 'old.example'), 'TLS_OUTDATED'),
      probed(server('imap', 'down.example'), 'TCP_REFUSED'),
      probed(server('imap', 'good.example', 'starttls')),
    ]
    expect(rankUsable(list).map((c) => c.host)).toEqual([
      'good.example',
      'old.example',
      'unprobed.example',
      'cert.example',
    ])
  })

  it('among verified servers, security outranks the source', () => {
    const list = [
      probed(server('imap', 'db.example', 'starttls')),
      probed(server('imap', 'guess.example', 'tls', from('guess'))),
    ]
    expect(rankUsable(list)[0]?.host).toBe('guess.example')
  })

  it('unprobed: source priority first, untrusted after trusted of the same type, then security', () => {
    const list = [
      server('imap', 'guess.example', 'tls', from('guess')),
      server('imap', 'srv.example', 'tls', from('srv')),
      server('imap', 'http-autoconfig.example', 'tls', from('autoconfig', false)),
      server('imap', 'autoconfig.example', 'starttls', from('autoconfig')),
      server('imap', 'autoconfig.example', 'tls', from('autoconfig')),
      server('imap', 'mx.example', 'tls', from('mx')),
    ]
    expect(hostsPorts(rankUsable(list))).toEqual([
      'autoconfig.example:993',
      'autoconfig.example:143',
      'http-autoconfig.example:993',
      'mx.example:993',
      'srv.example:993',
      'guess.example:993',
    ])
    expect(sourceRank({ type: 'overlay', trusted: true })).toBeLessThan(
      sourceRank({ type: 'provider-db', trusted: true }),
    )
  })

  it('keeps the input order for equal candidates and leaves the input untouched', () => {
    const list = [server('imap', 'first.example'), server('imap', 'second.example')]
    const copy = structuredClone(list)
    expect(rankUsable(list).map((c) => c.host)).toEqual(['first.example', 'second.example'])
    expect(list).toEqual(copy)
  })
})

describe('confidence of the provider data', () => {
  const base = {
    protocol: 'imap' as const,
    host: 'imap.example.com',
    username: 'a@example.com',
    source: { type: 'provider-db' as const, trusted: true },
    verified: false,
  }
  const doubtful993 = { ...base, port: 993, security: 'tls' as const, confidence: 'low' as const }
  const sure143 = { ...base, port: 143, security: 'starttls' as const, confidence: 'high' as const }

  it('unprobed, a server the data is sure of comes before one it doubts, even with weaker TLS', () => {
    expect(rankUsable([doubtful993, sure143])[0]).toBe(sure143)
  })

  it('once both are verified, the live test and RFC 8314 decide: implicit TLS first', () => {
    const a = { ...doubtful993, verified: true, status: 'ok' as const, code: null }
    const b = { ...sure143, verified: true, status: 'ok' as const, code: null }
    expect(rankUsable([b, a])[0]).toBe(a)
  })
})
