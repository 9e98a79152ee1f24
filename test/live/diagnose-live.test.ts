/**
 * Discovery and diagnosis against the real lab: SRV records and guessing through the lab's
 * dnsmasq, every candidate probed on real Dovecot and Postfix, and the recommendation.
 */
import { describe, expect, inject, it } from 'vitest'
import type { z } from 'zod'
import { createCachingResolver } from '../../src/dns/caching-resolver.ts'
import { createNodeResolver } from '../../src/dns/resolver-node.ts'
import { DiagnosisSchema } from '../../src/openapi/schemas.ts'
import { parseCidrList } from '../../src/security/address-policy.ts'
import { createTestApp, postJson } from '../fake/test-app.ts'

const lab = inject('lab')
const resolver = createCachingResolver(createNodeResolver({ servers: [lab.dns] }))
const { app } = createTestApp({
  resolver,
  allow: parseCidrList(lab.allowCidr),
  ca: [lab.caPem],
  timeoutMs: 5_000,
})

/** The documented report shape (the schema the OpenAPI document is made from). */
type Report = z.infer<typeof DiagnosisSchema>

const diagnose = async (body: Record<string, unknown>, headers: Record<string, string> = {}) => {
  const res = await postJson(app, '/api/v1/diagnose', body, headers)
  return {
    res,
    report: res.headers.get('content-type')?.includes('json')
      ? ((await res.json()) as Report)
      : null,
  }
}

describe('diagnose against the lab', () => {
  it('example.test: SRV finds mail.example.test, the probes confirm it, IMAP 993 and submission are recommended', async () => {
    const { res, report } = await diagnose({ email: 'alice@example.test', lang: 'en' })
    expect(res.status).toBe(200)
    if (!report) throw new Error('no JSON report')
    // The documented schema (strict) accepts a real, fully probed report.
    DiagnosisSchema.parse(report)
    expect(report.provider).toBeNull()
    expect(report.incoming).toContainEqual(
      expect.objectContaining({
        protocol: 'imap',
        host: 'mail.example.test',
        port: 993,
        security: 'tls',
        verified: true,
      }),
    )
    expect(report.outgoing).toContainEqual(
      expect.objectContaining({
        protocol: 'smtp',
        host: 'mail.example.test',
        port: 587,
        verified: true,
      }),
    )
    expect(report.recommended.incoming).toMatchObject({
      host: 'mail.example.test',
      port: 993,
      source: { type: 'srv' },
    })
    expect(report.recommended.outgoing).toMatchObject({ host: 'mail.example.test', port: 587 })
    expect(report.protocol).toBe('imap')
    expect(report.reasons.map((r) => r.code)).toContain('VERIFIED')
    expect(report.sources).toContainEqual(
      expect.objectContaining({
        type: 'srv',
        name: '_pop3._tcp.example.test',
        code: 'SRV_NOT_OFFERED',
      }),
    )
    // The autoconfig host does not exist in the lab's DNS: tried, and reported as such.
    expect(report.sources.some((s) => s.type === 'autoconfig' && s.status === 'error')).toBe(true)
  })

  it('full.lab.test: nothing published, so guessing finds the bare domain and the probes prove it', async () => {
    const { report } = await diagnose({ email: 'bob@full.lab.test', lang: 'zh-CN' })
    if (!report) throw new Error('no JSON report')
    const guessed = report.incoming.filter((s) => s.source.type === 'guess')
    expect(guessed.map((s) => [s.protocol, s.port]).sort()).toEqual([
      ['imap', 143],
      ['imap', 993],
      ['pop3', 110],
      ['pop3', 995],
    ])
    expect(guessed.every((s) => s.host === 'full.lab.test' && s.verified)).toBe(true)
    expect(report.recommended.incoming).toMatchObject({
      host: 'full.lab.test',
      port: 993,
      security: 'tls',
    })
    expect(report.recommended.outgoing).toMatchObject({ host: 'full.lab.test', port: 465 })
    expect(report.reasons.every((r) => /[\u4e00-\u9fff]/.test(r.text))).toBe(true)
  })

  it('a host whose only IMAP has an expired certificate is not silently recommended', async () => {
    const { report } = await diagnose({ email: 'carol@expired.lab.test', lang: 'en' })
    if (!report) throw new Error('no JSON report')
    const imaps = report.incoming.find((s) => s.port === 993)
    expect(imaps).toMatchObject({ verified: false, code: 'TLS_CERT_EXPIRED' })
    expect(report.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['CERT_PROBLEM']))
  })

  it('POP3 only with several devices: POP3 is what there is, with the advice to keep a copy on the server', async () => {
    const { report } = await diagnose({
      email: 'dan@pop3only.lab.test',
      needs: { devices: 'several' },
    })
    if (!report) throw new Error('no JSON report')
    expect(report.protocol).toBe('pop3')
    expect(report.recommended.incoming).toMatchObject({ protocol: 'pop3', port: 995 })
    expect(report.reasons.map((r) => r.code)).toContain('POP3_ONLY_KEEP_COPY')
    expect(report.recommended.outgoing).toBeNull()
  })

  it('streams source and probe events as they arrive, then the report', async () => {
    const res = await postJson(
      app,
      '/api/v1/diagnose',
      { email: 'alice@example.test' },
      { accept: 'text/event-stream' },
    )
    const text = await res.text()
    const events = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1])
    expect(events[events.length - 1]).toBe('report')
    expect(events).toContain('source')
    expect(events).toContain('probe')
    expect(events).toContain('recommendation')
    expect(events.indexOf('source')).toBeLessThan(events.indexOf('probe'))
    // The last recommendation event says what the report says.
    const datas = [...text.matchAll(/^event: (\w+)\ndata: (.*)$/gm)].map(
      (m) => [m[1], JSON.parse(m[2] ?? '')] as const,
    )
    const lastRec = datas.filter(([e]) => e === 'recommendation').pop()?.[1] as {
      recommended: unknown
    }
    const report = datas.find(([e]) => e === 'report')?.[1] as { recommended: unknown }
    expect(lastRec.recommended).toEqual(report.recommended)
  })

  it('GET /api/v1/lookup answers without probing unless asked', async () => {
    const fast = (await (
      await app.request('/api/v1/lookup?email=alice@example.test')
    ).json()) as Report
    expect(fast.probes).toEqual([])
    expect(fast.incoming[0]).toMatchObject({ host: 'mail.example.test', verified: false })
    const probed = (await (
      await app.request('/api/v1/lookup?email=alice@example.test&probe=1')
    ).json()) as Report
    expect(probed.probes.length).toBeGreaterThan(0)
    expect(probed.incoming[0]).toMatchObject({ host: 'mail.example.test', verified: true })
  })
})

describe('client formats for a domain only discovery knows', () => {
  it('the Thunderbird file and the guide for alice@example.test come from its SRV records', async () => {
    const xml = await (
      await app.request('/mail/config-v1.1.xml?emailaddress=alice@example.test')
    ).text()
    expect(xml).toContain('<hostname>mail.example.test</hostname>')
    expect(xml).toMatch(
      /<incomingServer type="imap">\s*<hostname>mail.example.test<\/hostname>\s*<port>993<\/port>/,
    )
    const guide = (await (
      await app.request('/api/v1/guides/thunderbird?email=alice@example.test&lang=en')
    ).json()) as {
      incoming: { host: string; port: number } | null
      outgoing: { host: string; port: number } | null
    }
    expect(guide.incoming).toMatchObject({ host: 'mail.example.test', port: 993 })
    expect(guide.outgoing).toMatchObject({ host: 'mail.example.test', port: 587 })
  })
})
