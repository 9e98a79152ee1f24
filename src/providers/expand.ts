/**
 * @module
 * Pure expansion of a provider's server templates for one address, and the choice of the
 * recommended server (TLS first, never plaintext).
 */
import { normalizeDomain } from './domain.ts'
import type { Protocol, Provider, Security, ServerSpec } from './schema.ts'

/** A server ready to show a user: placeholders replaced for one address. */
export interface ExpandedServer {
  protocol: Protocol
  host: string
  port: number
  security: Security
  username: string
  source: string
}

/** Splits an address at its last '@'; the domain is normalised (IDN → punycode). */
export const splitEmail = (email: string): { localPart: string; domain: string } => {
  const at = email.lastIndexOf('@')
  return { localPart: email.slice(0, at).trim(), domain: normalizeDomain(email.slice(at + 1)) }
}

/**
 * Replaces %EMAILADDRESS%, %EMAILLOCALPART% and %EMAILDOMAIN% for one address.
 * @example
 * expandPlaceholders('%EMAILLOCALPART%', 'ann@126.com') // 'ann'
 */
export const expandPlaceholders = (template: string, email: string): string => {
  const { localPart, domain } = splitEmail(email)
  return fill(template, `${localPart}@${domain}`, localPart, domain)
}

const fill = (template: string, email: string, localPart: string, domain: string) =>
  template
    .replaceAll('%EMAILADDRESS%', email)
    .replaceAll('%EMAILLOCALPART%', localPart)
    .replaceAll('%EMAILDOMAIN%', domain)

/**
 * Expands %EMAILADDRESS%, %EMAILLOCALPART% and %EMAILDOMAIN% in a server's host and username.
 * Pure: returns a new spec, the input is untouched.
 *
 * @example
 * expandServer({ host: 'imap.%EMAILDOMAIN%', port: 993, security: 'tls',
 *   username: '%EMAILLOCALPART%', auth: ['password'] }, 'ann@126.com')
 * // { host: 'imap.126.com', port: 993, security: 'tls', username: 'ann', auth: ['password'] }
 */
export const expandServer = (spec: ServerSpec, email: string): ServerSpec => {
  const { localPart, domain } = splitEmail(email)
  const address = `${localPart}@${domain}`
  return {
    ...spec,
    host: fill(spec.host, address, localPart, domain),
    username: fill(spec.username, address, localPart, domain),
  }
}

/** One server in the lookup answer's shape, expanded for `email`. */
export const toExpandedServer = (
  protocol: Protocol,
  spec: ServerSpec,
  email: string,
  source = 'provider-db',
): ExpandedServer => {
  const { host, port, security, username } = expandServer(spec, email)
  return { protocol, host, port, security, username, source }
}

/** All of a provider's servers for one address, incoming (IMAP, then POP3) and outgoing. */
export const serversFor = (
  provider: Pick<Provider, 'servers'>,
  email: string,
): { incoming: ExpandedServer[]; outgoing: ExpandedServer[] } => ({
  incoming: [
    ...provider.servers.imap.map((s) => toExpandedServer('imap', s, email)),
    ...provider.servers.pop3.map((s) => toExpandedServer('pop3', s, email)),
  ],
  outgoing: provider.servers.smtp.map((s) => toExpandedServer('smtp', s, email)),
})

const SECURITY_RANK: Record<Security, number> = { tls: 0, starttls: 1, none: 9 }
const CONFIDENCE_RANK = { high: 0, medium: 0, low: 1, none: 2 } as const

const rank = (s: ServerSpec, protocol: Protocol) =>
  (CONFIDENCE_RANK[s.confidence ?? 'high'] * 10 + SECURITY_RANK[s.security]) * 10 +
  (protocol === 'pop3' ? 1 : 0)

/**
 * The server to recommend per direction: encrypted only (implicit TLS before STARTTLS), IMAP
 * before POP3, well-sourced before low-confidence; `null` when nothing safe is known.
 */
export const recommendedFor = (
  provider: Pick<Provider, 'servers'>,
  email: string,
): { incoming: ExpandedServer | null; outgoing: ExpandedServer | null } => {
  const pick = (candidates: [Protocol, ServerSpec][]) => {
    const safe = candidates
      .filter(([, s]) => s.security !== 'none')
      .map((entry, i) => ({ entry, key: rank(entry[1], entry[0]) * 1000 + i }))
      .sort((a, b) => a.key - b.key)
    const best = safe[0]?.entry
    return best ? toExpandedServer(best[0], best[1], email) : null
  }
  return {
    incoming: pick([
      ...provider.servers.imap.map((s): [Protocol, ServerSpec] => ['imap', s]),
      ...provider.servers.pop3.map((s): [Protocol, ServerSpec] => ['pop3', s]),
    ]),
    outgoing: pick(provider.servers.smtp.map((s): [Protocol, ServerSpec] => ['smtp', s])),
  }
}
