/**
 * @module
 * Candidate bookkeeping shared by the discovery steps: the key that names one server, the merge
 * that keeps the best-ranked copy of each, and marking a candidate with its probe's outcome.
 */
import type { ProbeResult } from '../probes/result.ts'
import { signInOf } from './sign-in.ts'
import { type CandidateServer, SOURCE_TYPES } from './types.ts'

const rank = (c: CandidateServer) =>
  SOURCE_TYPES.indexOf(c.source.type) * 2 + (c.source.trusted ? 0 : 1)

/**
 * One server: protocol, host, port and security.
 * @example
 * keyOf({ protocol: 'imap', host: 'imap.example.com', port: 993, security: 'tls' }) // 'imap|imap.example.com|993|tls'
 */
export const keyOf = (c: { protocol: string; host: string; port: number; security: string }) =>
  `${c.protocol}|${c.host}|${c.port}|${c.security}`

/** Keeps the best-ranked copy of each server, best first (a stable sort keeps source order). */
export const mergeCandidates = (lists: CandidateServer[][]): CandidateServer[] => {
  const best = new Map<string, CandidateServer>()
  for (const c of lists.flat().sort((a, b) => rank(a) - rank(b)))
    if (!best.has(keyOf(c))) best.set(keyOf(c), c)
  return [...best.values()]
}

/**
 * The candidate marked with its probe's outcome and the sign-in it saw (unchanged when it was
 * not probed).
 */
export const withProbe = (c: CandidateServer, result: ProbeResult | undefined): CandidateServer => {
  if (!result) return c
  const signIn = signInOf(result)
  return {
    ...c,
    verified: result.status !== 'error',
    status: result.status,
    code: result.code,
    ...(signIn ? { auth: signIn.auth, ...(signIn.oauthOnly ? { oauthOnly: true } : {}) } : {}),
  }
}
