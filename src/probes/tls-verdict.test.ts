import { describe, expect, it } from 'vitest'
import type { TlsSession } from './socket.ts'
import { daysLeft, judgeTls } from './tls-verdict.ts'

const NOW = new Date('2026-06-01T00:00:00Z')
const session = (
  over: Partial<TlsSession> = {},
  cert: Partial<NonNullable<TlsSession['certificate']>> = {},
): TlsSession => ({
  protocol: 'TLSv1.3',
  cipher: 'TLS_AES_256_GCM_SHA384',
  chainTrusted: true,
  chainError: null,
  hostnameMatch: true,
  certificate: {
    subject: 'imap.example.com',
    names: ['imap.example.com'],
    issuer: 'Example CA',
    validFrom: '2026-01-01T00:00:00.000Z',
    validTo: '2026-07-01T12:00:00.000Z',
    fingerprint256: 'AA:BB',
    selfSigned: false,
    ...cert,
  },
  ...over,
})

describe('daysLeft', () => {
  const DAY = 24 * 60 * 60 * 1000
  const now = Date.parse('2026-06-01T12:00:00Z')
  it('counts whole days left, and whole days passed, towards zero', () => {
    expect(daysLeft(now + 30.7 * DAY, now)).toBe(30)
    expect(daysLeft(now - 2160.3 * DAY, now)).toBe(-2160)
    expect(daysLeft(now - 1 * DAY, now)).toBe(-1)
    expect(daysLeft(now - 0.4 * DAY, now)).toBe(0)
    expect(Object.is(daysLeft(now - 0.4 * DAY, now), -0)).toBe(false)
    expect(daysLeft(Number.NaN, now)).toBe(0)
  })
})

describe('judgeTls', () => {
  it('a good certificate has no problems and counts the days left', () => {
    const report = judgeTls(session(), NOW)
    expect(report.problems).toEqual([])
    expect(report.trusted).toBe(true)
    expect(report.certificate?.daysLeft).toBe(30)
  })

  it('an expired certificate is TLS_CERT_EXPIRED with negative days left', () => {
    const report = judgeTls(
      session(
        { chainTrusted: false, chainError: 'CERT_HAS_EXPIRED' },
        { validTo: '2026-05-01T00:00:00Z' },
      ),
      NOW,
    )
    expect(report.problems).toEqual(['TLS_CERT_EXPIRED'])
    expect(report.certificate?.daysLeft).toBe(-31)
    expect(report.trusted).toBe(false)
  })

  it('a self-signed certificate for another name reports both, self-signed first', () => {
    const report = judgeTls(
      session(
        { chainTrusted: false, chainError: 'DEPTH_ZERO_SELF_SIGNED_CERT', hostnameMatch: false },
        { selfSigned: true },
      ),
      NOW,
    )
    expect(report.problems).toEqual(['TLS_CERT_SELF_SIGNED', 'TLS_CERT_NAME'])
  })

  it('an expired self-signed certificate is reported as expired too (OpenSSL names one error only)', () => {
    const report = judgeTls(
      session(
        { chainTrusted: false, chainError: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
        { selfSigned: true, validTo: '2025-01-01T00:00:00Z' },
      ),
      NOW,
    )
    expect(report.problems).toEqual(['TLS_CERT_EXPIRED', 'TLS_CERT_SELF_SIGNED'])
  })

  it('an unknown issuer is TLS_CERT_UNTRUSTED; an old protocol is a warning that keeps it trusted', () => {
    expect(
      judgeTls(session({ chainTrusted: false, chainError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }), NOW)
        .problems,
    ).toEqual(['TLS_CERT_UNTRUSTED'])
    const old = judgeTls(session({ protocol: 'TLSv1' }), NOW)
    expect(old.problems).toEqual(['TLS_OUTDATED'])
    expect(old.trusted).toBe(true)
  })
})
