/**
 * @module
 * Servers a mail client must never be handed: when a domain's SRV records, its autoconfig or its
 * MX name `localhost`, `127.0.0.2`, a `.local` name or a private address (or a name that resolves
 * to one, as the probe found), the guard refuses them, and they are left out of the candidates
 * (so of every client answer: XML, profile, Autodiscover, guides), each with a source report.
 */
import type { TargetGuard } from '../security/target-guard.ts'
import type { SourceReport } from './sources.ts'
import type { CandidateServer } from './types.ts'

export interface LeftOut {
  kept: CandidateServer[]
  leftOut: CandidateServer[]
  reports: SourceReport[]
}

const split = (
  candidates: readonly CandidateServer[],
  why: (c: CandidateServer) => string | null,
): LeftOut => {
  const kept: CandidateServer[] = []
  const leftOut: CandidateServer[] = []
  const reports = new Map<string, SourceReport>()
  for (const candidate of candidates) {
    const reason = why(candidate)
    if (reason === null) {
      kept.push(candidate)
      continue
    }
    leftOut.push(candidate)
    if (!reports.has(candidate.host))
      reports.set(candidate.host, {
        type: candidate.source.type,
        name: candidate.host,
        status: 'error',
        servers: 0,
        code: 'TARGET_BLOCKED',
        detail: `${reason}; left out of the settings given to mail clients`,
      })
  }
  return { kept, leftOut, reports: [...reports.values()] }
}

/**
 * Before any probe: what the guard refuses without DNS.
 *
 * @example
 * leaveOutInternal([srvTo('127.0.0.2'), srvTo('imap.example.com')], guard).kept // [imap.example.com]
 */
export const leaveOutInternal = (
  candidates: readonly CandidateServer[],
  guard: Pick<TargetGuard, 'refusal'>,
): LeftOut => split(candidates, (c) => guard.refusal(c.host))

/** After the probes: a name the guard refused once resolved (it points at a private address). */
export const leaveOutBlocked = (candidates: readonly CandidateServer[]): LeftOut =>
  split(candidates, (c) =>
    c.code === 'TARGET_BLOCKED' ? `${c.host}: refused by the target guard` : null,
  )
