/**
 * @module
 * What a probe saw of a server's sign-in: the SASL mechanisms offered where a login would
 * happen, and whether a password can be used at all. A server that offers XOAUTH2 or
 * OAUTHBEARER and no password mechanism takes only sign-in through the provider's web page.
 */
import type { ProbeResult } from '../probes/result.ts'

/** SASL mechanisms that take a password (RFC 4616 PLAIN, LOGIN, CRAM-MD5, SCRAM…), POP3's USER and APOP. */
const PASSWORD = /^(?:PLAIN|LOGIN|CRAM-MD5|DIGEST-MD5|SCRAM-.+|NTLM|USER|APOP)$/i
const OAUTH = /^(?:XOAUTH2|OAUTHBEARER)$/i

export interface SignIn {
  /** The mechanisms offered where a login would happen, as the server named them. */
  auth: string[]
  /** True when only OAuth mechanisms are offered: a password typed into a client is refused. */
  oauthOnly: boolean
}

/** The capabilities in force where a login happens: after STARTTLS when it ran. */
const loginCapabilities = (r: Pick<ProbeResult, 'capabilities'>) =>
  r.capabilities.afterTls.length > 0 ? r.capabilities.afterTls : r.capabilities.beforeTls

/**
 * The sign-in a probe result shows, or null when it captured no mechanisms. For IMAP the plain
 * LOGIN command counts as a password path unless the server says LOGINDISABLED (RFC 3501).
 *
 * @example
 * signInOf({ protocol: 'smtp', auth: ['XOAUTH2', 'OAUTHBEARER'], capabilities }) // { auth: [...], oauthOnly: true }
 * signInOf({ protocol: 'imap', auth: ['XOAUTH2'], capabilities: { beforeTls: ['IMAP4rev1', 'AUTH=XOAUTH2'], afterTls: [] } })
 * // { auth: ['XOAUTH2'], oauthOnly: false } (LOGIN still works)
 */
export const signInOf = (
  r: Pick<ProbeResult, 'protocol' | 'auth' | 'capabilities'>,
): SignIn | null => {
  const caps = loginCapabilities(r)
  const auth =
    r.protocol === 'imap'
      ? caps.filter((c) => c.toUpperCase().startsWith('AUTH=')).map((c) => c.slice(5))
      : r.auth
  if (auth.length === 0) return null
  const loginCommand =
    r.protocol === 'imap' && !caps.some((c) => c.toUpperCase() === 'LOGINDISABLED')
  const password = loginCommand || auth.some((m) => PASSWORD.test(m))
  return { auth, oauthOnly: !password && auth.some((m) => OAUTH.test(m)) }
}
