/**
 * @module
 * The Node entry: reads the configuration, wires the Node adapters (sockets, DNS, static files)
 * into createApp and serves it with @hono/node-server.
 */
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Context } from 'hono'
import { createApp } from './app.ts'
import { type Config, ConfigError, loadConfig } from './config.ts'
import { createCachingResolver } from './dns/caching-resolver.ts'
import { createNodeResolver } from './dns/resolver-node.ts'
import { createNodeHttpGet } from './discovery/http-node.ts'
import { createLogger } from './logger.ts'
import { createHostLimiter } from './probes/host-limiter.ts'
import { createProviderIndex, loadBuiltInProviders, ProvidersFileError } from './providers/index.ts'
import { loadOverlayFile } from './providers/overlay-file.ts'
import { loadProfileSigner } from './formats/sign-node.ts'
import { createNodeConnect } from './probes/socket-node.ts'
import { createRateLimiter } from './security/rate-limit.ts'
import { createSocketBudget } from './security/socket-budget.ts'
import { createTargetGuard } from './security/target-guard.ts'

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

/** The built-in database with the operator's file over it; a bad file stops the process. */
const readProviders = (config: Config) => {
  try {
    const overlay = config.MAILSETUP_PROVIDERS_FILE ? loadOverlayFile(config.MAILSETUP_PROVIDERS_FILE) : []
    return createProviderIndex(loadBuiltInProviders(), overlay)
  } catch (err) {
    if (err instanceof ProvidersFileError) {
      console.error(`Invalid configuration: MAILSETUP_PROVIDERS_FILE: ${err.message}`)
      process.exit(1)
    }
    throw err
  }
}

const clientKeyFor = (config: Config) => (c: Context) => {
  if (config.MAILSETUP_TRUST_PROXY) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  return getConnInfo(c).remote.address ?? 'unknown'
}

/** The profile signer when a certificate and key are configured; a bad pair stops the process. */
const readSigner = async (config: Config) => {
  if (!config.MAILSETUP_PROFILE_CERT || !config.MAILSETUP_PROFILE_KEY) return undefined
  try {
    return await loadProfileSigner({ certPath: config.MAILSETUP_PROFILE_CERT, keyPath: config.MAILSETUP_PROFILE_KEY })
  } catch (err) {
    console.error(`Invalid configuration: MAILSETUP_PROFILE_CERT/MAILSETUP_PROFILE_KEY: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  }
}

const publicDir = fileURLToPath(new URL('../public', import.meta.url))

export const buildNodeApp = async (config: Config) => {
  const logger = createLogger({ level: config.LOG_LEVEL, write: (line) => process.stdout.write(`${line}\n`) })
  const resolver = createCachingResolver(createNodeResolver({ servers: config.MAILSETUP_DNS_SERVERS }))
  const ca = config.MAILSETUP_EXTRA_CA ? [readFileSync(config.MAILSETUP_EXTRA_CA, 'utf8')] : undefined
  const guard = createTargetGuard({ resolver, allow: config.MAILSETUP_ALLOW_TARGETS, ports: config.MAILSETUP_PROBE_PORTS })
  const app = createApp({
    logger,
    resolver,
    providers: readProviders(config),
    signProfile: await readSigner(config),
    httpGet: createNodeHttpGet({ guard, ca }),
    probe: {
      guard,
      connect: createNodeConnect({ ca }),
      limiter: createHostLimiter(config.MAILSETUP_MAX_PER_HOST),
      timeoutMs: config.MAILSETUP_PROBE_TIMEOUT_MS,
      ehloName: config.MAILSETUP_EHLO_NAME,
    },
    budget: createSocketBudget(config.MAILSETUP_MAX_PROBE_SOCKETS),
    rateLimiter: createRateLimiter(config.MAILSETUP_RATE_LIMIT),
    clientKey: clientKeyFor(config),
    widgetOrigins: config.MAILSETUP_WIDGET_ORIGINS,
    readAsset: (name) => readFile(`${publicDir}/${name}`, 'utf8').catch(() => null),
    assets: serveStatic({ root: publicDir }),
  })
  return { app, logger }
}

const main = async () => {
  const config = readConfig()
  const { app, logger } = await buildNodeApp(config)
  const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, (info) => {
    logger.info('listening', { url: `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${info.port}` })
  })
  const stop = () => server.close(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

await main()
