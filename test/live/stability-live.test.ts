/**
 * Choosing among a provider's alternative hosts, against the real lab: an operator overlay gives
 * regional.test Exmail-like alternatives on lab hosts (IMAP: tls.lab.test for mainland China,
 * full.lab.test elsewhere; SMTP: submission.lab.test for mainland China, starttls.lab.test
 * elsewhere, which has no port 465, so every handshake there is refused). A probing diagnosis
 * gives each of them three TCP + TLS handshakes on real Dovecot and Postfix.
 */
import { describe, expect, inject, it } from 'vitest'
import type { z } from 'zod'
import { createCachingResolver } from '../../src/dns/caching-resolver.ts'
import { createNodeResolver } from '../../src/dns/resolver-node.ts'
import { DiagnosisSchema } from '../../src/openapi/schemas.ts'
import { regionalProviders } from '../lab/regional-provider.ts'
import { parseCidrList } from '../../src/security/address-policy.ts'
import { createTestApp, postJson } from '../fake/test-app.ts'

const lab = inject('lab')
const { tls, full, submission, starttls } = lab.hosts

const { app } = createTestApp({
  resolver: createCachingResolver(createNodeResolver({ servers: [lab.dns] })),
  allow: parseCidrList(lab.allowCidr),
  ca: [lab.caPem],
  timeoutMs: 5_000,
  providers: regionalProviders(lab),
})

type Report = z.infer<typeof DiagnosisSchema>

const diagnose = async (body: Record<string, unknown>): Promise<Report> => {
  const res = await postJson(app, '/api/v1/diagnose', body)
  expect(res.status).toBe(200)
  return DiagnosisSchema.parse(await res.json())
}

describe('measured connect stability against the lab', () => {
  it('three handshakes each on real Dovecot and Postfix; the host without 465 fails all three', async () => {
    const report = await diagnose({ email: 'li@regional.test', lang: 'en' })
    const stability = report.stability
    if (!stability) throw new Error('no measurement in the report')
    expect(stability.measuredFrom).toBe('service')
    const byHost = new Map(stability.hosts.map((h) => [`${h.protocol}:${h.host}`, h]))
    for (const [key, host] of [
      [`imap:${tls.name}`, tls],
      [`imap:${full.name}`, full],
      [`smtp:${submission.name}`, submission],
    ] as const) {
      const h = byHost.get(key)
      expect(h, key).toMatchObject({ answered: 3, address: host.address })
      expect(h?.attempts.every((a) => a.ok && a.tlsMs !== null && a.ms !== null)).toBe(true)
      expect(h?.medianMs).not.toBeNull()
      expect(h?.spreadMs).toBeGreaterThanOrEqual(0)
    }
    expect(byHost.get(`smtp:${starttls.name}`)).toMatchObject({ answered: 0, medianMs: null })
    expect(byHost.get(`smtp:${starttls.name}`)?.attempts.map((a) => a.code)).toEqual(
      Array(3).fill('TCP_REFUSED'),
    )
  })

  it('the choice on real servers: outside mainland China full.lab.test; SMTP falls back to the mainland host, saying why', async () => {
    const report = await diagnose({ email: 'li@regional.test', lang: 'en', region: 'intl' })
    expect(report.recommended.incoming).toMatchObject({ host: full.name, verified: true })
    expect(report.recommended.outgoing).toMatchObject({ host: submission.name, verified: true })
    expect(
      report.hostChoice.map((c) => [c.protocol, c.host, c.because, c.alternative?.host]),
    ).toEqual([
      ['imap', full.name, 'region', tls.name],
      ['smtp', submission.name, 'unreachable', starttls.name],
    ])
    const measured = report.reasons.filter((r) => r.code === 'SERVER_MEASURED').map((r) => r.text)
    expect(measured).toHaveLength(2)
    expect(measured[0]).toMatch(
      new RegExp(`${tls.name} median \\d+ ms \\(spread \\d+ ms, 3 of 3 answered\\)`),
    )
  })

  it('no answer, a mainland time zone: the mainland hosts, the report saying the region came from the time zone', async () => {
    const report = await diagnose({
      email: 'li@regional.test',
      lang: 'zh-CN',
      timeZone: 'Asia/Shanghai',
    })
    expect(report).toMatchObject({ region: 'cn', regionFrom: 'time-zone' })
    expect(report.recommended.incoming?.host).toBe(tls.name)
    expect(report.reasons.find((r) => r.code === 'SERVER_REGION_TIMEZONE')?.text).toContain(
      '根据浏览器的时区',
    )
  })
})
