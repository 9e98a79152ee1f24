/**
 * @module
 * POST /api/v1/login-test `{ email, password, username?, incoming?, outgoing?, reportId?, lang?,
 * allowPlaintext? }`: logs in to the account's servers with the user's own password or
 * authorization code and says, per server, whether it works and why not. JSON by default; with
 * `Accept: text/event-stream`, a `step` event as each phase finishes, then the `result` (or an
 * `error` event with a code). The password is used for the attempts and forgotten: it is never
 * logged, stored, echoed or put in a transcript, and the body is never logged.
 */
import { type Context, Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { z } from 'zod'
import { buildReport } from '../diagnose/report.ts'
import { type ReportStorage, recordLoginVerdict, savedReport } from '../diagnose/saved-report.ts'
import type { DiscoveryService } from '../discovery/pipeline.ts'
import { apiErrorBody } from '../errors/api-body.ts'
import type { ApiCode } from '../errors/table.ts'
import { countsAsFailure } from '../login/classify.ts'
import { type FailureLimit, failureKey } from '../login/failure-limit.ts'
import { type LoginPlan, planFromReport, planFromRequest, plannedServers } from '../login/plan.ts'
import { type LoginResult, type LoginRunDeps, type LoginStep, runLoginTest } from '../login/run.ts'
import { usernamesToTry } from '../login/username.ts'
import { toVerdict } from '../login/verdict.ts'
import { LoginTestRequest } from '../openapi/requests.ts'
import { lookupHost } from '../probes/host-probes.ts'
import { type Provider, providerName, splitEmail } from '../providers/index.ts'
import type { CostMeter } from '../security/costs.ts'
import type { SocketBudget } from '../security/socket-budget.ts'
import { apiError, busy, invalidInput } from './api-error.ts'
import type { AppEnv } from './app-env.ts'
import { DIAGNOSE_SOCKETS } from './diagnose.ts'
import { readJson } from './read-json.ts'

export interface LoginTestDeps {
  /** The attempts and what they run under; null on a runtime without them (the route says so). */
  run: LoginRunDeps | null
  discovery: DiscoveryService
  budget: SocketBudget
  /** The client's budgets: each attempt's socket is billed to `probes` (the attempts are metered). */
  costs: CostMeter
  storage: ReportStorage
  failures: FailureLimit
  /** MAILSETUP_TRUST_PROXY: the proxy's X-Forwarded-Proto / Forwarded headers are believed. */
  trustProxy: boolean
}

/** A refusal of the whole request: an API error, with Retry-After for a 429. */
interface Refusal {
  code: ApiCode
  message?: string
  field?: string
  retryAfter?: number
}

type Prepared = { ok: true; value: Ready } | { ok: false; refusal: Refusal }

interface Ready {
  plan: LoginPlan
  lookups: Map<string, Awaited<ReturnType<typeof lookupHost>>>
  release: () => void
}

const refuse = (refusal: Refusal): Prepared => ({ ok: false, refusal })

const refusalResponse = (c: Context, refusal: Refusal) => {
  if (refusal.retryAfter) c.header('Retry-After', String(refusal.retryAfter))
  if (refusal.code === 'BUSY') return busy(c)
  return apiError(c, refusal.code, refusal.message, refusal.field)
}

/**
 * The request came over plain HTTP through a proxy we trust: refuse before reading a password.
 * Without a trusted proxy the service cannot tell how the browser reached it; an https
 * MAILSETUP_PUBLIC_URL is how an operator says it is served over TLS, and the route must never
 * be exposed over plain HTTP (README "Security").
 */
export const arrivedOverHttp = (c: Context, trustProxy: boolean): boolean => {
  if (!trustProxy) return false
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
  const standard = /(?:^|[;,\s])proto=(?:"?)(https?)/i
    .exec(c.req.header('forwarded') ?? '')?.[1]
    ?.toLowerCase()
  return (forwarded ?? standard) === 'http'
}

type Request = z.infer<typeof LoginTestRequest>

/**
 * A provider whose login is an ID it issues (docomo's d ACCOUNT ID) needs the request's
 * `username`: trying the address would only be a failed login counted against the account.
 */
const accountIdRefusal = (provider: Provider | null | undefined, req: Request): Refusal | null =>
  provider?.accountId && !req.username
    ? {
        code: 'INVALID_INPUT',
        message: `${providerName(provider, 'en')} logs in with ${provider.accountId.label.en}: send it as username.`,
        field: 'username',
      }
    : null

export const loginTestRoutes = (deps: LoginTestDeps) => {
  const app = new Hono<AppEnv>()

  /** The servers to test: the request's, a stored report's, or a fresh discovery's. */
  const planFor = async (c: Context<AppEnv>, req: Request): Promise<LoginPlan | Refusal> => {
    const { providers } = deps.storage
    if (req.incoming || req.outgoing) return planFromRequest(req, providers)
    if (req.reportId) {
      const stored = await deps.storage.store.get(req.reportId, deps.storage.now())
      if (!stored)
        return { code: 'REPORT_NOT_FOUND', message: 'No such report; it may have expired.' }
      const report = savedReport(stored, { providers })
      if (report.email.toLowerCase() !== req.email.toLowerCase()) {
        return {
          code: 'INVALID_INPUT',
          message: 'reportId belongs to another address',
          field: 'reportId',
        }
      }
      return planFromReport(report, providers)
    }
    // The discovery's DNS queries, fetches and probes are billed as they happen.
    deps.costs.need('lookups')
    deps.costs.need('probes')
    const release = deps.budget.tryAcquire(DIAGNOSE_SOCKETS)
    if (!release) return { code: 'BUSY' }
    try {
      const found = await deps.discovery.discover(req.email, {
        probe: true,
        signal: c.req.raw.signal,
      })
      return planFromReport(buildReport(found, { lang: req.lang ?? 'en', probed: true }), providers)
    } finally {
      release()
    }
  }

  const prepare = async (
    c: Context<AppEnv>,
    req: Request,
    run: LoginRunDeps,
  ): Promise<Prepared> => {
    const known = deps.storage.providers.byDomain(splitEmail(req.email).domain)
    const early = accountIdRefusal(known, req)
    if (early) return refuse(early)
    const plan = await planFor(c, req)
    if ('code' in plan) return refuse(plan)
    const late = accountIdRefusal(plan.provider, req)
    if (late) return refuse(late)
    const servers = plannedServers(plan)
    if (servers.length === 0) {
      return refuse({
        code: 'NO_SETTINGS',
        message: `No mail server settings are known for ${req.email}.`,
      })
    }
    const plaintext = servers.find((s) => s.server.security === 'none')
    if (plaintext && !req.allowPlaintext) {
      return refuse({
        code: 'PLAINTEXT_REFUSED',
        message: `${plaintext.server.host}:${plaintext.server.port} would get the password without encryption; send allowPlaintext: true to test it anyway.`,
        field:
          plaintext.field === 'allowPlaintext' ? 'allowPlaintext' : `${plaintext.field}.security`,
      })
    }
    // The guard answers first, so a refused target is a 403 before any password is handled.
    const lookups = new Map<string, Awaited<ReturnType<typeof lookupHost>>>()
    for (const { server, field } of servers) {
      if (!run.guard.allowsPort(server.port)) {
        return refuse({
          code: 'TARGET_BLOCKED',
          message: `Refused: port ${server.port} is not a mail port`,
          field: `${field}.port`,
        })
      }
      const lookup =
        lookups.get(server.host) ?? (await lookupHost(run.guard, server.host, c.req.raw.signal))
      if (lookup.failure?.code === 'TARGET_BLOCKED') {
        return refuse({
          code: 'TARGET_BLOCKED',
          message: `Refused: ${lookup.failure.detail ?? server.host}`,
          field: `${field}.host`,
        })
      }
      lookups.set(server.host, lookup)
    }
    const account = req.username ?? req.email
    const wait = Math.max(
      ...servers.map(({ server }) => deps.failures.retryAfter(failureKey(account, server))),
    )
    if (wait > 0) {
      return refuse({
        code: 'LOGIN_LIMITED',
        message: `Too many failed login tests for this account on this server; try again in ${wait} s.`,
        retryAfter: wait,
      })
    }
    // At most two attempts a server, each one socket of the client's probe budget.
    deps.costs.need('probes', servers.length)
    const release = deps.budget.tryAcquire(servers.length)
    if (!release) return refuse({ code: 'BUSY' })
    return { ok: true, value: { plan, lookups, release } }
  }

  const execute = async (
    c: Context<AppEnv>,
    req: Request,
    run: LoginRunDeps,
    ready: Ready,
    onStep?: (step: LoginStep) => void,
  ) => {
    const { plan, lookups, release } = ready
    const account = req.username ?? req.email
    const results: { incoming: LoginResult | null; outgoing: LoginResult | null } = {
      incoming: null,
      outgoing: null,
    }
    try {
      await Promise.all(
        plannedServers(plan).map(async ({ role, server, discovered }) => {
          const result = await runLoginTest(
            {
              role,
              server,
              usernames: usernamesToTry(req.email, {
                explicit: req.username,
                discovered,
                accountId: plan.provider?.accountId !== undefined,
              }),
              password: req.password,
              provider: plan.provider,
              lookup: lookups.get(server.host),
              signal: c.req.raw.signal,
              onStep,
            },
            run,
          )
          if (result.code && countsAsFailure(result.code))
            deps.failures.fail(failureKey(account, server))
          results[role] = result
        }),
      )
    } finally {
      release()
    }
    const at = new Date(deps.storage.now())
    let reportId: string | null = null
    if (req.reportId && !(req.incoming || req.outgoing)) {
      try {
        if (await recordLoginVerdict(deps.storage, req.reportId, toVerdict(results, at)))
          reportId = req.reportId
      } catch (err) {
        c.get('log').error('login verdict not saved', { err })
      }
    }
    c.get('log').info('login test', {
      incoming: results.incoming?.code ?? results.incoming?.status ?? null,
      outgoing: results.outgoing?.code ?? results.outgoing?.status ?? null,
    })
    return { ...results, reportId, testedAt: at.toISOString() }
  }

  app.post('/', async (c) => {
    if (arrivedOverHttp(c, deps.trustProxy)) {
      return apiError(
        c,
        'INSECURE_TRANSPORT',
        'This request arrived over plain HTTP; use HTTPS to send a password.',
      )
    }
    const run = deps.run
    if (!run) return apiError(c, 'NOT_FOUND', 'Login tests are not available on this runtime.')
    const body = await readJson(c)
    if (!body.ok) return body.response
    const parsed = LoginTestRequest.safeParse(body.value)
    if (!parsed.success) return invalidInput(c, parsed.error)
    const req = parsed.data
    const prepared = await prepare(c, req, run)
    if (!prepared.ok) return refusalResponse(c, prepared.refusal)
    const ready = prepared.value

    if (!(c.req.header('accept')?.includes('text/event-stream') ?? false)) {
      return c.json(await execute(c, req, run, ready))
    }
    return streamSSE(c, async (stream) => {
      const pending: Promise<void>[] = []
      try {
        const answer = await execute(c, req, run, ready, (step) => {
          pending.push(stream.writeSSE({ event: 'step', data: JSON.stringify(step) }))
        })
        await Promise.all(pending)
        await stream.writeSSE({ event: 'result', data: JSON.stringify(answer) })
      } catch (err) {
        c.get('log').error('login test failed', { err })
        await Promise.all(pending).catch(() => undefined)
        await stream.writeSSE({
          event: 'error',
          data: JSON.stringify(apiErrorBody('INTERNAL').body),
        })
      }
    })
  })

  app.all('/', (c) => {
    c.header('Allow', 'POST')
    return apiError(c, 'METHOD_NOT_ALLOWED', `${c.req.method} is not allowed here.`)
  })
  return app
}
