/**
 * Company domains recognised by their MX host through the lab's real DNS (dnsmasq): one behind a
 * NetEase qiye MX host, one behind a GoDaddy MX host, each getting its host's settings from the
 * built-in provider data. A lookup without probes: the hosts are on the internet, which the lab
 * does not reach (its DNS answers .test only).
 */
import { describe, expect, inject, it } from 'vitest'
import type { z } from 'zod'
import { createCachingResolver } from '../../src/dns/caching-resolver.ts'
import { createNodeResolver } from '../../src/dns/resolver-node.ts'
import { ReportSchema } from '../../src/openapi/schemas.ts'
import { parseCidrList } from '../../src/security/address-policy.ts'
import { createTestApp } from '../fake/test-app.ts'

const lab = inject('lab')
const resolver = createCachingResolver(createNodeResolver({ servers: [lab.dns] }))
const { app } = createTestApp({
  resolver,
  allow: parseCidrList(lab.allowCidr),
  ca: [lab.caPem],
  httpCa: [lab.caPem],
  timeoutMs: 5_000,
})

type Report = z.infer<typeof ReportSchema>

const lookup = async (email: string, extra = ''): Promise<Report> => {
  const res = await app.request(
    `/api/v1/lookup?email=${encodeURIComponent(email)}&lang=zh-CN${extra}`,
  )
  expect(res.status).toBe(200)
  const report: unknown = await res.json()
  return ReportSchema.parse(report)
}

describe('hosting recognised by MX through the lab DNS', () => {
  it('the lab DNS publishes the MX records', async () => {
    expect((await resolver.mx('qiye-corp.test', new AbortController().signal))[0]?.exchange).toBe(
      'qiye163mx01.mxmail.netease.com',
    )
  })

  it('a company domain behind qiye163mx01.mxmail.netease.com gets NetEase qiye settings', async () => {
    const report = await lookup('wang@qiye-corp.test')
    expect(report.provider).toMatchObject({ id: 'netease-qiye', name: '网易企业邮箱' })
    expect(report.sources).toContainEqual(
      expect.objectContaining({
        type: 'mx',
        name: 'qiye163mx01.mxmail.netease.com',
        status: 'found',
      }),
    )
    expect(report.recommended.incoming).toMatchObject({
      host: 'imaphz.qiye.163.com',
      port: 993,
      security: 'tls',
      username: 'wang@qiye-corp.test',
    })
    expect(report.recommended.outgoing).toMatchObject({ host: 'smtphz.qiye.163.com', port: 465 })
    expect(report.credential.kind).toBe('authorization-code')
    expect(report.hints.join('\n')).toContain('客户端授权码')
  })

  it('the same domain read from outside mainland China gets the hwhz hosts and is told the other', async () => {
    const report = await lookup('wang@qiye-corp.test', '&region=intl')
    expect(report.recommended.incoming?.host).toBe('hwhzimap.qiye.163.com')
    const note = report.reasons.find((r) => r.code === 'SERVER_REGION')
    expect(note?.text).toContain('imaphz.qiye.163.com')
  })

  it('a company domain behind mailstore1.secureserver.net gets GoDaddy settings', async () => {
    const report = await lookup('sam@godaddy-corp.test')
    expect(report.provider).toMatchObject({ id: 'godaddy' })
    expect(report.recommended.incoming).toMatchObject({
      host: 'imap.secureserver.net',
      port: 993,
      security: 'tls',
      username: 'sam@godaddy-corp.test',
    })
    expect(report.recommended.outgoing).toMatchObject({
      host: 'smtpout.secureserver.net',
      port: 465,
    })
  })
})
