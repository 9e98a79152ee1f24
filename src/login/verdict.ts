/**
 * @module
 * The verdict a stored report keeps of a login test: per server, ok or the code, the username
 * form and the time. Built from the results, so nothing else (no reply, no transcript) is kept.
 */
import type { LoginVerdict, ServerVerdict } from '../diagnose/login-verdict.ts'
import type { LoginResult } from './run.ts'

const serverVerdict = (result: LoginResult | null): ServerVerdict | null =>
  result && {
    server: { ...result.server },
    status: result.status,
    code: result.code,
    username: result.username,
  }

/**
 * @example
 * toVerdict({ incoming, outgoing: null }, new Date()) // { testedAt, incoming: { status: 'ok', … }, outgoing: null }
 */
export const toVerdict = (
  results: { incoming: LoginResult | null; outgoing: LoginResult | null },
  at: Date,
): LoginVerdict => ({
  testedAt: at.toISOString(),
  incoming: serverVerdict(results.incoming),
  outgoing: serverVerdict(results.outgoing),
})
