/**
 * @module
 * The probe code for an error a mail library passes through from the socket or TLS layer
 * (Node's `code`: ECONNREFUSED, CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID, …), so that a
 * login test names a network or certificate failure exactly as a probe would.
 */
import type { ProbeCode } from '../errors/table.ts'
import { CONNECT_ERRORS } from '../probes/connect-errors.ts'
import { chainProblem } from '../probes/tls-verdict.ts'

const NETWORK: Record<string, ProbeCode> = {
  ...CONNECT_ERRORS,
  ECONNRESET: 'CONNECTION_CLOSED',
  EPIPE: 'CONNECTION_CLOSED',
  ENOTFOUND: 'DNS_NXDOMAIN',
}

/** OpenSSL's chain errors, as Node names them on a rejected handshake. */
const CHAIN =
  /^(CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(VERIFY|GET)_|INVALID_CA|HOSTNAME_MISMATCH)/

/**
 * @example
 * probeCodeOf('CERT_HAS_EXPIRED') // 'TLS_CERT_EXPIRED'
 * probeCodeOf('ERR_TLS_CERT_ALTNAME_INVALID') // 'TLS_CERT_NAME'
 */
export const probeCodeOf = (code: string | undefined): ProbeCode | null => {
  if (!code) return null
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') {
    return 'TLS_CERT_NAME'
  }
  if (CHAIN.test(code)) return chainProblem(code)
  if (code.startsWith('ERR_SSL_') || code === 'EPROTO' || code.startsWith('ERR_TLS_')) {
    return 'TLS_HANDSHAKE'
  }
  return NETWORK[code] ?? null
}

/** Reads a string property of an unknown error value. */
export const field = (err: unknown, name: string): string | undefined => {
  if (typeof err !== 'object' || err === null) return undefined
  const value = (err as Record<string, unknown>)[name]
  return typeof value === 'string' ? value : undefined
}
