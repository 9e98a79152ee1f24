/**
 * @module
 * The Cloudflare Workers entry: reads the configuration from vars and secrets (the same names
 * and checks as on Node), wires the Workers adapters (cloudflare:sockets, DNS over HTTPS, fetch,
 * D1, the Rate Limiting binding, static assets) into createApp, and serves it. There is no
 * process to stop on a bad value, so every request answers 500 CONFIG_INVALID naming it.
 *
 * Per isolate (one isolate serves many requests, and Cloudflare runs many isolates): the socket
 * budget (MAILSETUP_MAX_PROBE_SOCKETS), the per-host cap (MAILSETUP_MAX_PER_HOST), the DNS cache
 * and the outbound slots. The slots keep every invocation within the runtime's six simultaneous
 * outbound connections (sockets and fetches together): probes run in waves of at most five,
 * leaving one for DNS-over-HTTPS and autoconfig fetches.
 */
import { connect } from 'cloudflare:sockets'
import { createApp } from './app.ts'
import { ConfigError, type Config, loadWorkerConfig } from './config.ts'
import { createD1ReportStore, type D1Like } from './diagnose/store-d1.ts'
import { createFetchHttpGet } from './discovery/http-fetch.ts'
import { createCachingResolver } from './dns/caching-resolver.ts'
import { createDohResolver } from './dns/resolver-doh.ts'
import { apiErrorBody } from './errors/api-body.ts'
import type { LogFields, LogLevel, Logger } from './logger.ts'
import { redact } from './util/redact.ts'
import { createHostLimiter, inWaves } from './probes/host-limiter.ts'
import { createWorkersConnect } from './probes/socket-workers.ts'
import { createProviderIndex, loadBuiltInProviders } from './providers/index.ts'
import { PAGE_ASSET } from './routes/web.ts'
import { clientKeyOf } from './security/client-key.ts'
import { createCostMeter, meteredResolver } from './security/costs.ts'
import { type RateLimitBinding, bindingLimit } from './security/rate-limit-workers.ts'
import { createSocketBudget } from './security/socket-budget.ts'
import { createTargetGuard } from './security/target-guard.ts'
import { createNodeContextStore } from './util/context-store-node.ts'
import { createSlots } from './util/slots.ts'

/** The bindings wrangler.toml declares; vars and secrets are the string entries beside them. */
export interface WorkerEnv {
  /** D1: stored reports and the domains' verified settings. */
  DB?: D1Like
  /** Rate Limiting: a per-client request limit shared by a location's isolates (optional). */
  RATE_LIMITER?: RateLimitBinding
  /** Static assets: public/ (the page, the widget, the API page). */
  ASSETS?: { fetch(request: Request): Promise<Response> }
  [variable: string]: unknown
}

/** The runtime's cap on simultaneous outbound connections per invocation. */
export const MAX_OUTBOUND_CONNECTIONS = 6
/** Probes at once: one outbound connection stays free for DNS and fetches. */
export const PROBE_WAVE = MAX_OUTBOUND_CONNECTIONS - 1
/** The Rate Limiting binding's period in wrangler.toml (10 or 60 seconds). */
export const RATE_LIMIT_PERIOD_SECONDS = 60

type Handler = (request: Request, env: WorkerEnv) => Promise<Response> | Response

/** Every request's answer while the configuration is invalid; the log says it each time too. */
const misconfigured =
  (err: ConfigError): Handler =>
  () => {
    console.error(JSON.stringify({ level: 'error', msg: err.message, variable: err.variable }))
    const { status, body } = apiErrorBody('CONFIG_INVALID', err.message, err.variable)
    return Response.json(body, { status })
  }

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 }

/**
 * JSON lines on console.log, which is what Workers Logs keep: pino resolves to its browser build
 * there, which ignores the stream it is given. Secrets are masked by the same redact().
 */
const consoleLogger = (level: LogLevel, bindings: LogFields = {}): Logger => {
  const at =
    (name: Exclude<LogLevel, 'silent'>) =>
    (msg: string, fields?: LogFields): void => {
      if (RANK[name] < RANK[level]) return
      const line = { level: name, time: new Date().toISOString(), ...bindings }
      // eslint-disable-next-line no-console
      console.log(JSON.stringify({ ...line, ...(redact(fields ?? {}) as LogFields), msg }))
    }
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields) => consoleLogger(level, { ...bindings, ...(redact(fields) as LogFields) }),
  }
}

/** Reads a file of public/ through the assets binding (the page is served at `/`). */
const assetReader = (assets: NonNullable<WorkerEnv['ASSETS']>) => async (name: string) => {
  const path = name === PAGE_ASSET ? '/' : `/${name}`
  const res = await assets.fetch(new Request(new URL(path, 'https://assets.invalid')))
  if (!res.ok) {
    await res.body?.cancel()
    return null
  }
  return res.text()
}

const buildApp = (env: WorkerEnv, config: Config): Handler => {
  const logger = consoleLogger(config.LOG_LEVEL)
  if (!env.DB) throw new ConfigError('DB', 'the D1 binding DB is missing (see wrangler.toml)')
  const outbound = createSlots(MAX_OUTBOUND_CONNECTIONS)
  const costs = createCostMeter({
    limits: {
      requests: config.MAILSETUP_REQUEST_LIMIT,
      lookups: config.MAILSETUP_LOOKUP_LIMIT,
      probes: config.MAILSETUP_RATE_LIMIT,
    },
    // AsyncLocalStorage, which Workers have under nodejs_compat.
    store: createNodeContextStore(),
  })
  const resolver = createCachingResolver(
    meteredResolver(costs, createDohResolver({ url: config.MAILSETUP_DOH_URL, outbound })),
  )
  const guard = createTargetGuard({
    resolver,
    allow: config.MAILSETUP_ALLOW_TARGETS,
    ports: config.MAILSETUP_PROBE_PORTS,
  })
  const app = createApp({
    logger,
    resolver,
    providers: createProviderIndex(loadBuiltInProviders()),
    httpGet: createFetchHttpGet({ guard, outbound }),
    probe: {
      guard,
      connect: createWorkersConnect({ connect, outbound }),
      limiter: inWaves(createHostLimiter(config.MAILSETUP_MAX_PER_HOST), createSlots(PROBE_WAVE)),
      timeoutMs: config.MAILSETUP_PROBE_TIMEOUT_MS,
      ehloName: config.MAILSETUP_EHLO_NAME,
    },
    budget: createSocketBudget(config.MAILSETUP_MAX_PROBE_SOCKETS),
    costs,
    clientKey: (c) => clientOf(c.req.raw),
    publicUrl: config.MAILSETUP_PUBLIC_URL,
    widgetOrigins: config.MAILSETUP_WIDGET_ORIGINS,
    ...(env.ASSETS ? { readAsset: assetReader(env.ASSETS) } : {}),
    reports: createD1ReportStore(env.DB),
    retention: {
      reportMs: config.MAILSETUP_REPORT_TTL_DAYS * 24 * 60 * 60 * 1000,
      verifiedMs: config.MAILSETUP_VERIFIED_TTL_HOURS * 60 * 60 * 1000,
    },
  })
  const limit = env.RATE_LIMITER ? bindingLimit(env.RATE_LIMITER, RATE_LIMIT_PERIOD_SECONDS) : null
  return async (request, workerEnv) =>
    notHere(request) ?? (await limit?.(request, clientOf(request))) ?? app.fetch(request, workerEnv)
}

/**
 * The login test (imapflow, nodemailer, node-pop3 over node:net/tls) is not offered here: it is
 * not verified on workerd's node:net/tls, which run over cloudflare:sockets. The page hides the
 * step when the route answers 501.
 */
const NOT_ON_WORKERS = new Set(['/api/v1/login-test'])

const notHere = (request: Request): Response | null => {
  if (!NOT_ON_WORKERS.has(new URL(request.url).pathname)) return null
  const { status, body } = apiErrorBody(
    'NOT_AVAILABLE_IN_THIS_DEPLOYMENT',
    'The login test is not available on Cloudflare Workers; use the Node deployment.',
  )
  return Response.json(body, { status })
}

/** The client, for the limits: Cloudflare sets CF-Connecting-IP (IPv6 by its /64). */
const clientOf = (request: Request) =>
  clientKeyOf(request.headers.get('cf-connecting-ip') ?? 'unknown')

/** The handler for this isolate's env, built on its first request. */
const handlers = new WeakMap<WorkerEnv, Handler>()
const handlerFor = (env: WorkerEnv): Handler => {
  let handler = handlers.get(env)
  if (!handler) {
    try {
      handler = buildApp(env, loadWorkerConfig(env))
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err
      handler = misconfigured(err)
    }
    handlers.set(env, handler)
  }
  return handler
}

export default {
  fetch(request: Request, env: WorkerEnv): Promise<Response> | Response {
    return handlerFor(env)(request, env)
  },
  /** The cron trigger of wrangler.toml: drops expired reports and verified settings. */
  async scheduled(_controller: unknown, env: WorkerEnv): Promise<void> {
    if (env.DB) await createD1ReportStore(env.DB).purgeExpired(Date.now())
  },
}
