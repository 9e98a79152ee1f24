/**
 * npm run bench:diagnose: a full diagnosis (POST /api/v1/diagnose, streamed as SSE through
 * createApp) of lab domains whose mail servers sit behind a proxy adding 50 ms each way.
 *
 * The domains are an operator overlay's (built here); their servers are named delayed.lab.test,
 * which the lab's DNS resolves to the proxy's address and which `full`'s certificate carries, so
 * the probes do real TLS with name checks through the proxy. DNS and the autoconfig attempts stay
 * at loopback speed (dnsmasq answers NXDOMAIN at once): the figures are the pipeline plus probes.
 *
 * 1. Every server answers: wall time to the final report and to the first `recommendation` event
 *    whose incoming and outgoing servers are both verified, in round trips (RTT = 100 ms) and ms.
 *    Target: the report within 6 round trips + 100 ms.
 * 2. One port filtered: IMAP 993 moves to filtered.lab.test (10.77.0.2), an address on a veth
 *    subnet into a network namespace where nothing has that address. A permanent neighbour entry
 *    makes the SYN leave on the veth (without it, ARP fails after about 3 s and connect() gets
 *    EHOSTUNREACH, which is not what a firewall does); nothing ever answers. Targets: the report
 *    completes at the probe deadline (passed explicitly: PROBE_TIMEOUT_MS) and the recommendation
 *    event arrives before it.
 * 5. Issue 15's P2: an unknown domain (guessed.test: no database entry, no autoconfig, no SRV)
 *    whose servers are found by its MX and guessing (imap., smtp. and mail.guessed.test, the MX
 *    host), behind a second proxy adding 25 ms each way (RTT 50 ms), against the minimal
 *    reference client of bench/reference-client.ts through the same proxy, in the same run,
 *    interleaved. Target: the report ≤ 1.25× the reference; the first verified recommendation
 *    earlier still.
 * Prints figures; asserts nothing. Needs root (lab ports, ip netns). Cleans up on every exit.
 */
import { readFile } from 'node:fs/promises'
import { createApp } from '../src/app.ts'
import { createCachingResolver } from '../src/dns/caching-resolver.ts'
import type { Resolver } from '../src/dns/resolver.ts'
import { createNodeResolver } from '../src/dns/resolver-node.ts'
import { createNodeHttpGet } from '../src/discovery/http-node.ts'
import { createLogger } from '../src/logger.ts'
import { createHostLimiter } from '../src/probes/host-limiter.ts'
import { MATRIX } from '../src/probes/matrix.ts'
import { createNodeConnect } from '../src/probes/socket-node.ts'
import {
  type Provider,
  createProviderIndex,
  loadBuiltInProviders,
  parseProviders,
} from '../src/providers/index.ts'
import { parseCidrList } from '../src/security/address-policy.ts'
import { createCostMeter } from '../src/security/costs.ts'
import { createNodeContextStore } from '../src/util/context-store-node.ts'
import { createSocketBudget } from '../src/security/socket-budget.ts'
import { createTargetGuard } from '../src/security/target-guard.ts'
import { type Lab, startLab } from '../test/lab/lab.ts'
import { run, tryRun } from '../test/lab/run.ts'
import { type DelayProxy, startDelayProxy } from './delay-proxy.ts'
import { runReference } from './reference-client.ts'
import { openSqliteReportStore } from '../src/diagnose/store-sqlite-node.ts'

const DELAY_MS = 50
const RTT_MS = 2 * DELAY_MS
/** The probe deadline handed to createApp (MAILSETUP_PROBE_TIMEOUT_MS); the issue wants ≤ 8 s. */
const PROBE_TIMEOUT_MS = 8_000
const ROUNDS = 5
const FILTERED_ROUNDS = 2
/** Part 5 (issue 15's P2): 25 ms each way, a round trip of 50 ms. */
const GUESSED_DELAY_MS = 25
const GUESSED_ROUNDS = 7
const NETNS = 'mailsetup-bench'
const VETH = 'msbench0'
const VETH_PEER = 'msbench1'
/** Our end of the veth; the filtered address is another one on the same /24. */
const VETH_ADDRESS = '10.77.0.1/24'
const IP = '/usr/sbin/ip'

// --- the veth into a namespace, with one address that never answers --------------------------

const removeNetns = async () => {
  await tryRun(IP, ['link', 'del', VETH]) // also removes the peer
  await tryRun(IP, ['netns', 'del', NETNS])
}

const addNetns = async (filtered: string) => {
  await removeNetns() // left over from a run that was killed
  await run(IP, ['netns', 'add', NETNS])
  await run(IP, ['link', 'add', VETH, 'type', 'veth', 'peer', 'name', VETH_PEER, 'netns', NETNS])
  await run(IP, ['addr', 'add', VETH_ADDRESS, 'dev', VETH])
  await run(IP, ['link', 'set', VETH, 'up'])
  await run(IP, ['-n', NETNS, 'link', 'set', VETH_PEER, 'up'])
  const mac = (await readFile(`/sys/class/net/${VETH}/address`, 'utf8')).trim()
  const peerMac = (await run(IP, ['-n', NETNS, '-br', 'link', 'show', VETH_PEER])).stdout
    .trim()
    .split(/\s+/)[2]
  if (!peerMac || peerMac === mac) throw new Error(`cannot read the MAC address of ${VETH_PEER}`)
  // The SYN goes to the peer, which has no such address and does not forward: it is dropped there.
  await run(IP, ['neigh', 'replace', filtered, 'lladdr', peerMac, 'dev', VETH, 'nud', 'permanent'])
}

const vethTxPackets = async () =>
  Number((await readFile(`/sys/class/net/${VETH}/statistics/tx_packets`, 'utf8')).trim())

// --- the diagnosis, read as a stream ---------------------------------------------------------

interface ServerView {
  protocol: string
  host: string
  port: number
  security: string
  verified: boolean
}
interface ProbeView {
  host: string
  port: number
  status: string
  code: string | null
  timings: {
    total: number
    dns: number | null
    connect: number | null
    tls: number | null
    greeting: number | null
  }
}
interface Timeline {
  report: number
  lastSource: number
  firstProbe: number
  /** The first recommendation event with both directions verified. */
  verifiedRecommendation: number | null
  recommended: { incoming: ServerView | null; outgoing: ServerView | null }
  probes: ProbeView[]
}

type App = ReturnType<typeof createApp>

const diagnose = async (app: App, email: string): Promise<Timeline> => {
  const t0 = performance.now()
  const res = await app.request('/api/v1/diagnose', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ email, lang: 'en' }),
  })
  if (!res.body || res.status !== 200) throw new Error(`diagnose ${email}: HTTP ${res.status}`)
  const timeline: Timeline = {
    report: NaN,
    lastSource: NaN,
    firstProbe: NaN,
    verifiedRecommendation: null,
    recommended: { incoming: null, outgoing: null },
    probes: [],
  }
  const onEvent = (event: string, data: string, at: number) => {
    if (event === 'source') timeline.lastSource = at
    if (event === 'probe') {
      if (Number.isNaN(timeline.firstProbe)) timeline.firstProbe = at
      timeline.probes.push(JSON.parse(data) as ProbeView)
    }
    if (event === 'recommendation' && timeline.verifiedRecommendation === null) {
      const { recommended } = JSON.parse(data) as Pick<Timeline, 'recommended'>
      if (recommended.incoming?.verified && recommended.outgoing?.verified)
        timeline.verifiedRecommendation = at
    }
    if (event === 'report') {
      timeline.report = at
      timeline.recommended = (JSON.parse(data) as Pick<Timeline, 'recommended'>).recommended
    }
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    const at = performance.now() - t0
    buffer += value
    let end: number
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message'
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? ''
      onEvent(event, data, at)
    }
  }
  return timeline
}

// --- output ----------------------------------------------------------------------------------

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
const ms = (v: number | null) => (v === null || Number.isNaN(v) ? 'never' : `${v.toFixed(0)} ms`)
const rtts = (v: number | null) =>
  v === null || Number.isNaN(v) ? 'never' : `${(v / RTT_MS).toFixed(1)} RTT (${v.toFixed(0)} ms)`
const serverOf = (s: ServerView | null) =>
  s ? `${s.protocol} ${s.host}:${s.port} ${s.security}${s.verified ? ' verified' : ''}` : 'none'

// --- setup -----------------------------------------------------------------------------------

const overlayFor = (lab: Lab): Provider[] => {
  const delayed = lab.delayed.name
  const smtp = [
    { host: delayed, port: 465, security: 'tls' },
    { host: delayed, port: 587, security: 'starttls' },
  ]
  const imap = (host993: string) => [
    { host: host993, port: 993, security: 'tls' },
    { host: delayed, port: 143, security: 'starttls' },
  ]
  const entry = (id: string, domain: string, servers: object) => ({
    id,
    name: { en: id },
    domains: [domain],
    servers,
  })
  return parseProviders(
    [
      entry('bench-open', 'open.bench.test', { imap: imap(delayed), smtp }),
      entry('bench-filtered', 'filtered.bench.test', { imap: imap(lab.filtered.name), smtp }),
      // Part 3: the servers answer, but autoconfig.<domain> is a web host that never answers.
      entry('bench-stalled-autoconfig', lab.filtered.name, { imap: imap(delayed), smtp }),
      // Part 4: an entry with incoming servers only; outgoing must come from guessing.
      entry('bench-incoming-only', delayed, { imap: imap(lab.filtered.name) }),
    ],
    'bench overlay',
  )
}

/** MX queries that reached the lab's DNS, per name (under the cache, which merges lookups in flight). */
const mxAsked = new Map<string, number>()
const countingMx = (inner: Resolver): Resolver => ({
  addresses: (name, signal) => inner.addresses(name, signal),
  srv: (name, signal) => inner.srv(name, signal),
  mx: (name, signal) => {
    mxAsked.set(name, (mxAsked.get(name) ?? 0) + 1)
    return inner.mx(name, signal)
  },
})

/** createApp with the Node adapters, as src/node.ts wires them, pointed at the lab. */
const buildApp = (lab: Lab): App => {
  const resolver = createCachingResolver(countingMx(createNodeResolver({ servers: [lab.dns] })))
  const guard = createTargetGuard({
    resolver,
    allow: parseCidrList(`${lab.allowCidr},${lab.filtered.cidr}`),
    ports: MATRIX.map((entry) => entry.port),
  })
  return createApp({
    logger: createLogger({ level: 'silent', write: () => {} }),
    resolver,
    providers: createProviderIndex(loadBuiltInProviders(), overlayFor(lab)),
    reports: openSqliteReportStore(':memory:'),
    publicUrl: 'http://localhost',
    httpGet: createNodeHttpGet({ guard, ca: [lab.caPem] }),
    probe: {
      guard,
      connect: createNodeConnect({ ca: [lab.caPem] }),
      limiter: createHostLimiter(),
      timeoutMs: PROBE_TIMEOUT_MS,
    },
    budget: createSocketBudget(1_000),
    costs: createCostMeter({
      limits: { requests: 100_000, lookups: 100_000, probes: 100_000 },
      store: createNodeContextStore(),
    }),
    clientKey: () => 'bench',
  })
}

/** Part 5: the unknown domain against the reference client, interleaved round by round. */
const guessedCase = async (lab: Lab, app: App, describe: (t: Timeline) => string) => {
  const g = lab.guessed
  console.log(
    `\n# Issue 15 P2: ${g.domain}, unknown, found by MX (${g.mx}) and guessing; ` +
      `${g.names.join(', ')} at ${g.address}, a proxy adding ${GUESSED_DELAY_MS} ms each way ` +
      `(RTT ${2 * GUESSED_DELAY_MS} ms) in front of ${lab.guessed.upstream}.lab.test`,
  )
  console.log(
    `reference: IMAPS greeting + CAPABILITY at imap.${g.domain} and SMTP 587 EHLO + STARTTLS + ` +
      `EHLO at smtp.${g.domain}, in parallel, node:net/node:tls, through the same proxy`,
  )
  const target = {
    address: g.address,
    imapHost: `imap.${g.domain}`,
    smtpHost: `smtp.${g.domain}`,
    ca: lab.caPem,
  }
  const rounds: { reference: number; t: Timeline }[] = []
  for (let round = 0; round < GUESSED_ROUNDS; round++) {
    // Alternate which one goes first, so neither always meets a server the other just woke.
    const diagnosis = () => diagnose(app, `user${round}@${g.domain}`)
    const referenceFirst = round % 2 === 0
    const reference = referenceFirst ? await runReference(target) : NaN
    const t = await diagnosis()
    rounds.push({ reference: referenceFirst ? reference : await runReference(target), t })
    const last = rounds[rounds.length - 1]
    console.log(
      `  round ${round + 1}${round === 0 ? ' (cold)' : ''}: reference ${ms(last?.reference ?? NaN)}; ${t.probes.length} probes; ${describe(t)}`,
    )
  }
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`
  const summary = (label: string, picked: typeof rounds) => {
    const reference = median(picked.map((r) => r.reference))
    const report = median(picked.map((r) => r.t.report))
    const first = median(picked.map((r) => r.t.verifiedRecommendation ?? NaN))
    console.log(
      `${label}: reference ${ms(reference)}; report ${ms(report)} (${ratio(report, reference)}, target ≤ 1.25×); ` +
        `first verified recommendation ${ms(first)} (${ratio(first, reference)})`,
    )
  }
  summary(`median of rounds 2-${GUESSED_ROUNDS}`, rounds.slice(1))
  summary('cold first round', rounds.slice(0, 1))
  // Guessing and the MX source both ask at once in the cold round; later rounds hit the cache.
  console.log(`MX queries for ${g.domain} sent to the DNS server: ${mxAsked.get(g.domain) ?? 0}`)
}

let lab: Lab | null = null
let proxies: DelayProxy[] = []
let netns = false
let cleaning: Promise<void> | null = null
const cleanup = () =>
  (cleaning ??= (async () => {
    await Promise.all(proxies.map((p) => p.close()))
    if (netns) await removeNetns()
    await lab?.stop()
  })())
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up`)
    void cleanup().finally(() => process.exit(130))
  })
}

try {
  lab = await startLab()
  const upstream = lab.hosts[lab.delayed.upstream]
  const listenOn = lab.delayed.address
  proxies = await Promise.all(
    upstream.ports.map((port) =>
      startDelayProxy({ host: listenOn, port }, { host: upstream.address, port }, DELAY_MS),
    ),
  )
  const guessedUpstream = lab.hosts[lab.guessed.upstream]
  const guessedAddress = lab.guessed.address
  proxies.push(
    ...(await Promise.all(
      guessedUpstream.ports.map((port) =>
        startDelayProxy(
          { host: guessedAddress, port },
          { host: guessedUpstream.address, port },
          GUESSED_DELAY_MS,
        ),
      ),
    )),
  )
  const app = buildApp(lab)

  console.log(
    `# bench:diagnose — ${lab.delayed.name} (${listenOn}) proxies ${upstream.name} adding ${DELAY_MS} ms each way (RTT ${RTT_MS} ms)`,
  )
  console.log(
    `probe deadline (MAILSETUP_PROBE_TIMEOUT_MS) passed to createApp: ${PROBE_TIMEOUT_MS} ms`,
  )

  const verbose = process.argv.includes('--verbose')
  const describe = (t: Timeline) => {
    const slowest = Math.max(...t.probes.map((p) => p.timings.total))
    const failed = t.probes.filter((p) => p.status === 'error').map((p) => `${p.port} ${p.code}`)
    const lines = [
      `report ${ms(t.report)}, recommendation with both verified ${ms(t.verifiedRecommendation)}; ` +
        `last source event ${ms(t.lastSource)}, first probe ${ms(t.firstProbe)}, slowest probe ${ms(slowest)}` +
        `${failed.length ? `, failed: ${failed.join(', ')}` : ''}`,
      `recommended: ${serverOf(t.recommended.incoming)}; ${serverOf(t.recommended.outgoing)}`,
    ]
    if (verbose) {
      for (const p of t.probes) lines.push(`${p.host}:${p.port} ${JSON.stringify(p.timings)}`)
    }
    return lines.join('\n    ')
  }

  // --p2: only part 5 (issue 15's P2), for iterating on the pipeline.
  if (!process.argv.includes('--p2')) {
    console.log(`\n## 1. open.bench.test: IMAP 993/143, SMTP 465/587, every server answers`)
    const runs: Timeline[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const t = await diagnose(app, `user${round}@open.bench.test`)
      runs.push(t)
      console.log(`  round ${round + 1}${round === 0 ? ' (cold)' : ''}: ${describe(t)}`)
    }
    const warm = runs.slice(1)
    console.log(
      `report, median of rounds 2-${ROUNDS}: ${rtts(median(warm.map((t) => t.report)))}; ` +
        `cold first round: ${rtts(runs[0]?.report ?? NaN)}; target ≤ 6 RTT + 100 ms = ${6 * RTT_MS + 100} ms`,
    )
    console.log(
      `first recommendation with both verified, median of rounds 2-${ROUNDS}: ${rtts(median(warm.map((t) => t.verifiedRecommendation ?? NaN)))}`,
    )

    await addNetns(lab.filtered.address)
    netns = true
    const txBefore = await vethTxPackets()
    console.log(
      `\n## 2. filtered.bench.test: as 1, but IMAP 993 at ${lab.filtered.name} (${lab.filtered.address}, never answers)`,
    )
    for (let round = 0; round < FILTERED_ROUNDS; round++) {
      const t = await diagnose(app, `user${round}@filtered.bench.test`)
      const filtered = t.probes.find((p) => p.host === lab?.filtered.name)
      console.log(`  round ${round + 1}: ${describe(t)}`)
      console.log(
        `    filtered probe: ${filtered ? `${filtered.code} after ${filtered.timings.total} ms` : 'not run'}; ` +
          `report ${rtts(t.report)} against the ${PROBE_TIMEOUT_MS} ms deadline; ` +
          `recommendation ${t.verifiedRecommendation !== null && t.verifiedRecommendation < PROBE_TIMEOUT_MS ? 'before' : 'NOT before'} the deadline`,
      )
    }

    console.log(`\n# Investigation: where a diagnosis waits (not targets of the issue)`)
    console.log(
      `\n## 3. ${lab.filtered.name}: servers as in 1 (operator overlay), but autoconfig.${lab.filtered.name} never answers`,
    )
    console.log(`  ${describe(await diagnose(app, `user@${lab.filtered.name}`))}`)
    console.log(
      `\n## 4. ${lab.delayed.name}: an entry with IMAP only (993 filtered, 143 answers); SMTP found by guessing`,
    )
    console.log(`  ${describe(await diagnose(app, `user@${lab.delayed.name}`))}`)
    console.log(`\npackets sent into the veth (parts 2-4): ${(await vethTxPackets()) - txBefore}`)
  }

  await guessedCase(lab, app, describe)
} finally {
  await cleanup()
}
