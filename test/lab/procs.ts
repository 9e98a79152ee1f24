/** Process helpers: pid files, liveness, and finding daemons a lab started. */
import { readdir, readFile } from 'node:fs/promises'
import { LAB_PREFIX } from './layout.ts'

/** The executables a lab starts (as /proc/PID/comm shows them). */
export const LAB_COMMS = ['dovecot', 'master', 'dnsmasq']

export async function readPid(file: string): Promise<number | undefined> {
  try {
    const n = Number.parseInt((await readFile(file, 'utf8')).trim(), 10)
    return Number.isInteger(n) && n > 0 ? n : undefined
  } catch {
    return undefined
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function procText(pid: number, what: 'comm' | 'cmdline' | 'environ'): Promise<string> {
  try {
    return (await readFile(`/proc/${pid}/${what}`, 'utf8')).replace(/\0/g, ' ').trim()
  } catch {
    return ''
  }
}

export const commOf = (pid: number): Promise<string> => procText(pid, 'comm')
export const cmdlineOf = (pid: number): Promise<string> => procText(pid, 'cmdline')

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** SIGTERMs the pids, waits for them to go, SIGKILLs what is left after `graceMs`. */
export async function killAndWait(pids: number[], graceMs = 10_000): Promise<void> {
  const live = pids.filter(isAlive)
  for (const pid of live) {
    try {
      process.kill(pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  await waitExit(live, graceMs)
  const left = live.filter(isAlive)
  for (const pid of left) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  await waitExit(left, 5_000)
}

/** Waits until none of the pids is alive (or the time is up); returns those still alive. */
export async function waitExit(pids: number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs
  let live = pids.filter(isAlive)
  while (live.length > 0 && Date.now() < deadline) {
    await sleep(50)
    live = live.filter(isAlive)
  }
  return live
}

/**
 * Daemons (dovecot, postfix master, dnsmasq) whose command line or environment names a
 * lab directory (`mailsetup-lab-XXXXXX`) whose base name is not in `keep`: left over from
 * an earlier lab.
 */
export async function findLabDaemons(keep: string[]): Promise<{ pid: number; lab: string }[]> {
  const out: { pid: number; lab: string }[] = []
  const re = new RegExp(`${LAB_PREFIX}[A-Za-z0-9]+`)
  for (const entry of await readdir('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid) continue
    if (!LAB_COMMS.includes(await commOf(pid))) continue
    const m = re.exec(`${await cmdlineOf(pid)} ${await procText(pid, 'environ')}`)
    if (m && !keep.includes(m[0])) out.push({ pid, lab: m[0] })
  }
  return out
}

/** All live descendants of the given pids (children, grandchildren, ...). */
export async function descendants(roots: number[]): Promise<number[]> {
  const parent = new Map<number, number>()
  for (const entry of await readdir('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid)) continue
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
      // "pid (comm) state ppid ..."; comm may contain spaces and parentheses
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      parent.set(pid, ppid)
    } catch {
      // exited meanwhile
    }
  }
  const out: number[] = []
  const want = new Set(roots)
  let grew = true
  while (grew) {
    grew = false
    for (const [pid, ppid] of parent) {
      if (want.has(ppid) && !want.has(pid)) {
        want.add(pid)
        out.push(pid)
        grew = true
      }
    }
  }
  return out
}
