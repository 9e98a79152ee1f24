/**
 * @module
 * Judges a TLS session: which certificate problems it has, in the order a user should fix them.
 * Pure: the adapter reports what it saw, this file decides what it means.
 */
import type { ProbeCode } from '../errors/table.ts'
import type { TlsSession } from './socket.ts'

export interface TlsReport {
  protocol: string | null
  cipher: string | null
  /** Chain verified, dates valid and name matching: a mail client would connect without a warning. */
  trusted: boolean
  hostnameMatch: boolean
  /** Every problem found, most important first; the probe's code is the first. */
  problems: ProbeCode[]
  certificate: {
    subject: string
    names: string[]
    issuer: string
    validFrom: string
    validTo: string
    daysLeft: number
    fingerprint256: string
    selfSigned: boolean
  } | null
  /** Why the certificate is null although TLS worked (the runtime shows none). */
  note?: string
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Whole days until `validTo`, counted towards zero: 30.7 days left is 30, and 2160.3 days past
 * is −2160 (flooring would say −2161, a day more than has passed). `|| 0` turns −0 into 0.
 */
export const daysLeft = (validTo: number, now: number): number =>
  Number.isNaN(validTo) ? 0 : Math.trunc((validTo - now) / DAY_MS) || 0

const PRIORITY: ProbeCode[] = [
  'TLS_CERT_EXPIRED',
  'TLS_CERT_NOT_YET_VALID',
  'TLS_CERT_SELF_SIGNED',
  'TLS_CERT_UNTRUSTED',
  'TLS_CERT_NAME',
  'TLS_OUTDATED',
]

/** The code for an OpenSSL chain error (Node’s `authorizationError`, a TLS error’s `code`). */
export const chainProblem = (chainError: string): ProbeCode => {
  if (chainError === 'CERT_HAS_EXPIRED') return 'TLS_CERT_EXPIRED'
  if (chainError === 'CERT_NOT_YET_VALID') return 'TLS_CERT_NOT_YET_VALID'
  if (chainError === 'DEPTH_ZERO_SELF_SIGNED_CERT' || chainError === 'SELF_SIGNED_CERT_IN_CHAIN') {
    return 'TLS_CERT_SELF_SIGNED'
  }
  return 'TLS_CERT_UNTRUSTED'
}

export const judgeTls = (session: TlsSession, now: Date = new Date()): TlsReport => {
  const found = new Set<ProbeCode>()
  const cert = session.certificate
  if (!session.chainTrusted) found.add(chainProblem(session.chainError ?? ''))
  if (cert?.selfSigned && !session.chainTrusted) found.add('TLS_CERT_SELF_SIGNED')
  // OpenSSL reports one chain error; a self-signed or untrusted certificate can also be expired.
  const validTo = cert ? Date.parse(cert.validTo) : NaN
  const validFrom = cert ? Date.parse(cert.validFrom) : NaN
  if (validTo < now.getTime()) found.add('TLS_CERT_EXPIRED')
  if (validFrom > now.getTime()) found.add('TLS_CERT_NOT_YET_VALID')
  if (!session.hostnameMatch) found.add('TLS_CERT_NAME')
  if (session.protocol === 'TLSv1' || session.protocol === 'TLSv1.1') found.add('TLS_OUTDATED')
  const problems = PRIORITY.filter((code) => found.has(code))
  return {
    protocol: session.protocol,
    cipher: session.cipher,
    trusted: problems.every((code) => code === 'TLS_OUTDATED'),
    hostnameMatch: session.hostnameMatch,
    problems,
    certificate: cert
      ? {
          ...cert,
          daysLeft: daysLeft(validTo, now.getTime()),
        }
      : null,
    ...(session.note ? { note: session.note } : {}),
  }
}
