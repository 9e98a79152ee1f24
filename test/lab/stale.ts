/**
 * Cleaning up after an earlier lab that was not stopped (a crashed or killed test run), so a
 * new lab never fails on "address in use".
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { disallowConfigDir } from './etc-postfix.ts'
import { LAB_PREFIX } from './layout.ts'
import {
  cmdlineOf,
  commOf,
  descendants,
  findLabDaemons,
  isAlive,
  killAndWait,
  LAB_COMMS,
  readPid,
  waitExit,
} from './procs.ts'

const OWNER_FILE = 'owner.json'

interface Owner {
  pid: number
  cmdline: string
}

/** Records which process owns a lab directory. */
export async function writeOwner(dir: string): Promise<void> {
  const owner: Owner = { pid: process.pid, cmdline: await cmdlineOf(process.pid) }
  await writeFile(join(dir, OWNER_FILE), JSON.stringify(owner))
}

async function readOwner(dir: string): Promise<Owner | undefined> {
  try {
    const o = JSON.parse(await readFile(join(dir, OWNER_FILE), 'utf8')) as Partial<Owner>
    return typeof o.pid === 'number' && typeof o.cmdline === 'string'
      ? { pid: o.pid, cmdline: o.cmdline }
      : undefined
  } catch {
    return undefined
  }
}

/** Is the process that made this lab still running (and not some other process that got its pid)? */
async function ownerAlive(o: Owner): Promise<boolean> {
  return o.pid !== process.pid && isAlive(o.pid) && (await cmdlineOf(o.pid)) === o.cmdline
}

/** Pids from the daemons' pid files in a lab directory (checked to be our kind of daemon). */
async function pidsInDir(dir: string): Promise<number[]> {
  const files = [join(dir, 'dnsmasq.pid'), join(dir, 'pf', 'queue', 'pid', 'master.pid')]
  try {
    for (const d of await readdir(join(dir, 'dovecot')))
      files.push(join(dir, 'dovecot', d, 'run', 'master.pid'))
  } catch {
    // no dovecot instances
  }
  const pids: number[] = []
  for (const f of files) {
    const pid = await readPid(f)
    if (pid !== undefined && isAlive(pid) && LAB_COMMS.includes(await commOf(pid))) pids.push(pid)
  }
  return pids
}

/**
 * Stops the daemons of every lab directory in the temp dir except `active` ones, removes
 * those directories and their alternate_config_directories entries. Throws if another live
 * process owns a lab (its servers hold the same addresses).
 */
export async function cleanupStaleLabs(active: string[]): Promise<void> {
  const tmp = tmpdir()
  const dirs = (await readdir(tmp)).filter((e) => e.startsWith(LAB_PREFIX)).map((e) => join(tmp, e))
  const stale: string[] = []
  const pids: number[] = []
  for (const dir of dirs) {
    if (active.includes(dir)) continue
    const owner = await readOwner(dir)
    if (owner && (await ownerAlive(owner))) {
      throw new Error(
        `Another mail test lab is running (dir ${dir}, owner pid ${owner.pid}: ${owner.cmdline}). ` +
          'Stop it (or kill that process) first: the lab uses fixed addresses and ports.',
      )
    }
    stale.push(dir)
    pids.push(...(await pidsInDir(dir)))
  }
  const keep = active.map((d) => basename(d))
  for (const { pid } of await findLabDaemons(keep)) if (!pids.includes(pid)) pids.push(pid)
  if (pids.length > 0) {
    const children = await descendants(pids)
    await killAndWait(pids)
    const left = await waitExit(children, 5_000)
    if (left.length > 0) await killAndWait(left, 2_000)
  }
  for (const dir of stale) await rm(dir, { recursive: true, force: true })
  await disallowConfigDir('')
}
