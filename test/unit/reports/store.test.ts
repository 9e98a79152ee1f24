/**
 * The SQLite report store against real SQLite files: migrations, expiry, deletion, the domains'
 * verified settings, a file that survives reopening, and the files it must refuse.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../../src/diagnose/migrations.ts'
import { openSqliteReportStore } from '../../../src/diagnose/store-sqlite-node.ts'
import type { StoredReport } from '../../../src/diagnose/store.ts'

const dir = mkdtempSync(join(tmpdir(), 'mailsetup-store-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const entry = (id: string, createdAt: number, expiresAt: number): StoredReport => ({
  id,
  deleteTokenHash: 'ab'.repeat(32),
  domain: 'example.org',
  createdAt,
  expiresAt,
  report: { email: 'ann@example.org', nested: { list: [1, 2] } },
})

const STORE_MODULE = fileURLToPath(
  new URL('../../../src/diagnose/store-sqlite-node.ts', import.meta.url),
)

/**
 * A process that opens the store at `path` when told to go (a line on its stdin), saves one
 * report and exits 0; its error, if any, on stderr.
 */
const opener = (path: string, id: string) => {
  const script = `
    const { openSqliteReportStore } = await import(${JSON.stringify(STORE_MODULE)})
    process.stdout.write('ready\\n')
    process.stdin.once('data', async () => {
      const store = openSqliteReportStore(${JSON.stringify(path)})
      await store.save({ id: ${JSON.stringify(id)}, deleteTokenHash: 'ab'.repeat(32), domain: 'x.org', createdAt: 1, expiresAt: 10, report: {} })
      store.close()
      process.exit(0)
    })`
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const ready = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stderr })),
  )
  return { ready, go: () => child.stdin.write('go\n'), exited }
}

describe('openSqliteReportStore', () => {
  it('processes opening a new file at the same moment (the workers of MAILSETUP_WORKERS) all migrate it once and work', async () => {
    const path = join(dir, 'workers.sqlite')
    const ids = Array.from({ length: 6 }, (_, i) => String(i).repeat(22))
    const openers = ids.map((id) => opener(path, id))
    await Promise.all(openers.map((o) => o.ready))
    for (const o of openers) o.go()
    const results = await Promise.all(openers.map((o) => o.exited))
    expect(results).toEqual(ids.map(() => ({ code: 0, stderr: '' })))
    const raw = new Database(path, { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(raw.prepare('SELECT count(*) AS n FROM reports').get()).toEqual({ n: 6 })
    raw.close()
  }, 60_000)

  it('saves and reads a report back, hides it once expired, and purges it', async () => {
    const store = openSqliteReportStore(':memory:')
    await store.save(entry('a'.repeat(22), 1_000, 5_000))
    await store.save(entry('b'.repeat(22), 1_000, 2_000))
    expect(await store.get('a'.repeat(22), 1_500)).toEqual(entry('a'.repeat(22), 1_000, 5_000))
    expect(await store.get('b'.repeat(22), 1_500)).not.toBeNull()
    expect(await store.get('b'.repeat(22), 2_000)).toBeNull()
    expect(await store.purgeExpired(3_000)).toBe(1)
    expect(await store.get('a'.repeat(22), 3_000)).not.toBeNull()
    store.close()
  })

  it('deletes a report once', async () => {
    const store = openSqliteReportStore(':memory:')
    await store.save(entry('c'.repeat(22), 1, 10))
    expect(await store.delete('c'.repeat(22))).toBe(true)
    expect(await store.delete('c'.repeat(22))).toBe(false)
    expect(await store.get('c'.repeat(22), 2)).toBeNull()
    store.close()
  })

  it('keeps one verified entry per domain, the newest, until it expires', async () => {
    const store = openSqliteReportStore(':memory:')
    await store.saveVerified({ domain: 'x.org', createdAt: 1, expiresAt: 100, settings: { v: 1 } })
    await store.saveVerified({ domain: 'x.org', createdAt: 2, expiresAt: 200, settings: { v: 2 } })
    expect(await store.getVerified('x.org', 150)).toMatchObject({ settings: { v: 2 } })
    expect(await store.getVerified('x.org', 200)).toBeNull()
    expect(await store.purgeExpired(250)).toBe(1)
    store.close()
  })

  it('creates the file and its folder, migrates it to the newest version, and keeps reports across a reopen', async () => {
    const path = join(dir, 'nested', 'reports.sqlite')
    const first = openSqliteReportStore(path)
    await first.save(entry('d'.repeat(22), 1, 10_000))
    first.close()
    const raw = new Database(path, { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    raw.close()
    const second = openSqliteReportStore(path)
    expect(await second.get('d'.repeat(22), 2)).toMatchObject({ domain: 'example.org' })
    second.close()
  })

  it('refuses a file that is not an SQLite database', () => {
    const path = join(dir, 'garbage.sqlite')
    writeFileSync(path, 'this is not a database, just some text that is long enough '.repeat(200))
    expect(() => openSqliteReportStore(path)).toThrow(/not a database/)
  })

  it('refuses a database from a newer version of the code', () => {
    const path = join(dir, 'future.sqlite')
    const raw = new Database(path)
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    raw.close()
    expect(() => openSqliteReportStore(path)).toThrow(/newer than this code knows/)
  })
})
