/**
 * @module
 * createApp(deps) builds the Hono app. It imports no runtime module: the Node entry (node.ts)
 * and later a Workers entry pick the adapters (sockets, DNS, static files) and pass them in.
 */
import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { routePath } from 'hono/route'
import type { Resolver } from './dns/resolver.ts'
import type { HttpGet } from './discovery/http.ts'
import { createDiscovery } from './discovery/pipeline.ts'
import { settingsFromProviders } from './diagnose/account-settings.ts'
import { createClientSettings } from './diagnose/client-settings.ts'
import type { Retention } from './diagnose/saved-report.ts'
import { observedDiscovery, observedStore } from './diagnose/observed.ts'
import type { ReportStore } from './diagnose/store.ts'
import type { Logger } from './logger.ts'
import { onFirstUse } from './util/on-first-use.ts'
import {
  DEFAULT_FAILURE_LIMIT,
  type FailureLimit,
  createFailureLimit,
} from './login/failure-limit.ts'
import { createPop3DialogueAttempt } from './login/pop3-dialogue.ts'
import type { LoginAttempts } from './login/types.ts'
import { type MetricRegistry, noMetrics } from './metrics/registry.ts'
import { createServiceMetrics } from './metrics/service-metrics.ts'
import { type OnHostMeasured, createStabilityRun } from './discovery/stability.ts'
import { countedConnect } from './probes/counted-socket.ts'
import type { MatrixDeps } from './probes/matrix.ts'
import type { ProbeResult } from './probes/result.ts'
import type { ProviderIndex } from './providers/index.ts'
import { type CostMeter, RateLimitError, metered } from './security/costs.ts'
import type { SocketBudget } from './security/socket-budget.ts'
import { apiError, rateLimited } from './routes/api-error.ts'
import { methodTable } from './routes/methods.ts'
import type { AppEnv } from './routes/app-env.ts'
import { AUTOCONFIG_PATHS, autoconfigRoutes } from './routes/autoconfig.ts'
import { type KnownAnswers, LOOKUP_PATH, knownAnswers } from './routes/known-answers.ts'
import { autodiscoverRoutes } from './routes/autodiscover.ts'
import { DIAGNOSE_SOCKETS, diagnoseRoutes } from './routes/diagnose.ts'
import { guidesRoutes } from './routes/guides.ts'
import { mobileconfigRoutes } from './routes/mobileconfig.ts'
import { lookupRoutes } from './routes/lookup.ts'
import { loginTestRoutes } from './routes/login-test.ts'
import { type MetricsAccess, metricsRoutes } from './routes/metrics.ts'
import { probeRoutes } from './routes/probe.ts'
import { reportsRoutes } from './routes/reports.ts'
import { type WebDeps, webRoutes } from './routes/web.ts'
import { widgetCors } from './security/cors.ts'
import { providersRoutes } from './routes/providers.ts'

/** Largest request body the API reads. */
export const MAX_BODY_BYTES = 64 * 1024

export interface AppDeps {
  logger: Logger
  /** Where the service's metrics are kept (prom-client on Node); none by default. */
  metrics?: MetricRegistry
  /** Who may read GET /metrics (MAILSETUP_METRICS, MAILSETUP_METRICS_TOKEN); off by default. */
  metricsAccess?: MetricsAccess
  /** The service's own resolver (also inside the probe's guard). */
  resolver: Resolver
  /** The provider database with the operator's overlay applied. */
  providers: ProviderIndex
  /** Guarded HTTP GET for autoconfig documents (runtime-specific). */
  httpGet: HttpGet
  probe: MatrixDeps
  budget: SocketBudget
  /**
   * The per-client limits by cost. createApp bills autoconfig fetches and probe sockets itself;
   * the entry bills DNS queries by wrapping its resolver under the cache in meteredResolver().
   */
  costs: CostMeter
  /** Who is asking, for the limits (the runtime knows the peer address). */
  clientKey: (c: Context) => string
  /** Signs Apple profiles (MAILSETUP_PROFILE_CERT/KEY); unsigned when absent. */
  signProfile?: (xml: string) => Promise<Uint8Array> | Uint8Array
  /** Origins whose pages may call /api/* from the browser: the widget (MAILSETUP_WIDGET_ORIGINS). */
  widgetOrigins?: string[]
  /** Reads a built file under public/ (the widget script); runtime-specific. */
  readAsset?: WebDeps['readAsset']
  /** Serves public/ (runtime-specific); tried after the API routes. */
  assets?: MiddlewareHandler
  /** Where diagnoses are saved, and the domains' verified settings kept (runtime-specific). */
  reports: ReportStore
  /** How long reports and verified settings are kept; default 30 days and 24 hours. */
  retention?: Retention
  /**
   * The service's public origin (MAILSETUP_PUBLIC_URL, `scheme://host[:port]`): every absolute
   * URL the service builds and the CORS own-origin check; the Host header is never trusted.
   */
  publicUrl: string
  /** Milliseconds since the epoch, for the store; fixed in tests. */
  now?: () => number
  /**
   * The login test (POST /api/v1/login-test): the runtime's attempts (imapflow, node-pop3,
   * nodemailer on Node), the failure limit per account and server (MAILSETUP_LOGIN_FAILURE_LIMIT,
   * default 5 in 15 minutes) and one attempt's budget. Without it the route answers 404.
   */
  login?: {
    attempts: LoginAttempts
    failureLimit?: { max: number; windowMs: number }
    /**
     * Where failures are counted: shared by every worker process on Node (the SQLite file);
     * by default in this process (or isolate) alone, with `failureLimit`.
     */
    failures?: FailureLimit
    timeoutMs?: number
  }
  /** MAILSETUP_TRUST_PROXY: the proxy's forwarded headers are believed (the login test refuses http). */
  trustProxy?: boolean
}

const DAY_MS = 24 * 60 * 60 * 1000
/** MAILSETUP_REPORT_TTL_DAYS and MAILSETUP_VERIFIED_TTL_HOURS by default. */
export const DEFAULT_RETENTION: Retention = { reportMs: 30 * DAY_MS, verifiedMs: DAY_MS }

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/

/** The caller's X-Request-Id when it is a sane one, else a new id. */
export const requestIdFor = (incoming: string | undefined): string =>
  incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID()
/** Paths outside the per-client limits. */
const UNMETERED = new Set(['/healthz', '/metrics'])

/**
 * The app, and the kept answers behind it for a runtime that can serve them before the app
 * (src/node.ts does, without building a Web Request).
 *
 * @example
 * const { app, known } = createService(deps)
 */
export const createService = (deps: AppDeps): { app: Hono<AppEnv>; known: KnownAnswers } => {
  const app = new Hono<AppEnv>()
  const { costs } = deps
  const registry = deps.metrics ?? noMetrics
  const metrics = createServiceMetrics(registry, { reservedSockets: () => deps.budget.inUse() })
  const probe = {
    ...deps.probe,
    connect: countedConnect(metered(costs, 'probes', deps.probe.connect), {
      opened: metrics.socketOpened,
      closed: metrics.socketClosed,
    }),
    onProbed: (result: ProbeResult) =>
      metrics.probe(
        result.protocol,
        result.code,
        result.status,
        (result.timings.total ?? 0) / 1000,
      ),
  }
  const discovery = observedDiscovery(
    createDiscovery({
      providers: deps.providers,
      resolver: deps.resolver,
      httpGet: metered(costs, 'lookups', deps.httpGet),
      probe,
    }),
    metrics,
  )
  const storage = {
    store: observedStore(deps.reports, metrics),
    retention: deps.retention ?? DEFAULT_RETENTION,
    providers: deps.providers,
    now: deps.now ?? Date.now,
  }

  app.use(async function requestLog(c, next) {
    const reqId = requestIdFor(c.req.header('x-request-id'))
    const log = deps.logger.child({ reqId })
    c.set('reqId', reqId)
    c.set('log', log)
    const started = performance.now()
    // Set before the handler, so that a response built through the context carries it; a
    // c.header() on a finished response would make @hono/node-server build a whole Response.
    c.header('X-Request-Id', reqId)
    await next()
    if (!c.res.headers.has('X-Request-Id')) c.res.headers.set('X-Request-Id', reqId)
    // The route pattern that answered (never the raw path: ids and domains would be labels).
    const seconds = (performance.now() - started) / 1000
    metrics.request(routePath(c) || 'unmatched', c.req.method, c.res.status, seconds)
    // The path only: query strings can hold addresses, and bodies are never logged.
    log.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(seconds * 1000),
    })
  })

  // Before the body limit and the rate limit: a refused origin is turned away first, and a
  // preflight is answered without touching the API.
  app.use('/api/*', widgetCors(deps.widgetOrigins ?? [], deps.publicUrl))
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) =>
      apiError(
        c,
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
        'body',
      ),
  })
  // Only where a body may come: reading c.req.raw.body makes @hono/node-server build the whole
  // Web Request (headers, AbortController) even for a GET.
  app.use('/api/*', async function bodyLimitWhereBody(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS')
      return next()
    return limitBody(c, next)
  })

  // Read from the app's own route table on first use: every route registered below, and any
  // added later, gets 405 + Allow for other methods and 415 for a body that is not JSON.
  const methods = methodTable(() => app.routes)
  app.use('/api/*', methods.requireJson)

  // Every request but the health check spends one of the client's generous `requests` budget;
  // what it makes the service send is billed as it happens (security/costs.ts).
  app.use(async function limits(c, next) {
    if (UNMETERED.has(c.req.path)) return next()
    return costs.run(deps.clientKey(c), async () => {
      costs.take('requests')
      await next()
    })
  })

  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  app.route('/', metricsRoutes({ registry, access: deps.metricsAccess ?? { open: false } }))
  // Imported and built on first use: the response schemas exist only for this document, and
  // building them at start cost 1.2 MB of an idle start and the document 60 ms.
  const openapi = onFirstUse(async () =>
    (await import('./openapi/document.ts')).buildOpenApiDocument(deps.publicUrl),
  )
  app.get('/openapi.json', async (c) => c.json(await openapi()))
  app.get('/api', (c) => c.redirect('/api.html'))
  // Client setup (guides, the formats mail clients read by themselves) and the lookup.
  const settings = createClientSettings({
    discovery,
    storage,
    budget: deps.budget,
    costs,
    sockets: DIAGNOSE_SOCKETS,
  })
  // Answers that are the same for every address at a database domain, kept serialized.
  const known = knownAnswers({ providers: deps.providers, discovery, settings })
  for (const path of [LOOKUP_PATH, ...AUTOCONFIG_PATHS]) app.use(path, known.middleware)
  app.route('/api/v1/probe', probeRoutes({ probe, budget: deps.budget, costs }))
  const measureStability = (signal?: AbortSignal, onHost?: OnHostMeasured) =>
    createStabilityRun(probe, signal, onHost)
  app.route(
    '/api/v1/lookup',
    lookupRoutes({ discovery, budget: deps.budget, costs, measureStability }),
  )
  app.route(
    '/api/v1/diagnose',
    diagnoseRoutes({ discovery, budget: deps.budget, costs, storage, measureStability }),
  )
  app.route(
    '/api/v1/login-test',
    loginTestRoutes({
      run: deps.login
        ? {
            guard: probe.guard,
            limiter: probe.limiter,
            // Each login attempt opens one socket: billed to the client's probe budget.
            attempts: {
              imap: metered(costs, 'probes', deps.login.attempts.imap),
              pop3Tls: metered(costs, 'probes', deps.login.attempts.pop3Tls),
              smtp: metered(costs, 'probes', deps.login.attempts.smtp),
            },
            pop3Dialogue: createPop3DialogueAttempt(probe.connect),
            timeoutMs: deps.login.timeoutMs,
          }
        : null,
      discovery,
      measureStability,
      budget: deps.budget,
      costs,
      storage,
      failures:
        deps.login?.failures ??
        createFailureLimit({
          ...DEFAULT_FAILURE_LIMIT,
          ...deps.login?.failureLimit,
          now: storage.now,
        }),
      trustProxy: deps.trustProxy ?? false,
    }),
  )
  const profile = { sign: deps.signProfile }
  app.route('/api/v1/reports', reportsRoutes({ storage, profile }))

  app.route('/api/v1/guides', guidesRoutes({ settings }))
  app.route('/', autoconfigRoutes({ settings, known: settingsFromProviders(deps.providers) }))
  app.route('/', autodiscoverRoutes({ settings, publicUrl: deps.publicUrl }))
  app.route('/', mobileconfigRoutes({ settings, sign: deps.signProfile }))
  app.route('/api/v1/providers', providersRoutes({ providers: deps.providers }))

  app.all(
    '/api/*',
    (c) =>
      methods.notAllowed(c) ??
      apiError(c, 'NOT_FOUND', `No API route ${c.req.method} ${c.req.path}.`),
  )
  if (deps.readAsset) {
    const reportExists = async (id: string) => (await storage.store.get(id, storage.now())) !== null
    app.route(
      '/',
      webRoutes({ readAsset: deps.readAsset, reportExists, publicUrl: deps.publicUrl }),
    )
  }
  if (deps.assets) app.get('*', deps.assets)
  app.notFound((c) => methods.notAllowed(c) ?? apiError(c, 'NOT_FOUND', 'Not found.'))
  app.onError((err, c) => {
    if (err instanceof RateLimitError) {
      metrics.refused(err.budget)
      return rateLimited(c, err)
    }
    c.get('log')?.error('unhandled error', { err })
    return apiError(c, 'INTERNAL', 'Something went wrong on our side.')
  })
  return { app, known }
}

/** The Hono app alone (tests, other runtimes). */
export const createApp = (deps: AppDeps) => createService(deps).app
