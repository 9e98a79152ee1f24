/**
 * @module
 * How good a candidate is and which one to prefer: verified before unverified, implicit TLS
 * before STARTTLS (RFC 8314), trusted sources before untrusted, never plaintext, never a
 * failed probe, a bad certificate only as the last working choice.
 */
import { SOURCE_TYPES, type CandidateServer, type ServerSource } from '../discovery/types.ts'
import type { ProbeStatus } from '../errors/entry.ts'
import { PROBE_CODES } from '../errors/probe-codes.ts'

/**
 * - `verified`: a probe succeeded with no problem.
 * - `warning`: a probe succeeded with a warning-status problem (e.g. TLS_OUTDATED).
 * - `unprobed`: no probe result (probes did not run, or not yet for this server).
 * - `cert-problem`: the server answers, but its certificate is bad (TLS_CERT_*).
 * - `failed`: the probe failed with an error; never recommended.
 * - `plaintext`: no encryption; never recommended.
 */
export type Standing = 'verified' | 'warning' | 'unprobed' | 'cert-problem' | 'failed' | 'plaintext'

/** True for a TLS_CERT_* probe code. */
export const isCertProblem = (code: CandidateServer['code']): boolean =>
  code?.startsWith('TLS_CERT_') ?? false

const statusOf = (c: CandidateServer): ProbeStatus | undefined =>
  c.status ?? (c.code ? PROBE_CODES[c.code].status : c.verified ? 'ok' : undefined)

/**
 * The standing of one candidate.
 *
 * @example
 * standingOf({ ...imap993, status: 'error', code: 'TLS_CERT_EXPIRED' }) // 'cert-problem'
 */
export const standingOf = (c: CandidateServer): Standing => {
  if (c.security === 'none') return 'plaintext'
  if (isCertProblem(c.code)) return 'cert-problem'
  const status = statusOf(c)
  if (status === 'error') return 'failed'
  if (status === 'warning') return 'warning'
  if (status === 'ok') return 'verified'
  return 'unprobed'
}

const TIER: Record<Standing, number> = {
  verified: 0,
  warning: 1,
  unprobed: 2,
  'cert-problem': 3,
  failed: 9,
  plaintext: 9,
}
const SECURITY_RANK = { tls: 0, starttls: 1, none: 2 } as const

/** Position in SOURCE_TYPES, an untrusted (http) source just after a trusted one of its type. */
export const sourceRank = (s: ServerSource): number =>
  SOURCE_TYPES.indexOf(s.type) * 2 + (s.trusted ? 0 : 1)

/** SMTP on port 25 is for server-to-server relay and often blocked by ISPs. */
export const isLastResort = (c: CandidateServer): boolean => c.protocol === 'smtp' && c.port === 25

const keyOf = (c: CandidateServer, index: number): number[] => {
  const tier = TIER[standingOf(c)]
  const security = SECURITY_RANK[c.security]
  const source = sourceRank(c.source)
  // A live test outweighs where a server came from; without one, the source's word counts
  // first (a curated database entry beats a guess, a well-sourced server one the data is
  // unsure of), then the encryption it claims.
  const doubtful = c.confidence === 'low' || c.confidence === 'none' ? 1 : 0
  const order = tier === TIER.unprobed ? [source, doubtful, security] : [security, source]
  return [tier === TIER['cert-problem'] ? 1 : 0, isLastResort(c) ? 1 : 0, tier, ...order, index]
}

const compareKeys = (a: number[], b: number[]): number => {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/**
 * The candidates that may be recommended, best first; plaintext and failed ones are left out.
 *
 * @example
 * rankUsable([smtp587, smtp465])[0] // smtp465 (implicit TLS before STARTTLS)
 */
export const rankUsable = (candidates: readonly CandidateServer[]): CandidateServer[] =>
  candidates
    .map((c, i) => ({ c, key: keyOf(c, i), standing: standingOf(c) }))
    .filter((x) => x.standing !== 'failed' && x.standing !== 'plaintext')
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((x) => x.c)
