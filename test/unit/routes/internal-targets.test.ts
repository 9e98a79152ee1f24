/**
 * Issue 14: a domain whose autoconfig or SRV records name 127.0.0.2, localhost or a private
 * address never gets those servers handed to mail clients (XML, profile, Autodiscover, guides);
 * the report says they were left out. msw answers the autoconfig; no socket connects.
 */
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import type { Resolver } from '../../../src/dns/resolver.ts'
import { ProbeError } from '../../../src/errors/probe-error.ts'
import { PUBLIC_A } from '../../fake/discovery-deps.ts'
import { useOfflineMsw } from '../../fake/offline-msw.ts'
import { createTestApp, postJson } from '../../fake/test-app.ts'
import { outlookRequest } from '../formats/fixture.ts'

const { server } = useOfflineMsw()

const NAMES: Record<string, string> = {
  'autoconfig.corp.example': PUBLIC_A,
  'mail.corp.example': '10.0.0.5',
}
const SRV: Record<string, { name: string; port: number }> = {
  '_imaps._tcp.corp.example': { name: '127.0.0.2', port: 993 },
  '_submission._tcp.corp.example': { name: 'localhost', port: 587 },
  '_imap._tcp.corp.example': { name: 'mail.corp.example', port: 143 },
}
const resolver: Resolver = {
  addresses: async (name) => {
    const address = NAMES[name]
    if (!address) throw new ProbeError('DNS_NXDOMAIN', name)
    return [{ address, family: 4, ttl: 60 }]
  },
  mx: async () => [],
  srv: async (name) => {
    const record = SRV[name]
    return record ? [{ ...record, priority: 10, weight: 1 }] : []
  },
}

const server_ = (type: string, host: string, port: number, tag: 'incoming' | 'outgoing') =>
  `<${tag}Server type="${type}"><hostname>${host}</hostname><port>${port}</port><socketType>SSL</socketType><username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></${tag}Server>`
const AUTOCONFIG = `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1"><emailProvider id="corp.example"><domain>corp.example</domain>
${server_('imap', '127.0.0.2', 993, 'incoming')}
${server_('imap', 'imap.public-host.example', 993, 'incoming')}
${server_('smtp', 'localhost', 465, 'outgoing')}
${server_('smtp', 'smtp.public-host.example', 465, 'outgoing')}
</emailProvider></clientConfig>`

const withAutoconfig = () =>
  server.use(
    http.get('https://autoconfig.corp.example/mail/config-v1.1.xml', () =>
      HttpResponse.text(AUTOCONFIG, { headers: { 'content-type': 'text/xml' } }),
    ),
  )

const INTERNAL = ['127.0.0.2', 'localhost', 'mail.corp.example', '10.0.0.5']
const email = 'ann@corp.example'

describe('internal servers named by a domain’s autoconfig or SRV records', () => {
  it('are left out of the XML, the profile, the Autodiscover answer and the guide', async () => {
    withAutoconfig()
    const { app } = createTestApp({ resolver, allow: [] })
    const answers = {
      xml: await app.request(`/mail/config-v1.1.xml?emailaddress=${email}`),
      profile: await app.request(`/mobileconfig?emailaddress=${email}`),
      autodiscover: await app.request('/autodiscover/autodiscover.xml', {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body: outlookRequest(email),
      }),
      guide: await app.request(`/api/v1/guides/thunderbird?email=${email}`),
    }
    for (const [name, res] of Object.entries(answers)) {
      expect(res.status, name).toBe(200)
      const text = await res.text()
      expect(text, name).toContain('imap.public-host.example')
      for (const host of INTERNAL) expect(text, `${name}: ${host}`).not.toContain(host)
    }
  })

  it('the report says so: a warning, and a TARGET_BLOCKED source result per server left out', async () => {
    withAutoconfig()
    const { app } = createTestApp({ resolver, allow: [] })
    const res = await app.request(`/api/v1/lookup?email=${email}`)
    const report = (await res.json()) as {
      incoming: { host: string }[]
      outgoing: { host: string }[]
      warnings: { code: string; text: string }[]
      sources: { name: string; status: string; code?: string }[]
    }
    const hosts = [...report.incoming, ...report.outgoing].map((s) => s.host)
    expect(hosts).toContain('imap.public-host.example')
    for (const host of ['127.0.0.2', 'localhost']) {
      expect(hosts).not.toContain(host)
      expect(report.sources).toContainEqual(
        expect.objectContaining({ name: host, status: 'error', code: 'TARGET_BLOCKED' }),
      )
    }
    const warning = report.warnings.find((w) => w.code === 'INTERNAL_SERVERS_LEFT_OUT')
    expect(warning?.text).toContain('127.0.0.2')
  })

  it('with probes: a name that resolves to a private address is left out too', async () => {
    withAutoconfig()
    const { app } = createTestApp({ resolver, allow: [] })
    const res = await postJson(app, '/api/v1/diagnose', { email })
    const report = (await res.json()) as {
      incoming: { host: string }[]
      outgoing: { host: string }[]
      sources: { name: string; code?: string }[]
    }
    const hosts = [...report.incoming, ...report.outgoing].map((s) => s.host)
    for (const host of INTERNAL) expect(hosts).not.toContain(host)
    expect(report.sources).toContainEqual(
      expect.objectContaining({ name: 'mail.corp.example', code: 'TARGET_BLOCKED' }),
    )
  })
})
