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
import { type Browser, type Page, chromium } from 'playwright-core'
import { createCachingResolver } from '../../src/dns/caching-resolver.ts'
import { createNodeResolver } from '../../src/dns/resolver-node.ts'
import { GREETING_NUDGE_MS } from '../../src/probes/probe.ts'
import { createNodeLoginAttempts } from '../../src/login/attempts-node.ts'
import type { ProviderIndex } from '../../src/providers/index.ts'
import { parseCidrList } from '../../src/security/address-policy.ts'
import { createTestApp } from '../fake/test-app.ts'
import type { LabInfo } from '../lab/lab-info.ts'

export { withLabCorp } from '../lab/lab-corp.ts'

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
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  )

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  })

export interface TestServer {
  url: string
  close(): Promise<void>
  /** How many requests the app has answered for `method path` so far (from its request log). */
  served(method: string, path: string): number
}

/**
 * The real app (createApp, Node adapters, public/ static files) on 127.0.0.1:random.
 * With a lab: its DNS, its address range and its CA, like the live tests.
 */
export const startApp = async (
  options: {
    lab?: LabInfo
    widgetOrigins?: string[]
    providers?: ProviderIndex
    /** Without the login test (POST /api/v1/login-test answers 404, as on a runtime without it). */
    noLogin?: boolean
  } = {},
): Promise<TestServer> => {
  const lab = options.lab
  const ca = lab ? [lab.caPem] : undefined
  // The app's public URL names the port, known once the server listens: the server forwards
  // to the app built right after.
  let fetch: ((req: Request) => Response | Promise<Response>) | null = null
  const server = serve({
    fetch: (req) => fetch?.(req) ?? new Response('starting', { status: 503 }),
    hostname: '127.0.0.1',
    port: 0,
  }) as Server
  const port = await new Promise<number>((resolve) => {
    const address = server.address()
    if (address && typeof address === 'object') resolve(address.port)
    else server.once('listening', () => resolve((server.address() as AddressInfo).port))
  })
  const url = `http://127.0.0.1:${port}`
  const { app, logs } = createTestApp({
    publicUrl: url,
    resolver: createCachingResolver(
      createNodeResolver({ servers: lab ? [lab.dns] : ['127.0.0.1:9'] }),
    ),
    allow: parseCidrList(lab ? lab.allowCidr : '127.0.0.0/8'),
    ca,
    httpCa: ca,
    httpTimeoutMs: 1_500,
    timeoutMs: 5_000,
    nudgeMs: GREETING_NUDGE_MS,
    maxSockets: 200,
    limits: { probes: 10_000 },
    providers: options.providers,
    login: options.noLogin ? undefined : { attempts: createNodeLoginAttempts({ ca }) },
    web: {
      widgetOrigins: options.widgetOrigins ?? [],
      readAsset: (name) => readFile(`${PUBLIC_DIR}/${name}`, 'utf8').catch(() => null),
      assets: serveStatic({ root: PUBLIC_DIR }),
    },
  })

  fetch = (req) => app.fetch(req)
  const served = (method: string, path: string) =>
    logs.filter((line) => {
      const entry = JSON.parse(line) as { msg?: string; method?: string; path?: string }
      return entry.msg === 'request' && entry.method === method && entry.path === path
    }).length
  return { url, close: () => closeServer(server), served }
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
export const seriousViolations = async (
  page: Page,
  context = 'document',
): Promise<AxeViolation[]> => {
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

/**
 * Types an address into the page's form and submits with Enter; waits for the final report
 * (its helpdesk details appear). `probe: false` unticks the live check first.
 */
export const checkAddress = async (
  page: Page,
  email: string,
  options: { probe?: boolean; timeoutMs?: number } = {},
) => {
  if (options.probe === false) await page.getByRole('checkbox', { name: /live|实时/ }).uncheck()
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="email"]').press('Enter')
  await page
    .locator('details.helpdesk:not([hidden])')
    .waitFor({ timeout: options.timeoutMs ?? 30_000 })
}

/** The page's scroll width: wider than the viewport means the layout scrolls sideways. */
export const scrollWidth = (page: Page) =>
  page.evaluate('document.scrollingElement.scrollWidth') as Promise<number>
