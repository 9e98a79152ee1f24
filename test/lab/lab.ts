/**
 * The live test lab: real Dovecot, Postfix and dnsmasq on loopback addresses 127.0.10.x,
 * with a test CA and certificates. `startLab()` brings it up; `lab.stop()` takes it down.
 */
import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { issueCert, makeCerts } from './certs.ts'
import { type DovecotInstance, startDovecot, stopDovecot, writeDovecotConfigs } from './dovecot.ts'
import { type DnsmasqInstance, startDnsmasq, stopDnsmasq, writeDnsmasqConfig } from './dnsmasq.ts'
import { disallowConfigDir } from './etc-postfix.ts'
import { ensureInstalled } from './install.ts'
import type { LabInfo, LabWebHost } from './lab-info.ts'
import {
  ALLOW_CIDR,
  DELAYED,
  DNS_ADDRESS,
  DNS_PORT,
  EXPIRED_NOT_AFTER_ISO,
  FILTERED,
  GUESSED,
  hostsOf,
  LAB_PREFIX,
  MX_RECORDS,
  PROFILE_LIST,
  USERS,
  WEB_HOSTS,
} from './layout.ts'
import { type PostfixInstance, startPostfix, stopPostfix, writePostfixConfig } from './postfix.ts'
import { descendants, isAlive, killAndWait, readPid, waitExit } from './procs.ts'
import { run, tailFile } from './run.ts'
import { cleanupStaleLabs, writeOwner } from './stale.ts'
import { type Endpoint, probePort, show, waitPorts } from './wait-port.ts'

export type { LabHost, LabInfo, LabProfile, LabWebHost } from './lab-info.ts'

export type Lab = LabInfo & { stop(): Promise<void> }

const START_TIMEOUT_MS = 60_000
const STOP_TIMEOUT_MS = 20_000

/** A server of the lab: what it listens on and where it logs. */
interface Server {
  label: string
  log: string
  endpoints: Endpoint[]
  pidFile: string
  start(): Promise<void>
  /** Asks it to stop; returns its pid (if known) to wait for. */
  stop(): Promise<number | undefined>
}

/** Lab directories started by this process and not yet stopped. */
const active = new Set<string>()

function dovecotServer(d: DovecotInstance): Server {
  return {
    label: `Dovecot (${d.profile})`,
    log: d.log,
    endpoints: d.endpoints,
    pidFile: d.pidFile,
    start: () => startDovecot(d),
    stop: () => stopDovecot(d),
  }
}

function postfixServer(p: PostfixInstance): Server {
  return {
    label: 'Postfix',
    log: p.log,
    endpoints: p.endpoints,
    pidFile: p.pidFile,
    start: () => startPostfix(p),
    stop: () => stopPostfix(p),
  }
}

function dnsmasqServer(d: DnsmasqInstance): Server {
  return {
    label: 'dnsmasq',
    log: d.log,
    endpoints: d.endpoints,
    pidFile: d.pidFile,
    start: () => startDnsmasq(d),
    stop: () => stopDnsmasq(d),
  }
}

/** Fails if something already listens on a lab port (e.g. a system-wide Dovecot on *:993). */
async function checkPortsFree(servers: Server[]): Promise<void> {
  const all = servers.flatMap((s) => s.endpoints)
  const states = await Promise.all(all.map((e) => probePort(e, 500)))
  const busy = all.filter((_, i) => states[i] === 'open')
  if (busy.length === 0) return
  let owners = ''
  try {
    const { stdout } = await run('ss', ['-ltnpH'])
    const ports = new Set(busy.map((e) => `:${e.port}`))
    owners = stdout
      .split('\n')
      .filter((l) => [...ports].some((p) => l.includes(`${p} `)))
      .join('\n')
  } catch {
    owners = '(ss not available)'
  }
  throw new Error(
    `Lab ports already accept connections: ${busy.map(show).join(', ')}. ` +
      `Something else (not a lab this code can identify) listens there:\n${owners}`,
  )
}

async function describeNotUp(servers: Server[], down: Endpoint[]): Promise<string> {
  const parts: string[] = []
  for (const s of servers) {
    const missing = s.endpoints.filter((e) => down.includes(e))
    if (missing.length === 0) continue
    parts.push(
      `${s.label} did not open ${missing.map(show).join(', ')}; last lines of ${s.log}:\n${await tailFile(s.log)}`,
    )
  }
  return parts.join('\n\n')
}

/** Stops the servers, waits for their ports to close and their masters to exit. */
async function stopServers(servers: Server[]): Promise<string[]> {
  const known = await Promise.all(servers.map((s) => readPid(s.pidFile)))
  const children = await descendants(known.filter((p): p is number => p !== undefined))
  // In parallel: a Dovecot master takes about 3 s to exit after SIGTERM.
  const stopped = await Promise.all(
    servers.map(async (s) => (await s.stop().catch(() => undefined)) ?? (await readPid(s.pidFile))),
  )
  const masters = stopped.filter((p): p is number => p !== undefined)
  // Children outlive their master briefly (Dovecot's log process); wait for them too.
  const pids = [...masters, ...children]
  const all = servers.flatMap((s) => s.endpoints)
  let open = await waitPorts(all, 'closed', STOP_TIMEOUT_MS)
  const left = await waitExit(pids, open.length > 0 ? 1_000 : 10_000)
  if (left.length > 0 || open.length > 0) {
    await killAndWait(left.length > 0 ? left : pids.filter(isAlive), 5_000)
    open = await waitPorts(open, 'closed', 5_000)
  }
  return open.map(show)
}

export async function startLab(): Promise<Lab> {
  await ensureInstalled()
  if (active.size > 0)
    throw new Error(`A lab is already running in this process (${[...active].join(', ')})`)
  await cleanupStaleLabs([])

  const dir = await mkdtemp(join(tmpdir(), LAB_PREFIX))
  active.add(dir)
  const servers: Server[] = []
  const pids: number[] = []
  const onExit = (): void => {
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGTERM')
      } catch {
        // gone
      }
    }
  }
  process.on('exit', onExit)

  let stopping: Promise<void> | undefined
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const open = await stopServers(servers)
      await disallowConfigDir(join(dir, 'pf'))
      process.off('exit', onExit)
      active.delete(dir)
      if (open.length > 0) {
        throw new Error(
          `Lab ports still open after stop: ${open.join(', ')} (left ${dir} for inspection)`,
        )
      }
      await rm(dir, { recursive: true, force: true })
    })()
    return stopping
  }

  try {
    await chmod(dir, 0o755)
    await writeOwner(dir)
    const certDir = join(dir, 'certs')
    await mkdir(certDir, { recursive: true })
    const certs = await makeCerts(certDir, PROFILE_LIST)
    const webCert = await issueCert(certDir, 'web', [...WEB_HOSTS.secure.names])
    const secureWeb: LabWebHost = {
      address: WEB_HOSTS.secure.address,
      names: [...WEB_HOSTS.secure.names],
      tls: {
        certPem: await readFile(webCert.cert, 'utf8'),
        keyPem: await readFile(webCert.key, 'utf8'),
      },
    }
    const dovecots = await writeDovecotConfigs(dir, PROFILE_LIST, certs.byProfile, 'full')
    const postfix = await writePostfixConfig(dir, PROFILE_LIST, certs.byProfile)
    const dnsmasq = await writeDnsmasqConfig(dir)
    // dnsmasq first; the Dovecot that serves SASL ('full') before Postfix.
    const ordered = [...dovecots].sort(
      (a, b) => Number(b.profile === 'full') - Number(a.profile === 'full'),
    )
    const planned = [dnsmasqServer(dnsmasq), ...ordered.map(dovecotServer), postfixServer(postfix)]
    await checkPortsFree(planned)
    for (const s of planned) {
      servers.push(s)
      try {
        await s.start()
      } catch (err) {
        throw new Error(
          `${s.label} failed to start: ${(err as Error).message}\nlast lines of ${s.log}:\n${await tailFile(s.log)}`,
          { cause: err },
        )
      }
      const pid = await readPid(s.pidFile)
      if (pid !== undefined) pids.push(pid)
    }
    const down = await waitPorts(
      servers.flatMap((s) => s.endpoints),
      'open',
      START_TIMEOUT_MS,
    )
    if (down.length > 0) {
      throw new Error(
        `The mail test lab did not come up within ${START_TIMEOUT_MS / 1000} s.\n${await describeNotUp(servers, down)}`,
      )
    }
    for (const s of servers) {
      const pid = await readPid(s.pidFile)
      if (pid !== undefined && !pids.includes(pid)) pids.push(pid)
    }
    const info: LabInfo = {
      dir,
      dns: `${DNS_ADDRESS}:${DNS_PORT}`,
      allowCidr: ALLOW_CIDR,
      caFile: certs.caFile,
      caPem: certs.caPem,
      expiredNotAfter: EXPIRED_NOT_AFTER_ISO,
      hosts: hostsOf(),
      users: USERS.map((u) => ({ ...u })),
      web: {
        secure: secureWeb,
        plain: { address: WEB_HOSTS.plain.address, names: [...WEB_HOSTS.plain.names], tls: null },
      },
      mx: { ...MX_RECORDS },
      delayed: { ...DELAYED },
      guessed: { ...GUESSED, names: [...GUESSED.names] },
      filtered: { ...FILTERED },
    }
    return { ...info, stop }
  } catch (err) {
    await stop().catch(() => {})
    throw err
  }
}

/** The plain, serialisable part of a Lab (what vitest's `provide` can carry). */
export function labInfo(lab: Lab): LabInfo {
  const { stop: _stop, ...info } = lab
  return info
}
