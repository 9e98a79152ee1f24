/**
 * createService wired for tests: loopback targets allowed on the given ports, logs captured, the
 * runtime's own adapters (test-runtime.ts: Node under `unit`, Workers under `workerd`).
 */
import { type AppDeps, createService } from '../../src/app.ts'
import { createLogger } from '../../src/logger.ts'
import { createHostLimiter } from '../../src/probes/host-limiter.ts'
import { type Cidr, parseCidrList } from '../../src/security/address-policy.ts'
import { type Limits, createCostMeter, meteredResolver } from '../../src/security/costs.ts'
import { createNodeContextStore } from '../../src/util/context-store-node.ts'
import { createSocketBudget } from '../../src/security/socket-budget.ts'
import { createTargetGuard } from '../../src/security/target-guard.ts'
import type { Resolver } from '../../src/dns/resolver.ts'
import {
  type ProviderIndex,
  createProviderIndex,
  loadBuiltInProviders,
} from '../../src/providers/index.ts'
import { noDns } from './probe-deps.ts'
import { testRuntime } from './test-runtime.ts'
import type { ReportStore } from '../../src/diagnose/store.ts'

export interface TestAppOptions {
  ports?: number[]
  allow?: Cidr[]
  resolver?: Resolver
  /** Per-client limits a minute (default: 1,000 probe sockets, 10,000 lookups and requests). */
  limits?: Partial<Limits>
  maxSockets?: number
  ca?: string[]
  timeoutMs?: number
  providers?: ProviderIndex
  /** Extra CAs the autoconfig fetches trust (the lab CA); by default Node's roots only. */
  httpCa?: string[]
  /** Budget of one autoconfig fetch (default 1 s). */
  httpTimeoutMs?: number
  /** Silence before the probe nudges a server (default 500 ms, shorter than the service's). */
  nudgeMs?: number
  /** The report store (default: a fresh in-memory SQLite database). */
  reports?: ReportStore
  retention?: AppDeps['retention']
  now?: () => number
  /** MAILSETUP_PUBLIC_URL; default http://localhost, the origin app.request() uses. */
  publicUrl?: string
  /** The login test's attempts and failure limit (POST /api/v1/login-test answers 404 without). */
  login?: AppDeps['login']
  trustProxy?: boolean
  /** The metric registry and who may read GET /metrics (default: none, off). */
  metrics?: Pick<AppDeps, 'metrics' | 'metricsAccess'>
  /** The page, the widget and their origins, for tests in a browser. */
  web?: Pick<AppDeps, 'widgetOrigins' | 'readAsset' | 'assets'>
}

let builtIn: ProviderIndex | null = null
/** The built-in provider database, loaded once for all test apps. */
const builtInIndex = () => (builtIn ??= createProviderIndex(loadBuiltInProviders()))

export const createTestApp = (options: TestAppOptions = {}) => {
  const logs: string[] = []
  const costs = createCostMeter({
    limits: { requests: 10_000, lookups: 10_000, probes: 1_000, ...options.limits },
    store: createNodeContextStore(),
  })
  // The test resolvers have no cache of their own: every query they answer is billed.
  const resolver = meteredResolver(costs, options.resolver ?? noDns)
  const guard = createTargetGuard({
    resolver,
    allow: options.allow ?? parseCidrList('127.0.0.0/8'),
    ports: options.ports ?? [25, 110, 143, 465, 587, 993, 995],
  })
  const { app, known } = createService({
    logger: createLogger({ level: 'debug', write: (line) => logs.push(line) }),
    resolver,
    providers: options.providers ?? builtInIndex(),
    httpGet: testRuntime.httpGet(guard, {
      ca: options.httpCa,
      timeoutMs: options.httpTimeoutMs ?? 1_000,
    }),
    probe: {
      guard,
      connect: testRuntime.connect({ ca: options.ca }),
      limiter: createHostLimiter(8),
      timeoutMs: options.timeoutMs ?? 3_000,
      nudgeMs: options.nudgeMs ?? 500,
    },
    budget: createSocketBudget(options.maxSockets ?? 100),
    costs,
    clientKey: (c) => c.req.header('x-test-client') ?? 'test',
    reports: options.reports ?? testRuntime.reports(),
    retention: options.retention,
    now: options.now,
    publicUrl: options.publicUrl ?? 'http://localhost',
    login: options.login,
    trustProxy: options.trustProxy,
    ...options.metrics,
    ...options.web,
  })
  return { app, known, logs, costs }
}

export const postJson = (
  app: ReturnType<typeof createTestApp>['app'],
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
