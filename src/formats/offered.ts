/**
 * @module
 * Which servers a machine format may offer: secure ones first, plaintext only for a protocol
 * where nothing secure is known, duplicates dropped.
 */
import type { CandidateServer } from '../discovery/types.ts'
import type { AccountSettings } from '../diagnose/account-settings.ts'

const keyOf = (s: CandidateServer) => `${s.protocol} ${s.host} ${s.port} ${s.security}`

/**
 * Filters one list (order kept otherwise): drops plaintext servers of a protocol that has a
 * secure one, and moves any remaining plaintext server behind all secure ones.
 *
 * @example
 * offerable([plain143, tls993]) // [tls993]
 */
export const offerable = (servers: readonly CandidateServer[]): CandidateServer[] => {
  const seen = new Set<string>()
  const unique = servers.filter((s) => {
    const key = keyOf(s)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  const secure = new Set(unique.filter((s) => s.security !== 'none').map((s) => s.protocol))
  const kept = unique.filter((s) => s.security !== 'none' || !secure.has(s.protocol))
  return [
    ...kept.filter((s) => s.security !== 'none'),
    ...kept.filter((s) => s.security === 'none'),
  ]
}

/** The servers of some settings a format may offer, per direction. */
export const offeredServers = (
  settings: Pick<AccountSettings, 'incoming' | 'outgoing'>,
): { incoming: CandidateServer[]; outgoing: CandidateServer[] } => ({
  incoming: offerable(settings.incoming),
  outgoing: offerable(settings.outgoing),
})
