/**
 * @module
 * Which servers a login test tries, with which first username and whose provider words: the
 * servers the request names, else the recommended ones of a stored report or of a fresh
 * discovery (the report's recommendation, so the test proves what the guides tell people to type).
 */
import type { Report } from '../diagnose/report.ts'
import type { Provider, ProviderIndex } from '../providers/index.ts'
import { splitEmail } from '../providers/index.ts'
import type { LoginServer } from './types.ts'

export type LoginRoleName = 'incoming' | 'outgoing'

export interface PlannedServer {
  server: LoginServer
  /** The username discovery found for this server (the first form tried without `username`). */
  discovered?: string
  /** The request field that named the server, for an error about it. */
  field: string
}

export interface LoginPlan {
  incoming: PlannedServer | null
  outgoing: PlannedServer | null
  provider: Provider | null
}

/** The request's own servers (either may be left out: only those given are tested). */
export const planFromRequest = async (
  req: {
    email: string
    incoming?: {
      protocol: 'imap' | 'pop3'
      host: string
      port: number
      security: LoginServer['security']
    }
    outgoing?: { host: string; port: number; security: LoginServer['security'] }
  },
  providers: ProviderIndex,
): Promise<LoginPlan> => {
  const incoming = req.incoming ? { server: { ...req.incoming }, field: 'incoming' } : null
  const outgoing = req.outgoing
    ? { server: { protocol: 'smtp' as const, ...req.outgoing }, field: 'outgoing' }
    : null
  const host = req.incoming?.host ?? req.outgoing?.host ?? ''
  const provider =
    providers.byDomain(splitEmail(req.email).domain) ??
    (host ? await providers.byMx(host) : undefined)
  return { incoming, outgoing, provider: provider ?? null }
}

/** The recommended servers of a report (stored, or just made by a discovery). */
export const planFromReport = (
  report: Pick<Report, 'recommended' | 'provider'>,
  providers: ProviderIndex,
): LoginPlan => {
  const planned = (server: Report['recommended']['incoming']): PlannedServer | null =>
    server
      ? {
          server: {
            protocol: server.protocol,
            host: server.host,
            port: server.port,
            security: server.security,
          },
          discovered: server.username,
          field: 'allowPlaintext',
        }
      : null
  return {
    incoming: planned(report.recommended.incoming),
    outgoing: planned(report.recommended.outgoing),
    provider: report.provider ? (providers.get(report.provider.id) ?? null) : null,
  }
}

/** The planned servers by role, those present only. */
export const plannedServers = (plan: LoginPlan) =>
  (['incoming', 'outgoing'] as const).flatMap((role) => {
    const planned = plan[role]
    return planned ? [{ role, ...planned }] : []
  })
