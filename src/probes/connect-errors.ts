/**
 * @module
 * The probe code for a system error of a TCP connect (Node's `code`), shared by the probe's
 * socket adapter and the login test's libraries, which pass the same errors through.
 */
import type { ProbeCode } from '../errors/table.ts'

export const CONNECT_ERRORS: Readonly<Record<string, ProbeCode>> = {
  ECONNREFUSED: 'TCP_REFUSED',
  EHOSTUNREACH: 'TCP_UNREACHABLE',
  ENETUNREACH: 'TCP_UNREACHABLE',
  EHOSTDOWN: 'TCP_UNREACHABLE',
  EADDRNOTAVAIL: 'TCP_UNREACHABLE',
  ETIMEDOUT: 'TCP_TIMEOUT',
}
