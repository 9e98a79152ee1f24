/**
 * The login failure limit shared across processes. Two limits over one SQLite file (as two worker
 * processes hold them) count together, atomically; the file holds no account name. And the real
 * thing: `node src/node.ts` with MAILSETUP_WORKERS=2 (node:cluster hands each new connection to
 * the next worker), a fake IMAP server refusing every login, and MAILSETUP_LOGIN_FAILURE_LIMIT=2:
 * requests served by both workers are refused from the third on, where counting per worker would
 * have let four through.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSqliteReportStore } from '../../../src/diagnose/store-sqlite-node.ts'
import { failureKey } from '../../../src/login/failure-limit.ts'
import { openSqliteFailureLimit } from '../../../src/login/failure-limit-sqlite-node.ts'
import { type MailServer, startMailServer } from '../../fake/mail-server.ts'
import { sharedTestCert } from '../../fake/test-cert.ts'
import { IMAP_SECURE, PASSWORD } from './login-harness.ts'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'failure-limit-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const WINDOW = { max: 2, windowMs: 15 * 60_000 }
const key = failureKey('ann.private@example.com', { host: 'imap.example.com', port: 993 })
const other = failureKey('bob@example.com', { host: 'imap.example.com', port: 993 })

describe('two limits over one SQLite file', () => {
  it('count together: what one took, the other sees; a forgiven place is free again', async () => {
    const path = join(dir, 'shared.sqlite')
    openSqliteReportStore(path).close() // the service's file, as node.ts opens it first
    const a = openSqliteFailureLimit(path, { ...WINDOW, secret: 's3cret' })
    const b = openSqliteFailureLimit(path, { ...WINDOW, secret: 's3cret' })
    const first = await a.reserve([key])
    const second = await b.reserve([key])
    expect([first.ok, second.ok]).toEqual([true, true])
    const third = await a.reserve([key])
    expect(third).toMatchObject({ ok: false })
    expect(third.ok ? 0 : third.retryAfter).toBeGreaterThan(800)
    expect((await b.reserve([key])).ok).toBe(false)
    // Another account on the same server is not held back.
    expect((await b.reserve([other])).ok).toBe(true)
    // The second test worked after all: its place is given back, in the other process too.
    if (second.ok) await second.forgive(key)
    expect((await a.reserve([key])).ok).toBe(true)
    expect((await b.reserve([key])).ok).toBe(false)
    a.close()
    b.close()
    const bytes = Buffer.concat(
      readdirSync(dir)
        .filter((name) => name.startsWith('shared.sqlite'))
        .map((name) => readFileSync(join(dir, name))),
    )
    expect(bytes.includes(Buffer.from('ann.private'))).toBe(false)
    expect(bytes.includes(Buffer.from('imap.example.com'))).toBe(false)
  })

  it('a full key refuses the whole request and takes no place for the others', async () => {
    const path = join(dir, 'refused.sqlite')
    const limit = openSqliteFailureLimit(path, { ...WINDOW, max: 1, secret: 'x' })
    expect((await limit.reserve([key])).ok).toBe(true)
    expect((await limit.reserve([key, other])).ok).toBe(false)
    // `other` was not counted by the refused request.
    expect((await limit.reserve([other])).ok).toBe(true)
    limit.close()
  })

  it('under another secret the rows are another count (a restart of the service begins anew)', async () => {
    const path = join(dir, 'secrets.sqlite')
    const before = openSqliteFailureLimit(path, { ...WINDOW, secret: 'start-1' })
    await before.reserve([key])
    await before.reserve([key])
    expect((await before.reserve([key])).ok).toBe(false)
    const after = openSqliteFailureLimit(path, { ...WINDOW, secret: 'start-2' })
    expect((await after.reserve([key])).ok).toBe(true)
    before.close()
    after.close()
  })
})

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })

/** One POST on a connection of its own, so that the cluster hands each to the next worker. */
const post = (port: number, body: unknown) =>
  new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/v1/login-test',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', connection: 'close' },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
      },
    )
    req.on('error', reject)
    req.end(JSON.stringify(body))
  })

type Line = Record<string, unknown>

describe('MAILSETUP_WORKERS=2', () => {
  let imap: MailServer
  beforeAll(async () => {
    imap = await startMailServer('imap', {
      implicitTls: true,
      secure: { ...IMAP_SECURE, LOGIN: '{tag} NO [AUTHENTICATIONFAILED] Authentication failed.' },
    })
  })
  afterAll(() => imap.close())

  it('the two workers share the count: the third failed test is a 429, whichever worker gets it', async () => {
    const ca = join(dir, 'ca.pem')
    writeFileSync(ca, sharedTestCert().cert)
    const port = await freePort()
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'info',
        MAILSETUP_WORKERS: '2',
        MAILSETUP_DATABASE: join(dir, 'cluster.sqlite'),
        MAILSETUP_ALLOW_TARGETS: '127.0.0.0/8',
        MAILSETUP_PROBE_PORTS: String(imap.port),
        MAILSETUP_EXTRA_CA: ca,
        MAILSETUP_LOGIN_FAILURE_LIMIT: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    const lines = () =>
      stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Line)
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`two workers did not listen: ${stdout}`)),
          60_000,
        )
        const check = () => {
          if (lines().filter((line) => line.msg === 'listening').length >= 2) {
            clearTimeout(timer)
            resolve()
          }
        }
        child.stdout.on('data', check)
        check()
      })
      const body = {
        email: 'ann@example.com',
        password: PASSWORD,
        incoming: { protocol: 'imap', host: '127.0.0.1', port: imap.port, security: 'tls' },
      }
      const statuses: number[] = []
      for (let i = 0; i < 4; i++) statuses.push((await post(port, body)).status)
      expect(statuses).toEqual([200, 200, 429, 429])
      // The requests were served by both workers (each log line names its process).
      const served = lines().filter(
        (line) => line.msg === 'request' && line.path === '/api/v1/login-test',
      )
      expect(new Set(served.map((line) => line.pid)).size).toBe(2)
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
    expect(stdout).not.toContain(PASSWORD)
  }, 90_000)
})
