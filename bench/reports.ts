/**
 * @module
 * `npm run bench:reports`: save and read 10,000 reports in an SQLite file (the Node ReportStore,
 * through saveReport as the diagnose route calls it); per-operation p50/p99 and the file size.
 * The report is a real one (POST /api/v1/diagnose for a QQ Mail address, without probes) with
 * 14 probe results of the size a probing diagnosis stores (transcripts included).
 * Reference, measured in the same run: bare better-sqlite3 with the same pragmas, one table
 * (id, body), inserting the same JSON and reading it back by id, so the ratio is our layer's cost.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import type { Report } from '../src/diagnose/report.ts'
import { type ReportStorage, saveReport } from '../src/diagnose/saved-report.ts'
import { openSqliteReportStore } from '../src/diagnose/store-sqlite-node.ts'
import { DEFAULT_RETENTION } from '../src/app.ts'
import { createProviderIndex, loadBuiltInProviders } from '../src/providers/index.ts'
import { createTestApp, postJson } from '../test/fake/test-app.ts'

const COUNT = 10_000

const sampleReport = async (): Promise<Report> => {
  const { app } = createTestApp()
  const res = await postJson(app, '/api/v1/diagnose', { email: 'ann@qq.com', probe: false })
  const {
    id: _id,
    url: _url,
    createdAt: _at,
    deleteToken: _token,
    ...report
  } = (await res.json()) as Report & Record<string, unknown>
  const transcript = Array.from({ length: 12 }, (_, i) => ({
    dir: i % 2 ? 'recv' : 'send',
    line:
      i % 2
        ? '* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE] ready'
        : 'a1 CAPABILITY',
  }))
  const probe = {
    host: 'imap.qq.com',
    address: '203.0.113.10',
    port: 993,
    protocol: 'imap',
    security: 'tls',
    status: 'ok',
    code: null,
    problems: [],
    detail: '',
    greeting: '* OK [CAPABILITY IMAP4rev1] QQMail IMAP4Server ready',
    capabilities: { beforeTls: [], afterTls: ['IMAP4rev1', 'IDLE', 'AUTH=PLAIN', 'AUTH=LOGIN'] },
    auth: ['PLAIN', 'LOGIN'],
    tls: {
      protocol: 'TLSv1.3',
      cipher: 'TLS_AES_256_GCM_SHA384',
      trusted: true,
      hostnameMatch: true,
      certificate: {
        subject: 'imap.qq.com',
        names: ['imap.qq.com', '*.qq.com'],
        issuer: 'DigiCert Secure Site OV G2 TLS CN RSA4096 SHA256 2022 CA1',
        validFrom: '2026-01-01T00:00:00.000Z',
        validTo: '2027-01-01T00:00:00.000Z',
        daysLeft: 180,
        fingerprint256: 'AA:'.repeat(31) + 'AA',
        selfSigned: false,
      },
    },
    timings: { dns: 3, connect: 30, tls: 60, greeting: 20, total: 140 },
    message: {
      en: 'Works: IMAP over TLS on port 993.',
      'zh-CN': '可用：端口 993 上的 IMAP（SSL/TLS）。',
    },
    transcript,
  }
  return { ...report, probes: Array.from({ length: 14 }, () => probe) } as unknown as Report
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

const fmt = (ms: number) => `${ms.toFixed(3)} ms`

/** p50 and p99 of `times`, printed; with a reference, the ratios against it too. */
const summary = (label: string, times: number[], reference?: { p50: number; p99: number }) => {
  const sorted = [...times].sort((a, b) => a - b)
  const p50 = percentile(sorted, 50)
  const p99 = percentile(sorted, 99)
  const ratios = reference
    ? `  (${(p50 / reference.p50).toFixed(2)}× / ${(p99 / reference.p99).toFixed(2)}× the reference)`
    : ''
  console.log(
    `${label.padEnd(14)} n=${times.length}  p50 ${fmt(p50)}  p99 ${fmt(p99)}  max ${fmt(sorted.at(-1) ?? 0)}${ratios}`,
  )
  return { p50, p99 }
}

/** The reference: the same bytes in and out of a bare better-sqlite3 table. */
const referenceRun = (file: string, report: unknown) => {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec('CREATE TABLE r (id TEXT PRIMARY KEY, body TEXT NOT NULL)')
  const insert = db.prepare<[string, string]>('INSERT INTO r (id, body) VALUES (?, ?)')
  const select = db.prepare<[string], { body: string }>('SELECT body FROM r WHERE id = ?')
  const ids: string[] = []
  const saves: number[] = []
  for (let i = 0; i < COUNT; i++) {
    const id = randomBytes(16).toString('base64url')
    const start = performance.now()
    insert.run(id, JSON.stringify(report))
    saves.push(performance.now() - start)
    ids.push(id)
  }
  const reads: number[] = []
  for (let i = 0; i < COUNT; i++) {
    const id = ids[Math.floor(Math.random() * ids.length)] ?? ''
    const start = performance.now()
    const row = select.get(id)
    if (!row) throw new Error(`reference row ${id} not found`)
    JSON.parse(row.body)
    reads.push(performance.now() - start)
  }
  db.close()
  return { saves, reads }
}

const dir = mkdtempSync(join(tmpdir(), 'mailsetup-bench-'))
const path = join(dir, 'reports.sqlite')
try {
  const report = await sampleReport()
  const store = openSqliteReportStore(path)
  const storage: ReportStorage = {
    store,
    retention: DEFAULT_RETENTION,
    providers: createProviderIndex(loadBuiltInProviders()),
    now: Date.now,
  }
  console.log(`report body: ${JSON.stringify(report).length} bytes of JSON`)
  const ids: string[] = []
  const saves: number[] = []
  for (let i = 0; i < COUNT; i++) {
    const start = performance.now()
    const saved = await saveReport(storage, report, { probed: true })
    saves.push(performance.now() - start)
    ids.push(saved.id)
  }
  const reads: number[] = []
  for (let i = 0; i < COUNT; i++) {
    const id = ids[Math.floor(Math.random() * ids.length)] ?? ''
    const start = performance.now()
    const got = await store.get(id, Date.now())
    reads.push(performance.now() - start)
    if (!got) throw new Error(`report ${id} not found`)
  }
  store.close()
  const reference = referenceRun(join(dir, 'reference.sqlite'), report)
  const refSave = summary('reference save', reference.saves)
  const refRead = summary('reference read', reference.reads)
  summary('save', saves, refSave)
  summary('read', reads, refRead)
  const size = (file: string) => {
    try {
      return statSync(file).size
    } catch {
      return 0
    }
  }
  const bytes = size(path) + size(`${path}-wal`)
  console.log(
    `file: ${(bytes / 1024 / 1024).toFixed(1)} MiB for ${COUNT} reports (${Math.round(bytes / COUNT)} bytes each)`,
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
