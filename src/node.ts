/**
 * @module
 * The Node entry: reads the configuration, wires the Node adapters (sockets, DNS, static files)
 * into createApp and serves it with @hono/node-server.
 */
import cluster from 'node:cluster'
import { FAILURE_SECRET_ENV, runPrimary } from './cluster-primary.ts'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { X509Certificate, randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { getRequestListener } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Context } from 'hono'
import { LRUCache } from 'lru-cache'
import { createService, requestIdFor } from './app.ts'
import { type Config, ConfigError, loadConfig } from './config.ts'
import { createCachingResolver } from './dns/caching-resolver.ts'
import { createNodeResolver } from './dns/resolver-node.ts'
import { createNodeHttpGet } from './discovery/http-node.ts'
import { type Logger, createLogger } from './logger.ts'
import { createNodeLoginAttempts } from './login/attempts-node.ts'
import { openSqliteFailureLimit } from './login/failure-limit-sqlite-node.ts'
import { createHostLimiter } from './probes/host-limiter.ts'
import { createProviderIndex, loadBuiltInProviders } from './providers/index.ts'
import { openSqliteReportStore } from './diagnose/store-sqlite-node.ts'
import type { ReportStore } from './diagnose/store.ts'
import { createNodeConnect } from './probes/socket-node.ts'
import { knownNodeAnswers } from './routes/known-answers-node.ts'
import { createCostMeter, meteredResolver } from './security/costs.ts'
import { clientKeyOf } from './security/client-key.ts'
import { createSocketBudget } from './security/socket-budget.ts'
import { createTargetGuard } from './security/target-guard.ts'
import { createNodeContextStore } from './util/context-store-node.ts'

const readConfig = (): Config => {
  try {
    return loadConfig(process.env)
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message)
      process.exit(1)
    }
    throw err
  }
}

/** Runs a start-up step that reads what `variable` names; any failure stops the process naming it. */
const orStop = async <T>(variable: string, step: () => T | Promise<T>): Promise<T> => {
  try {
    return await step()
  } catch (err) {
    console.error(
      `Invalid configuration: ${variable}: ${err instanceof Error ? err.message : String(err)}`,
    )
    process.exit(1)
  }
}

/** Client keys remembered by address: parsing an address per request was 3 % of a kept answer. */
const MAX_KNOWN_ADDRESSES = 1_000

/** The client for the limits: the first X-Forwarded-For hop behind a trusted proxy, else the peer. */
const clientKeyFrom = (config: Config) => {
  const keys = new LRUCache<string, string>({ max: MAX_KNOWN_ADDRESSES })
  const keyOf = (address: string) => {
    let key = keys.get(address)
    if (key === undefined) keys.set(address, (key = clientKeyOf(address)))
    return key
  }
  return (forwardedFor: string | undefined, remote: string | undefined) => {
    if (config.MAILSETUP_TRUST_PROXY) {
      const forwarded = forwardedFor?.split(',')[0]?.trim()
      if (forwarded) return keyOf(forwarded)
    }
    return keyOf(remote ?? 'unknown')
  }
}

/**
 * A service-wide figure shared out among the worker processes (MAILSETUP_WORKERS), so that
 * together they never pass it: each gets its share, at least 1.
 */
const share = (total: number, workers: number) => Math.max(1, Math.floor(total / workers))

/** How often expired reports are purged while the service runs. */
const PURGE_EVERY_MS = 60 * 60 * 1000

/** Opens the database (MAILSETUP_DATABASE) and purges what expired; stops the process naming it when it cannot. */
const openReports = async (config: Config) => {
  const path = config.MAILSETUP_DATABASE
  const store = await orStop('MAILSETUP_DATABASE', () => {
    try {
      return openSqliteReportStore(path)
    } catch (err) {
      throw new Error(`${path}: ${err instanceof Error ? err.message : String(err)}`)
    }
  })
  await orStop('MAILSETUP_DATABASE', () => store.purgeExpired(Date.now()))
  return store
}

/** Purges expired reports every hour; the timer never keeps the process alive. */
const schedulePurge = (store: ReportStore, logger: Logger) => {
  const timer = setInterval(() => {
    store
      .purgeExpired(Date.now())
      .then((purged) => purged > 0 && logger.info('purged expired reports', { purged }))
      .catch((err: unknown) => logger.error('purge failed', { err }))
  }, PURGE_EVERY_MS)
  timer.unref()
  return timer
}

/**
 * The login failure count's secret: the cluster primary's for a worker, so that all workers count
 * together; a new one for a single process. Taken out of the environment once read.
 */
const failureSecret = () => {
  const given = process.env[FAILURE_SECRET_ENV]
  delete process.env[FAILURE_SECRET_ENV]
  return cluster.isWorker && given ? given : randomBytes(32).toString('hex')
}

const publicDir = fileURLToPath(new URL('../public', import.meta.url))

export const buildNodeApp = async (config: Config) => {
  // JSON lines on stdout through pino's asynchronous destination, flushed on exit.
  const logger = createLogger({ level: config.LOG_LEVEL })
  const workers = config.MAILSETUP_WORKERS
  const costs = createCostMeter({
    limits: {
      requests: share(config.MAILSETUP_REQUEST_LIMIT, workers),
      lookups: share(config.MAILSETUP_LOOKUP_LIMIT, workers),
      probes: share(config.MAILSETUP_RATE_LIMIT, workers),
    },
    store: createNodeContextStore(),
  })
  const resolver = createCachingResolver(
    meteredResolver(costs, createNodeResolver({ servers: config.MAILSETUP_DNS_SERVERS })),
  )
  const { MAILSETUP_EXTRA_CA: caFile, MAILSETUP_PROVIDERS_FILE: providersFile } = config
  const { MAILSETUP_PROFILE_CERT: certPath, MAILSETUP_PROFILE_KEY: keyPath } = config
  const readCa = async (path: string) => {
    const pem = await readFile(path, 'utf8')
    new X509Certificate(pem) // throws for a file that holds no certificate
    return pem
  }
  const ca = caFile ? [await orStop('MAILSETUP_EXTRA_CA', () => readCa(caFile))] : undefined
  const overlay = providersFile
    ? await orStop('MAILSETUP_PROVIDERS_FILE', async () => {
        // Loaded only when used (yaml, node-forge): a start without them is faster and smaller.
        const { loadOverlayFile } = await import('./providers/overlay-file-node.ts')
        return loadOverlayFile(providersFile)
      })
    : []
  const signProfile =
    certPath && keyPath
      ? await orStop('MAILSETUP_PROFILE_CERT/MAILSETUP_PROFILE_KEY', () =>
          import('./formats/sign-node.ts').then((m) => m.loadProfileSigner({ certPath, keyPath })),
        )
      : undefined
  const reports = await openReports(config)
  schedulePurge(reports, logger)
  // In the reports' file, so that every worker process counts the same failures.
  const failures = await orStop('MAILSETUP_DATABASE', () =>
    openSqliteFailureLimit(config.MAILSETUP_DATABASE, {
      ...config.MAILSETUP_LOGIN_FAILURE_LIMIT,
      secret: failureSecret(),
    }),
  )
  const guard = createTargetGuard({
    resolver,
    allow: config.MAILSETUP_ALLOW_TARGETS,
    ports: config.MAILSETUP_PROBE_PORTS,
  })
  const clientKey = clientKeyFrom(config)
  const { app, known } = createService({
    logger,
    resolver,
    providers: createProviderIndex(loadBuiltInProviders(), overlay),
    signProfile,
    httpGet: createNodeHttpGet({ guard, ca }),
    probe: {
      guard,
      connect: createNodeConnect({ ca }),
      limiter: createHostLimiter(share(config.MAILSETUP_MAX_PER_HOST, workers)),
      timeoutMs: config.MAILSETUP_PROBE_TIMEOUT_MS,
      ehloName: config.MAILSETUP_EHLO_NAME,
    },
    budget: createSocketBudget(share(config.MAILSETUP_MAX_PROBE_SOCKETS, workers)),
    costs,
    // prom-client (60 ms and some MB at start) only when the metrics are on.
    metrics:
      config.MAILSETUP_METRICS || config.MAILSETUP_METRICS_TOKEN
        ? (await import('./metrics/registry-prom-node.ts')).createPromRegistry()
        : undefined,
    metricsAccess: { open: config.MAILSETUP_METRICS, token: config.MAILSETUP_METRICS_TOKEN },
    clientKey: (c: Context) =>
      clientKey(c.req.header('x-forwarded-for'), getConnInfo(c).remote.address),
    widgetOrigins: config.MAILSETUP_WIDGET_ORIGINS,
    publicUrl: config.MAILSETUP_PUBLIC_URL,
    readAsset: (name) => readFile(`${publicDir}/${name}`, 'utf8').catch(() => null),
    assets: serveStatic({ root: publicDir }),
    reports,
    login: {
      attempts: createNodeLoginAttempts({ ca, clientName: config.MAILSETUP_EHLO_NAME }),
      failureLimit: config.MAILSETUP_LOGIN_FAILURE_LIMIT,
      failures,
    },
    trustProxy: config.MAILSETUP_TRUST_PROXY,
    retention: {
      reportMs: config.MAILSETUP_REPORT_TTL_DAYS * 24 * 60 * 60 * 1000,
      verifiedMs: config.MAILSETUP_VERIFIED_TTL_HOURS * 60 * 60 * 1000,
    },
  })
  const answerKnown = knownNodeAnswers({
    known,
    costs,
    logger,
    clientKey,
    requestId: requestIdFor,
  })
  return { app, answerKnown, logger, reports, failures }
}

const main = async () => {
  const config = readConfig()
  if (config.MAILSETUP_WORKERS > 1 && cluster.isPrimary) return runPrimary(config.MAILSETUP_WORKERS)
  const { app, answerKnown, logger, reports, failures } = await buildNodeApp(config)
  const listener = getRequestListener(app.fetch)
  const server = createServer((req, res) => {
    if (!answerKnown(req, res)) void listener(req, res)
  })
  server.listen(config.PORT, config.HOST, () => {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : config.PORT
    const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST
    logger.info('listening', { url: `http://${host}:${port}` })
  })
  const stop = () =>
    server.close(() => {
      reports.close()
      failures.close()
      void logger.flush().finally(() => process.exit(0))
    })
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

await main()
