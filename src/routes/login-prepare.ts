/**
 * @module
 * What POST /api/v1/login-test checks before any password leaves the service: which servers to
 * test (the request's, a stored report's, or a fresh discovery's recommended ones), and the
 * refusals that come first (an account ID that was not sent, no settings, plaintext, the target
 * guard, the failure limit, the socket budget). A refusal is data, so the route can answer it as
 * a 4xx or, once a stream has begun, as an `error` event.
 */
import type { Context } from 'hono'
import type * as z from 'zod'
import { type SavedReport, savedReport } from '../diagnose/saved-report.ts'
import type { ApiCode } from '../errors/table.ts'
import { type FailureLimit, failureKey } from '../login/failure-limit.ts'
import { type LoginPlan, planFromReport, planFromRequest, plannedServers } from '../login/plan.ts'
import type { LoginRunDeps } from '../login/run.ts'
import type { LoginTestRequest } from '../openapi/requests.ts'
import { lookupHost } from '../probes/host-probes.ts'
import { type Provider, providerName } from '../providers/index.ts'
import type { CostMeter } from '../security/costs.ts'
import type { SocketBudget } from '../security/socket-budget.ts'
import type { ReportStorage } from '../diagnose/saved-report.ts'
import type { AppEnv } from './app-env.ts'

export type LoginRequest = z.infer<typeof LoginTestRequest>

/** A refusal of the whole request: an API error, with Retry-After for a 429. */
export interface Refusal {
  code: ApiCode
  message?: string
  field?: string
  retryAfter?: number
}

export type Lookups = Map<string, Awaited<ReturnType<typeof lookupHost>>>

/** A test that may go ahead: its servers, the guard's answers, its sockets and its places in the failure count held. */
export interface Ready {
  plan: LoginPlan
  lookups: Lookups
  release: () => void
  /** Gives back the failure-count place of a server whose login did not fail. */
  forgive: (server: { host: string; port: number }) => Promise<void>
}

export interface PrepareDeps {
  storage: ReportStorage
  failures: FailureLimit
  costs: CostMeter
  budget: SocketBudget
}

/** True when the request names no servers and no report: its servers come from a discovery. */
export const needsDiscovery = (req: LoginRequest) => !(req.incoming || req.outgoing || req.reportId)

/** The account the failure limit counts: the username given, else the address. */
export const accountOf = (req: LoginRequest) => req.username ?? req.email

/**
 * A provider whose login is an ID it issues (docomo's d ACCOUNT ID) needs the request's
 * `username`: trying the address would only be a failed login counted against the account.
 */
export const accountIdRefusal = (
  provider: Provider | null | undefined,
  req: LoginRequest,
): Refusal | null =>
  provider?.accountId && !req.username
    ? {
        code: 'INVALID_INPUT',
        message: `${providerName(provider, 'en')} logs in with ${provider.accountId.label.en}: send it as username.`,
        field: 'username',
      }
    : null

/** The request's own servers, or the stored report's recommended ones (and the report). */
export const planWithoutDiscovery = async (
  storage: ReportStorage,
  req: LoginRequest,
): Promise<{ plan: LoginPlan; stored: SavedReport | null } | Refusal> => {
  const { providers } = storage
  if (req.incoming || req.outgoing) {
    return { plan: await planFromRequest(req, providers), stored: null }
  }
  const stored = req.reportId ? await storage.store.get(req.reportId, storage.now()) : null
  if (!stored) return { code: 'REPORT_NOT_FOUND', message: 'No such report; it may have expired.' }
  const report = savedReport(stored, { providers })
  if (report.email.toLowerCase() !== req.email.toLowerCase()) {
    return {
      code: 'INVALID_INPUT',
      message: 'reportId belongs to another address',
      field: 'reportId',
    }
  }
  return { plan: planFromReport(report, providers), stored: report }
}

/**
 * The checks between knowing the servers and sending a password; on success the test's sockets
 * are held (release them when it ends).
 */
export const prepareServers = async (
  c: Context<AppEnv>,
  deps: PrepareDeps,
  run: LoginRunDeps,
  req: LoginRequest,
  plan: LoginPlan,
): Promise<Ready | Refusal> => {
  const late = accountIdRefusal(plan.provider, req)
  if (late) return late
  const servers = plannedServers(plan)
  if (servers.length === 0) {
    return { code: 'NO_SETTINGS', message: `No mail server settings are known for ${req.email}.` }
  }
  const plaintext = servers.find((s) => s.server.security === 'none')
  if (plaintext && !req.allowPlaintext) {
    return {
      code: 'PLAINTEXT_REFUSED',
      message: `${plaintext.server.host}:${plaintext.server.port} would get the password without encryption; send allowPlaintext: true to test it anyway.`,
      field:
        plaintext.field === 'allowPlaintext' ? 'allowPlaintext' : `${plaintext.field}.security`,
    }
  }
  // The guard answers first, so a refused target is a 403 before any password is handled.
  const lookups: Lookups = new Map()
  for (const { server, field } of servers) {
    if (!run.guard.allowsPort(server.port)) {
      return {
        code: 'TARGET_BLOCKED',
        message: `Refused: port ${server.port} is not a mail port`,
        field: `${field}.port`,
      }
    }
    const lookup =
      lookups.get(server.host) ?? (await lookupHost(run.guard, server.host, c.req.raw.signal))
    if (lookup.failure?.code === 'TARGET_BLOCKED') {
      return {
        code: 'TARGET_BLOCKED',
        message: `Refused: ${lookup.failure.detail ?? server.host}`,
        field: `${field}.host`,
      }
    }
    lookups.set(server.host, lookup)
  }
  // At most two attempts a server, each one socket of the client's probe budget.
  deps.costs.need('probes', servers.length)
  const release = deps.budget.tryAcquire(servers.length)
  if (!release) return { code: 'BUSY' }
  // Last, so that only a test that goes ahead takes places in the count (given back if it works).
  const account = accountOf(req)
  const places = await deps.failures
    .reserve(servers.map(({ server }) => failureKey(account, server)))
    .catch((err: unknown) => {
      release()
      throw err
    })
  if (!places.ok) {
    release()
    const wait = places.retryAfter
    return {
      code: 'LOGIN_LIMITED',
      message: `Too many failed login tests for this account on this server; try again in ${wait} s.`,
      retryAfter: wait,
    }
  }
  const forgive = (server: { host: string; port: number }) =>
    places.forgive(failureKey(account, server))
  return { plan, lookups, release, forgive }
}

/** True for a refusal (the prepared test otherwise). */
export const isRefusal = (value: object): value is Refusal => 'code' in value
