/**
 * npm run bench:limits: limits by cost, over real HTTP on loopback.
 * An office of 200 people behind one address (127.0.0.1) sets up its mail clients against the
 * service, as an organisation whose domain (in the operator's file) points here: Thunderbird
 * (both config-v1.1.xml paths), Outlook (autodiscover.json, then the POX POST) and Apple Mail
 * (mobileconfig), each person once at the start and again every few seconds. Meanwhile:
 *   - a stranger on another address (127.0.0.2) hammers POST /api/v1/probe as fast as it can;
 *   - a colleague on the office's own address probes ten times a second.
 * Both probe a scripted POP3 server on 127.0.0.1 (each probe opens one socket). The service runs
 * with the default limits. Target: no office request refused; both probers limited, with their
 * sockets held to the probe budget. Prints the figures; exits 1 when a target is missed.
 * BENCH_LIMITS_SECONDS sets the duration (default 30). Loopback only; stops by itself.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { createApp } from '../src/app.ts'
import { openSqliteReportStore } from '../src/diagnose/store-sqlite-node.ts'
import { createCachingResolver } from '../src/dns/caching-resolver.ts'
import { createNodeHttpGet } from '../src/discovery/http-node.ts'
import { createLogger } from '../src/logger.ts'
import { createHostLimiter } from '../src/probes/host-limiter.ts'
import { createNodeConnect } from '../src/probes/socket-node.ts'
import { createProviderIndex, loadBuiltInProviders } from '../src/providers/index.ts'
import { parseProviders } from '../src/providers/overlay.ts'
import { parseCidrList } from '../src/security/address-policy.ts'
import { clientKeyOf } from '../src/security/client-key.ts'
import { DEFAULT_LIMITS, createCostMeter, meteredResolver } from '../src/security/costs.ts'
import { createSocketBudget } from '../src/security/socket-budget.ts'
import { createTargetGuard } from '../src/security/target-guard.ts'
import { createNodeContextStore } from '../src/util/context-store-node.ts'
import { startMailServer } from '../test/fake/mail-server.ts'
import { noDns } from '../test/fake/probe-deps.ts'

const SECONDS = Number(process.env.BENCH_LIMITS_SECONDS ?? 30)
const PEOPLE = 200
const ROUND_EVERY_MS = 5_000
const COLLEAGUE_EVERY_MS = 100
const OFFICE_DOMAIN = 'office.example'
const OFFICE_ADDRESS = '127.0.0.1'
const STRANGER_ADDRESS = '127.0.0.2'

if (!Number.isFinite(SECONDS) || SECONDS <= 0) {
  console.error('BENCH_LIMITS_SECONDS must be a positive number')
  process.exit(2)
}

const pop3 = await startMailServer('pop3', {})
const refusals = new Map<string, number>()
const costs = createCostMeter({
  store: createNodeContextStore(),
  onRefused: (budget) => refusals.set(budget, (refusals.get(budget) ?? 0) + 1),
})
const resolver = createCachingResolver(meteredResolver(costs, noDns))
const guard = createTargetGuard({
  resolver,
  allow: parseCidrList('127.0.0.0/8'),
  ports: [pop3.port],
})
const overlay = parseProviders(
  [
    {
      id: 'office',
      name: { en: 'The office' },
      domains: [OFFICE_DOMAIN],
      servers: {
        imap: [{ host: `mail.${OFFICE_DOMAIN}`, port: 993, security: 'tls' }],
        smtp: [{ host: `mail.${OFFICE_DOMAIN}`, port: 465, security: 'tls' }],
      },
    },
  ],
  'bench overlay',
)
const app = createApp({
  logger: createLogger({ level: 'silent', write: () => undefined }),
  resolver,
  providers: createProviderIndex(loadBuiltInProviders(), overlay),
  httpGet: createNodeHttpGet({ guard }),
  probe: {
    guard,
    connect: createNodeConnect(),
    limiter: createHostLimiter(64),
    timeoutMs: 3_000,
  },
  budget: createSocketBudget(512),
  costs,
  clientKey: (c) => clientKeyOf(getConnInfo(c).remote.address ?? 'unknown'),
  reports: openSqliteReportStore(':memory:'),
  publicUrl: 'http://127.0.0.1',
})
const server = serve({ fetch: app.fetch, hostname: OFFICE_ADDRESS, port: 0 })
await new Promise((resolve) => server.once('listening', resolve))
const { port } = server.address() as AddressInfo

const agents = new Map<string, http.Agent>()
const agentFor = (localAddress: string) => {
  let agent = agents.get(localAddress)
  if (!agent) {
    agent = new http.Agent({ keepAlive: true, maxSockets: 64, localAddress })
    agents.set(localAddress, agent)
  }
  return agent
}

interface Answer {
  status: number
  limit: string | null
  ms: number
}

const send = (
  from: string,
  method: string,
  path: string,
  body?: { type: string; text: string },
): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const started = performance.now()
    const req = http.request(
      {
        host: OFFICE_ADDRESS,
        port,
        method,
        path,
        agent: agentFor(from),
        headers: body ? { 'content-type': body.type } : {},
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const status = res.statusCode ?? 0
          let limit: string | null = null
          if (status === 429) {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
              error?: { limit?: string }
            }
            limit = parsed.error?.limit ?? 'none'
          }
          resolve({ status, limit, ms: performance.now() - started })
        })
      },
    )
    req.on('error', reject)
    req.end(body?.text)
  })

const outlookBody = (email: string) => ({
  type: 'text/xml; charset=utf-8',
  text: `<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"><Request><EMailAddress>${email}</EMailAddress><AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema></Request></Autodiscover>`,
})

/** One person's mail client setting itself up; the kind of client goes round the office. */
const setUp = async (person: number): Promise<Answer[]> => {
  const email = `person${person}@${OFFICE_DOMAIN}`
  const query = `emailaddress=${encodeURIComponent(email)}`
  const from = OFFICE_ADDRESS
  switch (person % 3) {
    case 0:
      return Promise.all([
        send(from, 'GET', `/mail/config-v1.1.xml?${query}`),
        send(from, 'GET', `/.well-known/autoconfig/mail/config-v1.1.xml?${query}`),
      ])
    case 1:
      return [
        await send(
          from,
          'GET',
          `/autodiscover/autodiscover.json?Email=${encodeURIComponent(email)}&Protocol=AutodiscoverV1`,
        ),
        await send(from, 'POST', '/autodiscover/autodiscover.xml', outlookBody(email)),
      ]
    default:
      return [await send(from, 'GET', `/mobileconfig?${query}`)]
  }
}

const probeBody = {
  type: 'application/json',
  text: JSON.stringify({ host: '127.0.0.1', port: pop3.port, protocol: 'pop3' }),
}
const probe = (from: string) => send(from, 'POST', '/api/v1/probe', probeBody)

const deadline = Date.now() + SECONDS * 1000
const office: Answer[] = []
const stranger: Answer[] = []
const colleague: Answer[] = []

const runOffice = async () => {
  while (Date.now() < deadline) {
    const round = Date.now()
    const answers = await Promise.all(Array.from({ length: PEOPLE }, (_, i) => setUp(i)))
    office.push(...answers.flat())
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, round + ROUND_EVERY_MS - Date.now())),
    )
  }
}
const runStranger = async () => {
  // Eight requests in flight at all times, as fast as the service answers.
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < deadline) stranger.push(await probe(STRANGER_ADDRESS))
    }),
  )
}
// A probe every 100 ms whatever the answers take (at most 64 waiting).
const runColleague = async () => {
  const pending = new Set<Promise<void>>()
  while (Date.now() < deadline) {
    if (pending.size < 64) {
      const one = probe(OFFICE_ADDRESS).then((answer) => {
        colleague.push(answer)
        pending.delete(one)
      })
      pending.add(one)
    }
    await new Promise((resolve) => setTimeout(resolve, COLLEAGUE_EVERY_MS))
  }
  await Promise.all(pending)
}
const socketsBefore = pop3.accepted()
const started = performance.now()
await Promise.all([runOffice(), runStranger(), runColleague()])
const elapsedS = (performance.now() - started) / 1000
const sockets = pop3.accepted() - socketsBefore

const byStatus = (answers: Answer[]) => {
  const counts = new Map<string, number>()
  for (const a of answers) {
    const key = a.status === 429 ? `429 ${a.limit}` : String(a.status)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts].map(([k, v]) => `${k}: ${v}`).join(', ')
}
const percentile = (answers: Answer[], p: number) => {
  const sorted = answers.map((a) => a.ms).sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN
}
const ok = (answers: Answer[]) => answers.filter((a) => a.status === 200).length
// The most sockets a prober may have opened: a full bucket plus the refill over the run.
const allowed = Math.floor(DEFAULT_LIMITS.probes * (1 + elapsedS / 60))

console.log(
  `# bench:limits — ${elapsedS.toFixed(1)} s, default limits ${JSON.stringify(DEFAULT_LIMITS)} a minute per client`,
)
console.log(
  `office (${PEOPLE} people on ${OFFICE_ADDRESS}, a round every ${ROUND_EVERY_MS / 1000} s): ${office.length} requests (${(office.length / elapsedS).toFixed(0)}/s), ${byStatus(office)}; p50 ${percentile(office, 0.5).toFixed(1)} ms, p99 ${percentile(office, 0.99).toFixed(1)} ms`,
)
console.log(
  `stranger hammering probes from ${STRANGER_ADDRESS} (8 in flight): ${stranger.length} requests (${(stranger.length / elapsedS).toFixed(0)}/s), ${byStatus(stranger)}`,
)
console.log(
  `colleague probing 10/s from ${OFFICE_ADDRESS}: ${colleague.length} requests, ${byStatus(colleague)}`,
)
console.log(
  `probe sockets the POP3 server accepted: ${sockets} (probes answered 200: ${ok(stranger) + ok(colleague)}; at most ${allowed} per prober allowed)`,
)
console.log(`refusals by budget: ${JSON.stringify(Object.fromEntries(refusals))}`)

const failures = [
  office.some((a) => a.status !== 200) && 'an office request was not answered 200',
  !stranger.some((a) => a.limit === 'probes') && 'the stranger was never limited',
  !colleague.some((a) => a.limit === 'probes') && 'the colleague was never limited',
  ok(stranger) > allowed && 'the stranger opened more sockets than its budget',
  ok(colleague) > allowed && 'the colleague opened more sockets than its budget',
].filter(Boolean)
for (const failure of failures) console.log(`MISSED: ${failure}`)

server.close()
for (const agent of agents.values()) agent.destroy()
await pop3.close()
process.exit(failures.length ? 1 : 0)
