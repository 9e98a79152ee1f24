/**
 * @module
 * Candidate builders for the recommendation tests (test-only).
 */
import type { CandidateServer, ServerSource } from '../../src/discovery/types.ts'
import type { ProbeCode } from '../../src/errors/table.ts'
import { PROBE_CODES } from '../../src/errors/probe-codes.ts'
import { providerCandidates } from '../../src/discovery/sources.ts'
import type { Provider } from '../../src/providers/schema.ts'

const DEFAULT_PORTS = {
  imap: { tls: 993, starttls: 143, none: 143 },
  pop3: { tls: 995, starttls: 110, none: 110 },
  smtp: { tls: 465, starttls: 587, none: 25 },
} as const

/** An unprobed candidate from the provider database; `over` changes any field. */
export const server = (
  protocol: CandidateServer['protocol'],
  host: string,
  security: CandidateServer['security'] = 'tls',
  over: Partial<CandidateServer> = {},
): CandidateServer => ({
  protocol,
  host,
  port: DEFAULT_PORTS[protocol][security],
  security,
  username: 'ann@example.com',
  source: { type: 'provider-db', trusted: true },
  verified: false,
  ...over,
})

/** The candidate as a probe left it: ok, or with `code` and that code's default status. */
export const probed = (c: CandidateServer, code: ProbeCode | null = null): CandidateServer => {
  const status = code ? PROBE_CODES[code].status : 'ok'
  return { ...c, status, code, verified: status !== 'error' }
}

export const from = (type: ServerSource['type'], trusted = true): { source: ServerSource } => ({
  source: { type, trusted },
})

/** A provider's servers for one address, as unprobed provider-db candidates. */
export const candidatesOf = (
  provider: Pick<Provider, 'id' | 'servers'>,
  email: string,
): CandidateServer[] =>
  providerCandidates(provider, email, { type: 'provider-db', url: provider.id, trusted: true })
