/**
 * When nothing is found, the report says why, from what the lab's real DNS (dnsmasq) answered,
 * after a whole probing diagnosis (guessing included) has found no server:
 * - nosuch-corp.test does not exist (NXDOMAIN);
 * - noaddr.lab.test exists but has no MX record;
 * - elsewhere-corp.test sends its mail to mx.unknown-mailhost.test, which no source knows;
 * - and with a resolver nobody answers (a closed loopback port), DNS could not be asked.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, inject, it } from 'vitest'
import type { z } from 'zod'
import { openSqliteReportStore } from '../../src/diagnose/store-sqlite-node.ts'
import { createCachingResolver } from '../../src/dns/caching-resolver.ts'
import { createNodeResolver } from '../../src/dns/resolver-node.ts'
import { DiagnosisSchema, StoredReportSchema } from '../../src/openapi/schemas.ts'
import { parseCidrList } from '../../src/security/address-policy.ts'
import { createTestApp, postJson } from '../fake/test-app.ts'
import { withLabCorp } from '../lab/lab-corp.ts'
import { MX_RECORDS } from '../lab/layout.ts'

const lab = inject('lab')
const providers = withLabCorp(lab)
const dir = mkdtempSync(join(tmpdir(), 'mailsetup-nothing-found-'))
const store = openSqliteReportStore(join(dir, 'mailsetup.sqlite'))
afterAll(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})
const appWith = (dns: string) =>
  createTestApp({
    resolver: createCachingResolver(createNodeResolver({ servers: [dns] })),
    allow: parseCidrList(lab.allowCidr),
    ca: [lab.caPem],
    httpCa: [lab.caPem],
    timeoutMs: 5_000,
    reports: store,
    providers,
  }).app
const labApp = appWith(lab.dns)

type Report = z.infer<typeof DiagnosisSchema>

const diagnose = async (email: string, lang: 'en' | 'zh-CN', app = labApp): Promise<Report> => {
  const res = await postJson(app, '/api/v1/diagnose', { email, lang })
  expect(res.status).toBe(200)
  return DiagnosisSchema.parse(await res.json())
}

const warning = (report: Report, code: string) => report.warnings.find((w) => w.code === code)?.text

describe('why nothing was found, from the lab DNS', () => {
  it('a domain that does not exist: check the spelling', async () => {
    const en = await diagnose('ann@nosuch-corp.test', 'en')
    expect(en.recommended).toEqual({ incoming: null, outgoing: null })
    expect(en.sources).toContainEqual(
      expect.objectContaining({ type: 'mx', name: 'nosuch-corp.test', code: 'DNS_NXDOMAIN' }),
    )
    expect(warning(en, 'DOMAIN_NOT_FOUND')).toMatch(
      /^The domain nosuch-corp\.test does not exist in DNS.*after the @ for a typo\.$/,
    )
    const zh = await diagnose('ann@nosuch-corp.test', 'zh-CN')
    expect(warning(zh, 'DOMAIN_NOT_FOUND')).toMatch(/^域名 nosuch-corp\.test 在 DNS 中不存在/)
    // The stored report (SQLite), read in the other language, keeps the explanation.
    const stored = StoredReportSchema.parse(
      await (await labApp.request(`/api/v1/reports/${en.id}?lang=zh-CN`)).json(),
    )
    expect(stored.warnings.find((w) => w.code === 'DOMAIN_NOT_FOUND')?.text).toBe(
      warning(zh, 'DOMAIN_NOT_FOUND'),
    )
  })

  it('a domain a typo away from a known one: the address meant, in the report and its words', async () => {
    const en = await diagnose('ann@crop.test', 'en')
    expect(en.didYouMean).toEqual(['ann@corp.test'])
    expect(en.warnings.map((w) => w.code)).toEqual([
      'NO_INCOMING_FOUND',
      'NO_OUTGOING_FOUND',
      'DOMAIN_NOT_FOUND',
      'DID_YOU_MEAN',
    ])
    expect(warning(en, 'DID_YOU_MEAN')).toBe(
      'Did you mean ann@corp.test? Check the address and try again.',
    )
    // A domain far from every known one gets no suggestion.
    expect((await diagnose('ann@nosuch-corp.test', 'en')).didYouMean).toEqual([])
  })

  it('a domain without an MX record, where guessing found nothing: it may not take mail', async () => {
    const report = await diagnose('ann@noaddr.lab.test', 'en')
    expect(report.recommended).toEqual({ incoming: null, outgoing: null })
    expect(warning(report, 'DOMAIN_NO_MX')).toMatch(/noaddr\.lab\.test has no mail servers/)
    expect(report.warnings.map((w) => w.code)).not.toContain('DOMAIN_NOT_FOUND')
  })

  it('mail at a host no source knows: names the MX host and whom to ask', async () => {
    const mx = MX_RECORDS['elsewhere-corp.test']
    expect(mx).toBe('mx.unknown-mailhost.test')
    const report = await diagnose('ann@elsewhere-corp.test', 'zh-CN')
    expect(report.sources).toContainEqual(
      expect.objectContaining({ type: 'mx', name: mx, status: 'none' }),
    )
    expect(warning(report, 'DOMAIN_MX_UNKNOWN')).toBe(
      `elsewhere-corp.test 的邮件投递到 ${mx}，这是本服务不认识的邮件主机，也没能在那里找到或猜出设置。请向你的邮件管理员或运营 ${mx} 的公司索取 IMAP 和 SMTP 设置。`,
    )
  })

  it('DNS that does not answer: the service’s trouble, try again, not the address', async () => {
    const closed = appWith('127.0.0.1:9')
    const report = await diagnose('ann@elsewhere-corp.test', 'en', closed)
    expect(report.sources).toContainEqual(
      expect.objectContaining({ type: 'mx', name: 'elsewhere-corp.test', code: 'DNS_ERROR' }),
    )
    expect(warning(report, 'DOMAIN_DNS_FAILED')).toMatch(
      /^The service could not look up elsewhere-corp\.test in DNS just now, so it could not find the settings\. The DNS lookup failed .*\. The address may well be fine: try again in a few minutes/,
    )
    expect(report.warnings.map((w) => w.code)).not.toContain('DOMAIN_NOT_FOUND')
  })
})
