/**
 * npm run soak: a bounded soak of the whole service over real HTTP on loopback. Mixed traffic
 * for SOAK_SECONDS (default 600): lookups (provider database and lab domains), diagnoses with
 * probes against the real lab (Dovecot, Postfix, dnsmasq), probes of hostile scripted servers
 * (silent, a flood, a trickle, a reset, a never-ending line) and the client endpoints (Mozilla
 * XML, Autodiscover, the Apple profile, guides, stored reports). Every SOAK_REPORT_SECONDS
 * (default 30) it prints RSS, the heap after a forced GC, open descriptors and event-loop lag.
 * Targets: descriptors back to the baseline once the traffic stops, heap after GC flat, no 5xx;
 * exits 1 when one is missed. Needs root (the lab binds low ports) and the lab lock:
 *   flock /tmp/mailsetup-lab.lock npm run soak
 */
import { readdirSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { serve } from '@hono/node-server'
import { createApp } from '../src/app.ts'
import { openSqliteReportStore } from '../src/diagnose/store-sqlite-node.ts'
import { createCachingResolver } from '../src/dns/caching-resolver.ts'
import { createNodeResolver } from '../src/dns/resolver-node.ts'
import { createNodeHttpGet } from '../src/discovery/http-node.ts'
import { createLogger } from '../src/logger.ts'
import { createHostLimiter } from '../src/probes/host-limiter.ts'
import { MATRIX } from '../src/probes/matrix.ts'
import { createNodeConnect } from '../src/probes/socket-node.ts'
import { createProviderIndex, loadBuiltInProviders } from '../src/providers/index.ts'
import { parseCidrList } from '../src/security/address-policy.ts'
import { createCostMeter, meteredResolver } from '../src/security/costs.ts'
import { createSocketBudget } from '../src/security/socket-budget.ts'
import { createTargetGuard } from '../src/security/target-guard.ts'
import { createNodeContextStore } from '../src/util/context-store-node.ts'
import type { FakeServer } from '../test/fake/fake-server.ts'
import { startMailServer } from '../test/fake/mail-server.ts'
import { type Lab, startLab } from '../test/lab/lab.ts'

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600)
const REPORT_SECONDS = Number(process.env.SOAK_REPORT_SECONDS ?? 30)
/** Requests in flight at once, over all kinds of traffic. */
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 16)
for (const [name, value] of [
  ['SOAK_SECONDS', SECONDS],
  ['SOAK_REPORT_SECONDS', REPORT_SECONDS],
  ['SOAK_CONCURRENCY', CONCURRENCY],
] as const) {
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`${name} must be a positive number`)
    process.exit(2)
  }
}

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) {
  console.error('run with --expose-gc (npm run soak does)')
  process.exit(2)
}

const openFds = () => readdirSync('/proc/self/fd').length
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    gc()
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** Hostile servers no real one imitates; each probe of them must end in a result, not a leak. */
const startHostile = async (): Promise<Record<string, FakeServer>> => ({
  silent: await startMailServer('imap', { mute: true }),
  flood: await startMailServer('imap', { greeting: { raw: Buffer.alloc(256 * 1024, 0x41) } }),
  trickle: await startMailServer('smtp', {
    greeting: { reply: '220 slow.test ESMTP', pieceBytes: 1, pauseMs: 150 },
  }),
  reset: await startMailServer('pop3', { greeting: { reply: '+OK', then: 'reset' } }),
  closes: await startMailServer('smtp', { greeting: { reply: '220 x', then: 'close' } }),
  http: await startMailServer('imap', { greeting: null, unknown: 'HTTP/1.1 400 Bad Request' }),
})

const buildApp = (lab: Lab, hostilePorts: number[]) => {
  const costs = createCostMeter({
    limits: { requests: 1e9, lookups: 1e9, probes: 1e9 },
    store: createNodeContextStore(),
  })
  const resolver = createCachingResolver(
    meteredResolver(costs, createNodeResolver({ servers: [lab.dns] })),
  )
  const guard = createTargetGuard({
    resolver,
    allow: parseCidrList(`${lab.allowCidr},127.0.0.1/32`),
    ports: [...new Set([...MATRIX.map((entry) => entry.port), ...hostilePorts])],
  })
  return createApp({
    logger: createLogger({ level: 'silent', write: () => undefined }),
    resolver,
    providers: createProviderIndex(loadBuiltInProviders()),
    reports: openSqliteReportStore(':memory:'),
    httpGet: createNodeHttpGet({ guard, ca: [lab.caPem] }),
    probe: {
      guard,
      connect: createNodeConnect({ ca: [lab.caPem] }),
      limiter: createHostLimiter(),
      timeoutMs: 4_000,
    },
    budget: createSocketBudget(4_096),
    costs,
    clientKey: () => 'soak',
    publicUrl: 'http://127.0.0.1',
  })
}

interface Answer {
  status: number
  body: string
}

let stopLab: (() => Promise<void>) | null = null
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the lab`)
    void (stopLab?.() ?? Promise.resolve()).finally(() => process.exit(130))
  })
}

const main = async () => {
  const lab = await startLab()
  stopLab = () => lab.stop()
  const hostile = await startHostile()
  const server = serve({
    fetch: buildApp(
      lab,
      Object.values(hostile).map((s) => s.port),
    ).fetch,
    hostname: '127.0.0.1',
    port: 0,
  })
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })

  const send = (method: string, path: string, body?: { type: string; text: string }) =>
    new Promise<Answer>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          agent,
          headers: body ? { 'content-type': body.type } : {},
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          )
          res.on('error', reject)
        },
      )
      req.on('error', reject)
      req.end(body?.text)
    })
  const json = (value: unknown) => ({ type: 'application/json', text: JSON.stringify(value) })

  const reportIds: string[] = []
  const labEmails = ['alice@example.test', 'bob@lab.test', 'someone@viamx.test']
  const dbEmails = ['ann@qq.com', 'bob@163.com', 'carol@gmail.com', 'dan@outlook.com']
  const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T
  const hostileList = Object.entries(hostile)
  const protocolOf: Record<string, string> = {
    silent: 'imap',
    flood: 'imap',
    trickle: 'smtp',
    reset: 'pop3',
    closes: 'smtp',
    http: 'imap',
  }

  /** One request of a kind drawn by weight. */
  const TRAFFIC: Array<[string, number, () => Promise<Answer>]> = [
    [
      'lookup',
      30,
      () =>
        send(
          'GET',
          `/api/v1/lookup?email=${encodeURIComponent(pick([...dbEmails, ...labEmails]))}`,
        ),
    ],
    [
      'diagnose',
      10,
      async () => {
        const answer = await send('POST', '/api/v1/diagnose', json({ email: pick(labEmails) }))
        const id = (JSON.parse(answer.body) as { id?: string }).id
        if (answer.status === 200 && id) reportIds.push(id)
        return answer
      },
    ],
    [
      'hostile probe',
      15,
      () => {
        const [name, fake] = pick(hostileList)
        return send(
          'POST',
          '/api/v1/probe',
          json({ host: '127.0.0.1', port: fake.port, protocol: protocolOf[name] }),
        )
      },
    ],
    ['lab matrix', 5, () => send('POST', '/api/v1/probe', json({ host: lab.hosts.full.name }))],
    [
      'autoconfig',
      15,
      () => send('GET', `/mail/config-v1.1.xml?emailaddress=${encodeURIComponent(pick(dbEmails))}`),
    ],
    [
      'autodiscover',
      5,
      () =>
        send('POST', '/autodiscover/autodiscover.xml', {
          type: 'text/xml',
          text: `<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"><Request><EMailAddress>${pick(dbEmails)}</EMailAddress><AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema></Request></Autodiscover>`,
        }),
    ],
    [
      'mobileconfig',
      5,
      () => send('GET', `/mobileconfig?emailaddress=${encodeURIComponent(pick(dbEmails))}`),
    ],
    [
      'guide',
      10,
      () => send('GET', `/api/v1/guides/thunderbird?email=${encodeURIComponent(pick(dbEmails))}`),
    ],
    [
      'stored report',
      5,
      () =>
        reportIds.length
          ? send('GET', `/api/v1/reports/${pick(reportIds)}`)
          : send('GET', '/api/v1/reports/nope'),
    ],
  ]
  const totalWeight = TRAFFIC.reduce((sum, [, weight]) => sum + weight, 0)
  const draw = () => {
    let left = Math.random() * totalWeight
    for (const entry of TRAFFIC) {
      left -= entry[1]
      if (left < 0) return entry
    }
    return TRAFFIC[0] as (typeof TRAFFIC)[number]
  }

  const counts = new Map<string, Map<number, number>>()
  let fiveXx = 0
  let failures = 0
  const fiveXxSamples: string[] = []
  const record = (kind: string, status: number, body: string) => {
    const byStatus = counts.get(kind) ?? new Map<number, number>()
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1)
    counts.set(kind, byStatus)
    if (status >= 500) {
      fiveXx++
      if (fiveXxSamples.length < 5) fiveXxSamples.push(`${kind} ${status} ${body.slice(0, 200)}`)
    }
  }

  // Warm-up: each kind once, so that what is opened once and kept (the resolver's socket, the
  // lab CA's context) is in the baseline; then the client's idle sockets go.
  for (const [kind, , run] of TRAFFIC) {
    const answer = await run()
    record(kind, answer.status, answer.body)
  }
  agent.destroy()
  await new Promise((resolve) => setTimeout(resolve, 1_000))
  await settle()
  const baseline = {
    fds: openFds(),
    heap: process.memoryUsage().heapUsed,
    rss: process.memoryUsage().rss,
  }
  console.log(
    `# soak — ${SECONDS} s, ${CONCURRENCY} requests in flight, a line every ${REPORT_SECONDS} s (lab up, ${hostileList.length} hostile servers)`,
  )
  console.log(
    `baseline: rss ${mb(baseline.rss)} MB, heap after GC ${mb(baseline.heap)} MB, fds ${baseline.fds}`,
  )
  console.log('  t(s)  requests  5xx  rss(MB)  heap-after-GC(MB)  fds  lag p99/max(ms)')

  const lag = monitorEventLoopDelay({ resolution: 10 })
  lag.enable()
  const started = performance.now()
  const deadline = Date.now() + SECONDS * 1000
  let done = 0
  const heaps: number[] = []

  const worker = async () => {
    while (Date.now() < deadline) {
      const [kind, , run] = draw()
      try {
        const answer = await run()
        record(kind, answer.status, answer.body)
      } catch (err) {
        failures++
        record(kind, 0, err instanceof Error ? err.message : String(err))
      }
      done++
    }
  }
  const reporter = setInterval(() => {
    gc()
    const heap = process.memoryUsage().heapUsed
    heaps.push(heap)
    const t = ((performance.now() - started) / 1000).toFixed(0)
    console.log(
      `${t.padStart(6)}  ${String(done).padStart(8)}  ${String(fiveXx).padStart(3)}  ${mb(process.memoryUsage().rss).padStart(7)}  ${mb(heap).padStart(17)}  ${String(openFds()).padStart(3)}  ${(lag.percentile(99) / 1e6).toFixed(1)}/${(lag.max / 1e6).toFixed(1)}`,
    )
    lag.reset()
  }, REPORT_SECONDS * 1000)

  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  clearInterval(reporter)
  const elapsed = (performance.now() - started) / 1000

  // Traffic stopped: idle keep-alive sockets go, then the descriptors should be the baseline's.
  agent.destroy()
  await new Promise((resolve) => setTimeout(resolve, 2_000))
  await settle()
  const after = {
    fds: openFds(),
    heap: process.memoryUsage().heapUsed,
    rss: process.memoryUsage().rss,
  }

  console.log(
    `\n${done} requests in ${elapsed.toFixed(0)} s (${(done / elapsed).toFixed(1)}/s); client errors: ${failures}`,
  )
  for (const [kind, byStatus] of counts) {
    console.log(`  ${kind}: ${[...byStatus].map(([status, n]) => `${status}: ${n}`).join(', ')}`)
  }
  const firstHeap = heaps[0] ?? baseline.heap
  const lastHeap = heaps.at(-1) ?? after.heap
  console.log(
    `after: rss ${mb(after.rss)} MB, heap after GC ${mb(after.heap)} MB (first interval ${mb(firstHeap)}, last ${mb(lastHeap)}), fds ${after.fds} (baseline ${baseline.fds})`,
  )
  for (const sample of fiveXxSamples) console.log(`5xx: ${sample}`)

  // Heap "flat": the last interval's heap after GC within 10 % (or 5 MB) of the first one's.
  const heapGrowth = lastHeap - firstHeap
  const missed = [
    fiveXx > 0 && `${fiveXx} responses were 5xx`,
    failures > 0 && `${failures} requests failed at the HTTP level`,
    after.fds > baseline.fds && `descriptors ${after.fds} > baseline ${baseline.fds}`,
    heapGrowth > Math.max(5 * 1024 * 1024, firstHeap * 0.1) &&
      `heap after GC grew ${mb(heapGrowth)} MB between the first and the last interval`,
  ].filter(Boolean)
  for (const miss of missed) console.log(`MISSED: ${miss}`)
  if (missed.length === 0) console.log('targets met: no 5xx, descriptors at baseline, heap flat')

  server.close()
  await Promise.all(Object.values(hostile).map((s) => s.close()))
  await lab.stop()
  process.exit(missed.length ? 1 : 0)
}

await main()
