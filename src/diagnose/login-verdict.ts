/**
 * @module
 * What a stored report keeps of a login test: per server whether the login worked (or its
 * code), the username form that worked, and when. Never the password, never the username.
 */
import type { LoginResultCode } from '../errors/table.ts'
import type { Protocol, Security, UsernameForm } from '../model/domain.ts'

export interface ServerVerdict {
  server: { protocol: Protocol; host: string; port: number; security: Security }
  status: 'ok' | 'error'
  code: LoginResultCode | null
  /** The username form that worked, or the one tried last. */
  username: UsernameForm
}

export interface LoginVerdict {
  /** ISO time of the test. */
  testedAt: string
  incoming: ServerVerdict | null
  outgoing: ServerVerdict | null
}
