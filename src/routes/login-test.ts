/**
 * @module
 * POST /api/v1/login-test `{ email, password, username?, incoming?, outgoing?, reportId?, lang?,
 * region?, timeZone?, allowPlaintext? }`: logs in to the account's servers with the user's own
 * password or authorization code and says, per server, whether it works and why not. Without
 * servers or a report it runs a discovery first, as POST /api/v1/diagnose does, and stores it as
 * a report that keeps the verdict. JSON by default; with `Accept: text/event-stream`, the
 * discovery's `source`, `probe` and `recommendation` events and its `report`, a `step` event as
 * each phase finishes, then the `result` (or an `error` event with a code). The password is used
 * for the attempts and forgotten: it is never logged, stored, echoed or put in a transcript, and
 * the body is never logged.
 */
import { type Context, Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import { type ReportStorage, recordLoginVerdict, reportUrl } from '../diagnose/saved-report.ts'
import type { DiscoveryService } from '../discovery/pipeline.ts'
import { apiErrorBody } from '../errors/api-body.ts'
import { countsAsFailure } from '../login/classify.ts'
import type { FailureLimit } from '../login/failure-limit.ts'
import { planFromReport, plannedServers } from '../login/plan.ts'
import { type LoginResult, type LoginRunDeps, type LoginStep, runLoginTest } from '../login/run.ts'
import { usernamesToTry } from '../login/username.ts'
import { toVerdict } from '../login/verdict.ts'
import { LoginTestRequest, langFromHeader } from '../openapi/requests.ts'
import { splitEmail } from '../providers/index.ts'
import type { CostMeter } from '../security/costs.ts'
import type { SocketBudget } from '../security/socket-budget.ts'
import { apiError, busy, invalidInput } from './api-error.ts'
import type { AppEnv } from './app-env.ts'
import { DIAGNOSE_SOCKETS, type DiagnoseDeps, runDiagnosis, trySave } from './diagnose.ts'
import {
  type LoginRequest,
  type Ready,
  type Refusal,
  accountIdRefusal,
  isRefusal,
  needsDiscovery,
  planWithoutDiscovery,
  prepareServers,
} from './login-prepare.ts'
import { readJson } from './read-json.ts'
import { type Emit, errorEventBody, wantsEventStream } from './report-stream.ts'

export interface LoginTestDeps {
  /** The attempts and what they run under; null on a runtime without them (the route says so). */
  run: LoginRunDeps | null
  discovery: DiscoveryService
  /** Measures a provider's alternative hosts in a fresh discovery, as a diagnosis does. */
  measureStability?: DiagnoseDeps['measureStability']
  budget: SocketBudget
  /** The client's budgets: each attempt's socket is billed to `probes` (the attempts are metered). */
  costs: CostMeter
  storage: ReportStorage
  failures: FailureLimit
  /** MAILSETUP_TRUST_PROXY: the proxy's X-Forwarded-Proto / Forwarded headers are believed. */
  trustProxy: boolean
}

/** Where the verdict is kept: the stored report tested, or the one a fresh discovery made. */
interface VerdictTarget {
  reportId: string | null
  /** Only for a report this test stored: the caller's one chance to learn it. */
  deleteToken?: string
}

const refusalResponse = (c: Context, refusal: Refusal) => {
  if (refusal.retryAfter) c.header('Retry-After', String(refusal.retryAfter))
  if (refusal.code === 'BUSY') return busy(c)
  return apiError(c, refusal.code, refusal.message, refusal.field)
}

/** A refusal as a stream's `error` event: no header can carry Retry-After there, so the body does. */
const refusalEvent = (refusal: Refusal) => {
  const { body } = apiErrorBody(refusal.code, refusal.message, refusal.field)
  return {
    error: { ...body.error, ...(refusal.retryAfter ? { retryAfter: refusal.retryAfter } : {}) },
  }
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

/**
 * The stream of one test: what `work` emits as it happens, then its answer as `result`, or its
 * refusal or failure as an `error` event; every stream ends with one of the two.
 */
const loginStream = <T extends object>(
  c: Context<AppEnv>,
  work: (emit: Emit) => Promise<T | Refusal>,
) =>
  streamSSE(c, async function loginTestStream(stream) {
    const pending: Promise<void>[] = []
    const emit: Emit = (event, data) => {
      pending.push(stream.writeSSE({ event, data: JSON.stringify(data) }))
    }
    try {
      const outcome = await work(emit)
      await Promise.all(pending)
      if (isRefusal(outcome)) {
        c.get('log').info('login test refused', { code: outcome.code })
        await stream.writeSSE({ event: 'error', data: JSON.stringify(refusalEvent(outcome)) })
      } else await stream.writeSSE({ event: 'result', data: JSON.stringify(outcome) })
    } catch (err) {
      if (c.req.raw.signal.aborted || stream.aborted) {
        c.get('log').info('stream closed by the client', { event: 'result' })
        return
      }
      const body = errorEventBody(err)
      if (body.error.code === 'INTERNAL') c.get('log').error('login test failed', { err })
      await Promise.allSettled(pending)
      await stream.writeSSE({ event: 'error', data: JSON.stringify(body) })
    }
  })

export const loginTestRoutes = (deps: LoginTestDeps) => {
  const app = new Hono<AppEnv>()

  const execute = async (
    c: Context<AppEnv>,
    req: LoginRequest,
    run: LoginRunDeps,
    ready: Ready,
    target: VerdictTarget,
    onStep?: (step: LoginStep) => void,
  ) => {
    const { plan, lookups, release } = ready
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
          // Its place in the failure count was taken before it ran; a login that did not fail
          // on the secret gives it back.
          if (!(result.code && countsAsFailure(result.code))) {
            await ready.forgive(server).catch((err: unknown) => {
              c.get('log').error('failure count not given back', { err })
            })
          }
          results[role] = result
        }),
      )
    } finally {
      release()
    }
    const at = new Date(deps.storage.now())
    let reportId: string | null = null
    if (target.reportId) {
      try {
        if (await recordLoginVerdict(deps.storage, target.reportId, toVerdict(results, at)))
          reportId = target.reportId
      } catch (err) {
        c.get('log').error('login verdict not saved', { err })
      }
    }
    c.get('log').info('login test', {
      incoming: results.incoming?.code ?? results.incoming?.status ?? null,
      outgoing: results.outgoing?.code ?? results.outgoing?.status ?? null,
    })
    return {
      ...results,
      reportId,
      url: reportId ? reportUrl(reportId) : null,
      ...(reportId && target.deleteToken ? { deleteToken: target.deleteToken } : {}),
      testedAt: at.toISOString(),
    }
  }

  /** The request's own servers, or a stored report's (which keeps the verdict). */
  const testKnown = async (c: Context<AppEnv>, req: LoginRequest, run: LoginRunDeps) => {
    const planned = await planWithoutDiscovery(deps.storage, req)
    if (isRefusal(planned)) return refusalResponse(c, planned)
    const ready = await prepareServers(c, deps, run, req, planned.plan)
    if (isRefusal(ready)) return refusalResponse(c, ready)
    const target = { reportId: planned.stored?.id ?? null }
    if (!wantsEventStream(c)) return c.json(await execute(c, req, run, ready, target))
    return loginStream(c, (emit) =>
      execute(c, req, run, ready, target, (step) => emit('step', step)),
    )
  }

  /**
   * A fresh discovery's recommended servers. The discovery is the one a diagnosis runs (same
   * events, same report) and is stored like one, with the verdict, once the test may go ahead;
   * a request refused after it stores nothing, since its caller would learn no id to find it by.
   */
  const testDiscovered = (c: Context<AppEnv>, req: LoginRequest, run: LoginRunDeps) => {
    // The discovery's DNS queries, fetches and probes are billed as they happen.
    deps.costs.need('lookups')
    deps.costs.need('probes')
    const release = deps.budget.tryAcquire(DIAGNOSE_SOCKETS)
    if (!release) return busy(c)
    const lang = req.lang ?? langFromHeader(c.req.header('accept-language'))
    const discover = async (emit?: Emit) => {
      try {
        const input = { email: req.email, lang, probe: true, region: req.region }
        return await runDiagnosis(c, deps, { ...input, timeZone: req.timeZone }, emit)
      } finally {
        release()
      }
    }
    const proceed = async (report: Awaited<ReturnType<typeof discover>>, emit?: Emit) => {
      const ready = await prepareServers(
        c,
        deps,
        run,
        req,
        planFromReport(report, deps.storage.providers),
      )
      if (isRefusal(ready)) return ready
      const saved = await trySave(c, deps.storage, report, { probed: true })
      emit?.('report', saved ?? report)
      const target = { reportId: saved?.id ?? null, deleteToken: saved?.deleteToken }
      return execute(c, req, run, ready, target, emit && ((step) => emit('step', step)))
    }
    if (wantsEventStream(c))
      return loginStream(c, async (emit) => proceed(await discover(emit), emit))
    return discover().then(async (report) => {
      const outcome = await proceed(report)
      return isRefusal(outcome) ? refusalResponse(c, outcome) : c.json(outcome)
    })
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
    const known = deps.storage.providers.byDomain(splitEmail(req.email).domain)
    const early = accountIdRefusal(known, req)
    if (early) return refusalResponse(c, early)
    return needsDiscovery(req) ? testDiscovered(c, req, run) : testKnown(c, req, run)
  })

  app.all('/', (c) => {
    c.header('Allow', 'POST')
    return apiError(c, 'METHOD_NOT_ALLOWED', `${c.req.method} is not allowed here.`)
  })
  return app
}
