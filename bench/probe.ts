/**
 * npm run bench:probe: the probe engine against the real lab.
 * 1. The whole matrix of full.lab.test through a proxy adding 50 ms each way: wall time, the
 *    slowest single probe, and their ratio (target: at most 1.2).
 * 2. 200 matrix probes at once: RSS growth and open file descriptors before and after
 *    (targets: at most 150 MB growth; descriptors back to the baseline).
 * Prints figures; asserts nothing. Needs root (the lab binds ports below 1024).
 */
import { readdirSync } from 'node:fs'
import { startLab } from '../test/lab/lab.ts'
import { createHostLimiter } from '../src/probes/host-limiter.ts'
import { MATRIX, runMatrix } from '../src/probes/matrix.ts'
import { type ProbeDeps, runProbe } from '../src/probes/probe.ts'
import { createNodeConnect } from '../src/probes/socket-node.ts'
import { parseCidrList } from '../src/security/address-policy.ts'
import { createTargetGuard } from '../src/security/target-guard.ts'
import { createNodeResolver } from '../src/dns/resolver-node.ts'
import { startDelayProxy } from './delay-proxy.ts'

const DELAY_MS = 50
const PROXY_ADDRESS = '127.0.11.3'
const ROUNDS = 5
const CONCURRENT_MATRICES = 200

const openFds = () => readdirSync('/proc/self/fd').length
const rssMb = () => process.memoryUsage().rss / 1024 / 1024
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.()
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const lab = await startLab()
const proxies = await Promise.all(
  lab.hosts.full.ports.map((port) =>
    startDelayProxy(
      { host: PROXY_ADDRESS, port },
      { host: lab.hosts.full.address, port },
      DELAY_MS,
    ),
  ),
)
try {
  const deps: ProbeDeps = {
    guard: createTargetGuard({
      resolver: createNodeResolver({ servers: [lab.dns] }),
      allow: parseCidrList('127.0.0.0/8'),
      ports: MATRIX.map((entry) => entry.port),
    }),
    connect: createNodeConnect({ ca: [lab.caPem] }),
    timeoutMs: 10_000,
  }
  // Through the proxy, under the real name (SNI and the certificate check use it).
  const pinned = { host: lab.hosts.full.name, address: PROXY_ADDRESS, family: 4 as const }

  console.log(
    `# bench:probe — matrix of ${lab.hosts.full.name} through a proxy adding ${DELAY_MS} ms each way`,
  )
  const walls: number[] = []
  const slowests: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const singles: number[] = []
    for (const entry of MATRIX) {
      const t0 = performance.now()
      const r = await runProbe({ host: pinned.host, ...entry }, deps, { pinned })
      singles.push(performance.now() - t0)
      if (r.status !== 'ok')
        console.log(`  warning: ${entry.protocol}/${entry.port} gave ${r.code}`)
    }
    const t0 = performance.now()
    const matrix = await runMatrix(
      pinned.host,
      { ...deps, limiter: createHostLimiter() },
      { lookup: { pinned, failure: null, dnsMs: null } },
    )
    walls.push(performance.now() - t0)
    slowests.push(Math.max(...singles))
    const notOk = matrix.probes.filter((p) => p.status !== 'ok')
    if (notOk.length)
      console.log(`  warning: matrix had ${notOk.map((p) => `${p.port}:${p.code}`).join(', ')}`)
  }
  const wall = median(walls)
  const slowest = median(slowests)
  console.log(`matrix wall time (median of ${ROUNDS}): ${wall.toFixed(0)} ms`)
  console.log(`slowest single probe (median of ${ROUNDS}): ${slowest.toFixed(0)} ms`)
  console.log(`ratio: ${(wall / slowest).toFixed(2)} (target ≤ 1.20)`)

  console.log(
    `\n# ${CONCURRENT_MATRICES} matrix probes at once against ${lab.hosts.full.name} (no proxy)`,
  )
  await settle()
  const fdsBefore = openFds()
  const rssBefore = rssMb()
  const limiter = createHostLimiter(64)
  const t0 = performance.now()
  let peakRss = rssBefore
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb())), 50)
  // Long deadlines: 1,400 connections queue at the lab's servers on two cores, and this part
  // measures the engine's memory and descriptors, not how fast the lab can answer.
  const patient = { ...deps, limiter, timeoutMs: 60_000, matrixTimeoutMs: 180_000 }
  const results = await Promise.all(
    Array.from({ length: CONCURRENT_MATRICES }, () => runMatrix(lab.hosts.full.name, patient)),
  )
  clearInterval(sampler)
  const took = performance.now() - t0
  const probes = results.flatMap((r) => r.probes)
  const codes = new Map<string, number>()
  for (const p of probes) codes.set(p.code ?? 'ok', (codes.get(p.code ?? 'ok') ?? 0) + 1)
  await settle()
  const fdsAfter = openFds()
  console.log(
    `probes: ${probes.length} in ${(took / 1000).toFixed(1)} s (per-host cap 64); outcomes: ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}`,
  )
  console.log(
    `RSS: ${rssBefore.toFixed(0)} MB before, peak ${peakRss.toFixed(0)} MB, growth ${(peakRss - rssBefore).toFixed(0)} MB (target ≤ 150)`,
  )
  console.log(`open descriptors: ${fdsBefore} before, ${fdsAfter} after (target: back to baseline)`)
} finally {
  await Promise.all(proxies.map((p) => p.close()))
  await lab.stop()
}
