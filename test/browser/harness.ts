/**
 * What the browser tests share: the real Node app on a random port (built like src/node.ts,
 * pointed at the lab when given), extra tiny servers for "other origin" pages, Chromium from
 * Debian through playwright-core, axe-core, and screenshots under test/artifacts/.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { type Browser, type Page, chromium } from 'playwright-core'
import { type AppDeps, createApp } from '../../src/app.ts'
import { createCachingResolver } from '../../src/dns/caching-resolver.ts'
import { createNodeResolver } from '../../src/dns/resolver-node.ts'
import { createNodeHttpGet } from '../../src/discovery/http-node.ts'
import { settingsFromProviders } from '../../src/formats/settings.ts'
import { createLogger } from '../../src/logger.ts'
import { createHostLimiter } from '../../src/probes/host-limiter.ts'
import { createNodeConnect } from '../../src/probes/socket-node.ts'
import { createProviderIndex, loadBuiltInProviders } from '../../src/providers/index.ts'
import { autoconfigRoutes } from '../../src/routes/autoconfig.ts'
import { guidesRoutes } from '../../src/routes/guides.ts'
import { mobileconfigRoutes } from '../../src/routes/mobileconfig.ts'
import { type WebDeps, webRoutes } from '../../src/routes/web.ts'
import { parseCidrList } from '../../src/security/address-policy.ts'
import { widgetCors } from '../../src/security/cors.ts'
import { createRateLimiter } from '../../src/security/rate-limit.ts'
import { createSocketBudget } from '../../src/security/socket-budget.ts'
import { createTargetGuard } from '../../src/security/target-guard.ts'
import type { LabInfo } from '../lab/lab-info.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
export const PUBLIC_DIR = `${root}public`
export const ARTIFACTS = `${root}test/artifacts`
const AXE = readFileSync(`${root}node_modules/axe-core/axe.min.js`, 'utf8')

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS })

const listen = (server: Server) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  })

export interface TestServer {
  url: string
  close(): Promise<void>
  /** Routes the harness had to add because src/app.ts does not mount them yet. */
  added: string[]
}

/** What src/app.ts is expected to take once the web wiring lands (see the report of issue 6). */
type WebAppDeps = AppDeps & { widgetOrigins: string[]; readAsset: WebDeps['readAsset'] }

/**
 * The real app (createApp, Node adapters, public/ static files) on 127.0.0.1:random.
 * With a lab: its DNS, its address range and its CA, like the live tests.
 */
export const startApp = async (options: { lab?: LabInfo; widgetOrigins?: string[] } = {}): Promise<TestServer> => {
  const lab = options.lab
  const resolver = createCachingResolver(createNodeResolver({ servers: lab ? [lab.dns] : ['127.0.0.1:9'] }))
  const ca = lab ? [lab.caPem] : undefined
  const guard = createTargetGuard({
    resolver,
    allow: parseCidrList(lab ? lab.allowCidr : '127.0.0.0/8'),
    ports: [25, 110, 143, 465, 587, 993, 995],
  })
  const providers = createProviderIndex(loadBuiltInProviders())
  const widgetOrigins = options.widgetOrigins ?? []
  const readAsset: WebDeps['readAsset'] = (name) => readFile(`${PUBLIC_DIR}/${name}`, 'utf8').catch(() => null)
  const deps: WebAppDeps = {
    logger: createLogger({ level: 'silent', write: () => undefined }),
    resolver,
    providers,
    httpGet: createNodeHttpGet({ guard, ca, timeoutMs: 1_500 }),
    probe: {
      guard,
      connect: createNodeConnect({ ca }),
      limiter: createHostLimiter(8),
      timeoutMs: 5_000,
      ehloName: 'probe.mailsetup.invalid',
    },
    budget: createSocketBudget(200),
    rateLimiter: createRateLimiter(10_000),
    clientKey: () => 'browser-test',
    assets: serveStatic({ root: PUBLIC_DIR }),
    widgetOrigins,
    readAsset,
  }
  const app = createApp(deps)

  // Until src/app.ts mounts them (issues 5 and 6), put the missing routes in front of the app.
  const added: string[] = []
  const outer = new Hono()
  const foreign = await app.request('http://self.test/api/v1/providers?q=qq', {
    method: 'OPTIONS',
    headers: { origin: 'http://not-allowed.test', 'access-control-request-method': 'GET' },
  })
  if (foreign.status !== 403) {
    outer.use('/api/*', widgetCors(widgetOrigins))
    added.push('widgetCors')
  }
  if ((await app.request('/widget.js')).status !== 200) {
    outer.route('/', webRoutes({ readAsset }))
    added.push('webRoutes')
  }
  const settings = settingsFromProviders(providers)
  if ((await app.request('/api/v1/guides/foxmail?email=ann@qq.com')).status === 404) {
    outer.route('/api/v1/guides', guidesRoutes({ settings }))
    added.push('guidesRoutes')
  }
  if ((await app.request('/mobileconfig?emailaddress=ann@qq.com')).status === 404) {
    outer.route('/', mobileconfigRoutes({ settings }))
    added.push('mobileconfigRoutes')
  }
  if ((await app.request('/mail/config-v1.1.xml?emailaddress=ann@qq.com')).status === 404) {
    outer.route('/', autoconfigRoutes({ settings }))
    added.push('autoconfigRoutes')
  }
  outer.all('*', (c) => app.fetch(c.req.raw, c.env))
  if (added.length > 0) console.warn(`browser tests: the app does not mount ${added.join(', ')} yet; the harness adds them`)

  const server = serve({ fetch: outer.fetch, hostname: '127.0.0.1', port: 0 }) as Server
  const port = await new Promise<number>((resolve) => {
    const address = server.address()
    if (address && typeof address === 'object') resolve(address.port)
    else server.once('listening', () => resolve((server.address() as AddressInfo).port))
  })
  return { url: `http://127.0.0.1:${port}`, close: () => closeServer(server), added }
}

/** A tiny server for pages on another origin: `pages` maps a path to its HTML (fill it in later if need be). */
export const startHostPage = async (pages: Record<string, string> = {}) => {
  const server = createServer((req, res) => {
    const html = pages[new URL(req.url ?? '/', 'http://x').pathname]
    res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(html ?? 'not found')
  })
  const port = await listen(server)
  return { origin: `http://127.0.0.1:${port}`, pages, close: () => closeServer(server) }
}

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: unknown[]; failureSummary?: string }[]
}

/** axe-core on the current page (shadow roots included); returns serious and critical violations. */
export const seriousViolations = async (page: Page, context = 'document'): Promise<AxeViolation[]> => {
  await page.addScriptTag({ content: AXE })
  // A function as text: the test code is checked against Node's types, not the DOM's.
  const violations = (await page.evaluate(
    `(async () => (await axe.run(${context === 'document' ? 'document' : JSON.stringify(context)})).violations)()`,
  )) as AxeViolation[]
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

export const screenshot = async (page: Page, name: string) => {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true })
}
