/**
 * npm run bench:start: from `npm start` to the first 200 on /healthz, on an installed checkout
 * whose builds are up to date (a first run builds them and is reported apart), and the idle RSS
 * of the serving process once it has answered. Rounds: 5, median printed. Targets ≤ 1 s and
 * ≤ 70 MB. Also the script npm start runs, without npm, and `node dist/node.js` alone, to show
 * what npm's own start and the stale check cost.
 * Asserts nothing; no lab needed (an in-memory database, a free loopback port).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { readFile, readdir } from 'node:fs/promises'
import { freePort } from './free-port.ts'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const ROUNDS = 5
/** How long the process idles after its first answer before its RSS is read. */
const IDLE_MS = 2_000

/** Every process below `pid` (npm → sh → node, and a cluster's workers). */
const descendants = async (pid: number): Promise<number[]> => {
  const parents = new Map<number, number[]>()
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '')
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)])
  }
  const all: number[] = []
  const walk = (p: number) => (parents.get(p) ?? []).forEach((c) => (all.push(c), walk(c)))
  walk(pid)
  return all
}

const rssOf = async (pid: number) => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024
}
const commandOf = (pid: number) =>
  readFile(`/proc/${pid}/cmdline`, 'utf8').then(
    (c) => c.split('\0').join(' ').trim(),
    () => '',
  )

const stop = async (child: ChildProcess) => {
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const pids = await descendants(child.pid!)
  for (const pid of [child.pid!, ...pids]) {
    try {
      process.kill(pid, 'SIGTERM')
    } catch {
      // gone already
    }
  }
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))])
}

const startOnce = async (command: string, args: string[], workers: number) => {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(command, args, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      MAILSETUP_DATABASE: ':memory:',
      MAILSETUP_WORKERS: String(workers),
    },
  })
  let firstOk = NaN
  while (performance.now() - started < 60_000 && child.exitCode === null) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) {
        firstOk = performance.now() - started
        break
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS))
  const nodes: { pid: number; rss: number }[] = []
  for (const pid of [child.pid!, ...(await descendants(child.pid!))]) {
    if ((await commandOf(pid)).startsWith('node ') || (await commandOf(pid)).includes('/node '))
      nodes.push({ pid, rss: await rssOf(pid) })
  }
  // The serving process is the one with the most memory; the others are npm, sh, a primary.
  const serving = Math.max(...nodes.map((n) => n.rss))
  const total = nodes.reduce((sum, n) => sum + n.rss, 0)
  await stop(child)
  return { firstOk, serving, total }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN

const measure = async (name: string, command: string, args: string[], workers = 1) => {
  const runs = []
  for (let round = 0; round < ROUNDS; round++) runs.push(await startOnce(command, args, workers))
  console.log(
    `${name}: first 200 on /healthz after ${median(runs.map((r) => r.firstOk)).toFixed(0)} ms ` +
      `(rounds: ${runs.map((r) => r.firstOk.toFixed(0)).join(', ')}; target ≤ 1000 ms); ` +
      `idle RSS of the serving process ${median(runs.map((r) => r.serving)).toFixed(1)} MB (target ≤ 70 MB), ` +
      `every node process together ${median(runs.map((r) => r.total)).toFixed(1)} MB`,
  )
}

const load = (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ')
console.log(`# bench:start — ${ROUNDS} rounds each, median; load average ${load}`)
const first = await startOnce('npm', ['start'], 1)
console.log(`first npm start (builds what is missing or stale): ${first.firstOk.toFixed(0)} ms`)
await measure('npm start', 'npm', ['start'])
// What npm start runs, without npm: the difference is npm's own start and its shell.
await measure('node --max-semi-space-size=1 scripts/start.mjs', process.execPath, [
  '--max-semi-space-size=1',
  'scripts/start.mjs',
])
await measure('node dist/node.js', process.execPath, ['dist/node.js'])
await measure('npm start, MAILSETUP_WORKERS=2', 'npm', ['start'], 2)
