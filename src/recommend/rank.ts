/**
 * @module
 * How good a candidate is and which one to prefer: verified before unverified, implicit TLS
 * before STARTTLS (RFC 8314), trusted sources before untrusted, never plaintext, never a
 * failed probe, a bad certificate only as the last working choice.
 */
import { SOURCE_TYPES, type CandidateServer, type ServerSource } from '../discovery/types.ts'
import type { ProbeStatus } from '../errors/entry.ts'
import { PROBE_CODES } from '../errors/probe-codes.ts'
import type { ProbeCode } from '../errors/table.ts'

/**
 * - `verified`: a probe succeeded with no problem.
 * - `warning`: a probe succeeded with a warning-status problem (e.g. TLS_OUTDATED).
 * - `unprobed`: no probe result (probes did not run, or not yet for this server).
 * - `unchecked`: a server the operator, the provider database or the domain's autoconfig names,
 *   whose probe failed for a reason that is no evidence against it (see UNCHECKED_CODES); kept.
 * - `cert-problem`: the server answers, but its certificate is bad (TLS_CERT_*).
 * - `failed`: the probe failed with an error; never recommended.
 * - `plaintext`: no encryption; never recommended.
 */
export type Standing =
  'verified' | 'warning' | 'unprobed' | 'unchecked' | 'cert-problem' | 'failed' | 'plaintext'

/**
 * Failures that say nothing about the server itself: its name could not be looked up from here,
 * nothing came back through the network in between, or this service refused the target. Only
 * what the server does (refuses, answers another protocol, a bad certificate, no STARTTLS, a
 * 4xx/5xx reply, silence after connecting) demotes a published server.
 */
export const UNCHECKED_CODES: ReadonlySet<ProbeCode> = new Set<ProbeCode>([
  'DNS_NXDOMAIN',
  'DNS_NO_ADDRESS',
  'DNS_TIMEOUT',
  'DNS_ERROR',
  'TARGET_BLOCKED',
  'TCP_TIMEOUT',
  'TCP_UNREACHABLE',
  // Workers: refused and unreachable look the same there, so it cannot demote a published server.
  'CONNECT_FAILED',
  'PORT_BLOCKED_BY_RUNTIME',
  'TIME_BUDGET_EXCEEDED',
  'PROBE_FAILED',
])

/** Sources that publish a domain's settings (as opposed to finding or guessing them). */
const PUBLISHED: ReadonlySet<ServerSource['type']> = new Set([
  'overlay',
  'provider-db',
  'autoconfig',
])

/** True for a server its domain's publisher names. */
export const isPublished = (c: CandidateServer): boolean => PUBLISHED.has(c.source.type)

/** What the other probes of a diagnosis tell about one failure. */
export interface ProbeContext {
  /** The code every probe failed with, on more than one server; else null. */
  alike: ProbeCode | null
  /** Hosts that answered some probe: a timeout on another of their ports is their own filter. */
  reached: ReadonlySet<string>
}

export const NO_CONTEXT: ProbeContext = { alike: null, reached: new Set() }

/**
 * The context of a set of probed candidates. Every probe on several servers failing alike (a
 * firewall on this service's side refusing every mail port looks like that) is no evidence
 * against any of them.
 *
 * @example
 * probeContext(candidates).alike // 'TCP_REFUSED' when every probe of every server was refused
 */
export const probeContext = (candidates: readonly CandidateServer[]): ProbeContext => {
  const probed = candidates.filter((c) => c.status !== undefined || c.code)
  const reached = new Set(
    probed.filter((c) => !c.code || !UNCHECKED_CODES.has(c.code)).map((c) => c.host),
  )
  const first = probed[0]?.code
  const hosts = new Set(probed.map((c) => c.host))
  const alike =
    first &&
    hosts.size > 1 &&
    !isCertProblem(first) &&
    probed.every((c) => c.status === 'error' && c.code === first)
      ? first
      : null
  return { alike, reached: alike ? new Set() : reached }
}

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
export const standingOf = (c: CandidateServer, context: ProbeContext = NO_CONTEXT): Standing => {
  if (c.security === 'none') return 'plaintext'
  if (isCertProblem(c.code)) return 'cert-problem'
  const status = statusOf(c)
  if (status === 'error') {
    const noEvidence =
      c.code === context.alike ||
      (c.code && UNCHECKED_CODES.has(c.code) && !context.reached.has(c.host))
    return noEvidence && isPublished(c) ? 'unchecked' : 'failed'
  }
  if (status === 'warning') return 'warning'
  if (status === 'ok') return 'verified'
  return 'unprobed'
}

const TIER: Record<Standing, number> = {
  verified: 0,
  warning: 1,
  unprobed: 2,
  unchecked: 2,
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

const keyOf = (
  c: CandidateServer,
  index: number,
  context: ProbeContext,
  region?: Region,
): number[] => {
  const tier = TIER[standingOf(c, context)]
  // A host the provider meant for the other region is its alternative, not its first choice.
  const elsewhere = region && c.region && c.region !== region ? 1 : 0
  const security = SECURITY_RANK[c.security]
  const source = sourceRank(c.source)
  // A live test outweighs where a server came from; without one, the source's word counts
  // first (a curated database entry beats a guess, a well-sourced server one the data is
  // unsure of), then the encryption it claims.
  const doubtful = c.confidence === 'low' || c.confidence === 'none' ? 1 : 0
  const order = tier === TIER.unprobed ? [source, doubtful, security] : [security, source]
  return [
    tier === TIER['cert-problem'] ? 1 : 0,
    isLastResort(c) ? 1 : 0,
    tier,
    elsewhere,
    ...order,
    index,
  ]
}

const compareKeys = (a: number[], b: number[]): number => {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/** Where the user reads mail: mainland China, or elsewhere. */
export type Region = NonNullable<CandidateServer['region']>

/**
 * The candidates that may be recommended, best first; plaintext and failed ones are left out.
 * With the user's `region`, a host meant for the other region ranks after those of the same
 * standing meant for theirs (or for everywhere).
 *
 * @example
 * rankUsable([smtp587, smtp465])[0] // smtp465 (implicit TLS before STARTTLS)
 * rankUsable([exmailCn, exmailIntl], NO_CONTEXT, 'intl')[0] // exmailIntl (hwimap.exmail.qq.com)
 */
export const rankUsable = (
  candidates: readonly CandidateServer[],
  context: ProbeContext = NO_CONTEXT,
  region?: Region,
): CandidateServer[] =>
  candidates
    .map((c, i) => ({ c, key: keyOf(c, i, context, region), standing: standingOf(c, context) }))
    .filter((x) => x.standing !== 'failed' && x.standing !== 'plaintext')
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((x) => x.c)
