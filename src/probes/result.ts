/**
 * @module
 * The probe result: what a caller, the web page and the recommendation read.
 */
import type { ErrorMessage, ProbeStatus } from '../errors/entry.ts'
import { PROBE_CODES } from '../errors/probe-codes.ts'
import { type ProbeCode, messageFor } from '../errors/table.ts'
import type { TranscriptEntry } from './line-io.ts'
import type { ProbeError } from '../errors/probe-error.ts'
import type { TlsReport } from './tls-verdict.ts'
import type { Protocol, Security } from '../model/domain.ts'

export interface ProbeTarget {
  host: string
  port: number
  protocol: Protocol
  security: Security
}

export interface ProbeTimings {
  dns: number | null
  connect: number | null
  tls: number | null
  greeting: number | null
  total: number
}

export interface ProbeResult extends ProbeTarget {
  /** The IP address used (the guard's pinned address), or null when none was reached. */
  address: string | null
  status: ProbeStatus
  /** The most important problem, or null when all is well. */
  code: ProbeCode | null
  /** Every problem found, most severe first (`code` is the first). */
  problems: ProbeCode[]
  /** Technical detail of the failure, for helpdesk staff. */
  detail: string | null
  greeting: string | null
  capabilities: { beforeTls: string[]; afterTls: string[] }
  /** SASL mechanisms offered where a login would happen (POP3 adds USER for USER/PASS). */
  auth: string[]
  tls: Omit<TlsReport, 'problems'> | null
  timings: ProbeTimings
  message: ErrorMessage
  transcript: TranscriptEntry[]
}

const SEVERITY: Record<ProbeStatus, number> = { error: 2, warning: 1, ok: 0 }

/** Orders problems most severe first, keeping their order otherwise, without duplicates. */
export const rankProblems = (problems: ProbeCode[]): ProbeCode[] =>
  [...new Set(problems)].sort(
    (a, b) => SEVERITY[PROBE_CODES[b].status] - SEVERITY[PROBE_CODES[a].status],
  )

export const statusOf = (problems: ProbeCode[]): ProbeStatus =>
  problems.reduce<ProbeStatus>(
    (worst, code) =>
      SEVERITY[PROBE_CODES[code].status] > SEVERITY[worst] ? PROBE_CODES[code].status : worst,
    'ok',
  )

export const describeOutcome = (problems: ProbeCode[]) => {
  const ranked = rankProblems(problems)
  const code = ranked[0] ?? null
  return { status: statusOf(ranked), code, problems: ranked, message: messageFor(code) }
}

/** The result for a probe that never connected, e.g. because the host's DNS lookup failed. */
export const unreachedResult = (
  target: ProbeTarget,
  error: ProbeError,
  dnsMs: number | null,
): ProbeResult => ({
  ...target,
  address: null,
  ...describeOutcome([error.code]),
  detail: error.detail ?? null,
  greeting: null,
  capabilities: { beforeTls: [], afterTls: [] },
  auth: [],
  tls: null,
  timings: { dns: dnsMs, connect: null, tls: null, greeting: null, total: dnsMs ?? 0 },
  transcript: [],
})
