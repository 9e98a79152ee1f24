/**
 * npm run bench:lookup: the service's known-domain answers against nginx serving the very same
 * bytes as static files, with the same number of worker processes and the same wrk settings,
 * interleaved (service, nginx, service, nginx, ...), so that a loaded machine hurts both alike.
 *
 * 1. GET /api/v1/lookup?email=someone@qq.com&probe=0 (JSON)
 * 2. GET /mail/config-v1.1.xml?emailaddress=someone@qq.com (Mozilla autoconfig XML)
 *
 * The service runs as `npm start` runs it (its compiled start, scripts/start.ts), with
 * MAILSETUP_WORKERS = 1 and then 2 (`--workers 1,2` by default), its log going to /dev/null as
 * nginx's access log does. Its DNS points at a closed loopback port, so the network sources fail
 * at once (this machine has no internet) and the answer is the database's.
 *
 * Prints requests a second, p99 latency and the ratio service / nginx; asserts nothing.
 * Installs nginx-light and wrk from Debian with apt-get when missing (root).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { access, chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { freePort } from './free-port.ts'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { run } from '../test/lab/run.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const NGINX = '/usr/sbin/nginx'
const WRK = '/usr/bin/wrk'
const WRK_ARGS = ['-t1', '-c50', '-d6s', '--latency']
const ROUNDS = 3
/** A short run first, so that both servers are warm (JIT, caches) before the measured rounds. */
const WARM_UP_ARGS = ['-t1', '-c50', '-d2s']

const TARGETS = [
  { name: 'lookup JSON', path: '/api/v1/lookup', query: '?email=someone@qq.com&probe=0' },
  {
    name: 'autoconfig XML',
    path: '/mail/config-v1.1.xml',
    query: '?emailaddress=someone@qq.com',
  },
] as const

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  )

const ensureTools = async () => {
  const missing = [
    ...((await exists(NGINX)) ? [] : ['nginx-light']),
    ...((await exists(WRK)) ? [] : ['wrk']),
  ]
  if (missing.length === 0) return
  if (process.getuid?.() !== 0) throw new Error(`install ${missing.join(' ')} (apt-get, as root)`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  console.log(`installing ${missing.join(' ')} with apt-get …`)
  await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
    env,
    timeoutMs: 600_000,
  }).catch(async () => {
    await run('apt-get', ['update'], { env, timeoutMs: 300_000 })
    await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env })
  })
}

const waitFor = async (url: string, child: ChildProcess, timeoutMs = 30_000) => {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`)
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}

const stop = async (child: ChildProcess) => {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))])
  if (child.exitCode === null) child.kill('SIGKILL')
}

const startService = async (port: number, workers: number) => {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      MAILSETUP_WORKERS: String(workers),
      // One wrk client asks ~10⁵ times a minute; the limit's work is still done per request.
      MAILSETUP_REQUEST_LIMIT: '1000000000',
      MAILSETUP_DATABASE: ':memory:',
      MAILSETUP_DNS_SERVERS: '127.0.0.1:9',
    },
  })
  await waitFor(`http://127.0.0.1:${port}/healthz`, child)
  return child
}

const nginxConfig = (dir: string, port: number, workers: number) => `
daemon off;
master_process on;
worker_processes ${workers};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log /dev/null;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${port};
    location = ${TARGETS[0].path} { default_type application/json; alias ${dir}/lookup.json; }
    location = ${TARGETS[1].path} { default_type text/xml; alias ${dir}/autoconfig.xml; }
  }
}
`

const startNginx = async (dir: string, port: number, workers: number) => {
  const conf = join(dir, `nginx-${workers}.conf`)
  await writeFile(conf, nginxConfig(dir, port, workers))
  const child = spawn(NGINX, ['-p', dir, '-c', conf], { stdio: ['ignore', 'ignore', 'inherit'] })
  await waitFor(`http://127.0.0.1:${port}${TARGETS[0].path}`, child)
  return child
}

interface WrkFigures {
  rps: number
  p99Ms: number
  errors: string
}

const toMs = (value: string, unit: string) =>
  Number(value) * ({ us: 0.001, ms: 1, s: 1000 } as Record<string, number>)[unit]!

const wrk = async (url: string): Promise<WrkFigures> => {
  const { stdout } = await run(WRK, [...WRK_ARGS, url], { timeoutMs: 60_000 })
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? NaN)
  const p99 = /^\s+99%\s+([\d.]+)(us|ms|s)\s*$/m.exec(stdout)
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1]
  const socket = /Socket errors: (.*)/.exec(stdout)?.[1]
  return {
    rps,
    p99Ms: p99 ? toMs(p99[1]!, p99[2]!) : NaN,
    errors: [non2xx ? `${non2xx} non-2xx` : '', socket ? `socket errors: ${socket}` : '']
      .filter(Boolean)
      .join(', '),
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
const fmt = (f: WrkFigures) =>
  `${f.rps.toFixed(0).padStart(7)} req/s  p99 ${f.p99Ms.toFixed(2).padStart(6)} ms${f.errors ? `  (${f.errors})` : ''}`

const workersArg = () => {
  const at = process.argv.indexOf('--workers')
  const value = at === -1 ? '1,2' : (process.argv[at + 1] ?? '1')
  return value.split(',').map(Number)
}

const main = async () => {
  await ensureTools()
  const dir = await mkdtemp(join(tmpdir(), 'mailsetup-bench-lookup-'))
  // nginx's workers run as nobody: they must be able to read the files.
  await chmod(dir, 0o755)
  const children: ChildProcess[] = []
  const cleanup = async () => {
    await Promise.all(children.map(stop))
    await rm(dir, { recursive: true, force: true })
  }
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)))
  try {
    // wrk -v prints its version and exits 1.
    const wrkVersion = await run(WRK, ['-v']).then(
      (r) => r.stdout,
      (err: Error) => err.message,
    )
    const { stderr: nginxVersion } = await run(NGINX, ['-v'])
    console.log(
      `# bench:lookup — wrk ${WRK_ARGS.join(' ')}, interleaved, ${ROUNDS} rounds (median shown)`,
    )
    console.log(
      `${nginxVersion.trim()}; ${/wrk [\d.]+/.exec(wrkVersion)?.[0] ?? 'wrk'}; node ${process.version}`,
    )
    for (const workers of workersArg()) {
      const servicePort = await freePort()
      const service = await startService(servicePort, workers)
      children.push(service)
      const bodies: Record<string, Buffer> = {}
      for (const [i, target] of TARGETS.entries()) {
        const res = await fetch(`http://127.0.0.1:${servicePort}${target.path}${target.query}`)
        if (!res.ok) throw new Error(`${target.name}: HTTP ${res.status}`)
        bodies[target.name] = Buffer.from(await res.arrayBuffer())
        await writeFile(join(dir, i === 0 ? 'lookup.json' : 'autoconfig.xml'), bodies[target.name]!)
      }
      const nginxPort = await freePort()
      const nginx = await startNginx(dir, nginxPort, workers)
      children.push(nginx)
      console.log(`\n## ${workers} worker process${workers > 1 ? 'es' : ''} each`)
      for (const target of TARGETS) {
        const serviceUrl = `http://127.0.0.1:${servicePort}${target.path}${target.query}`
        const nginxUrl = `http://127.0.0.1:${nginxPort}${target.path}${target.query}`
        const same = Buffer.from(await (await fetch(nginxUrl)).arrayBuffer()).equals(
          bodies[target.name]!,
        )
        if (!same) throw new Error(`${target.name}: nginx does not serve the same bytes`)
        await run(WRK, [...WARM_UP_ARGS, serviceUrl], { timeoutMs: 60_000 })
        await run(WRK, [...WARM_UP_ARGS, nginxUrl], { timeoutMs: 60_000 })
        const ours: WrkFigures[] = []
        const theirs: WrkFigures[] = []
        for (let round = 0; round < ROUNDS; round++) {
          ours.push(await wrk(serviceUrl))
          theirs.push(await wrk(nginxUrl))
          console.log(
            `  ${target.name} round ${round + 1}: service ${fmt(ours.at(-1)!)} | nginx ${fmt(theirs.at(-1)!)}`,
          )
        }
        const a = median(ours.map((f) => f.rps))
        const b = median(theirs.map((f) => f.rps))
        console.log(
          `${target.name} (${bodies[target.name]!.length} bytes): service ${a.toFixed(0)} req/s, ` +
            `p99 ${median(ours.map((f) => f.p99Ms)).toFixed(2)} ms; nginx ${b.toFixed(0)} req/s, ` +
            `p99 ${median(theirs.map((f) => f.p99Ms)).toFixed(2)} ms; ratio ${(a / b).toFixed(2)}× (target ≥ 0.5×)`,
        )
      }
      await stop(nginx)
      await stop(service)
    }
  } finally {
    await cleanup()
  }
}

await main()
