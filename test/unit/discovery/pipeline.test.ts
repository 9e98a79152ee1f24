/**
 * The discovery pipeline without probes: every source, their priority, and the events they send.
 * DNS is a fake resolver; autoconfig HTTP is answered in-process by msw.
 */
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { AddressRecord, MxRecord, Resolver, SrvRecord } from '../../../src/dns/resolver.ts'
import { createNodeHttpGet } from '../../../src/discovery/http-node.ts'
import { type DiscoveryEvent, createDiscovery } from '../../../src/discovery/pipeline.ts'
import { createHostLimiter } from '../../../src/probes/host-limiter.ts'
import { ProbeError } from '../../../src/errors/probe-error.ts'
import { createNodeConnect } from '../../../src/probes/socket-node.ts'
import {
  createProviderIndex,
  loadBuiltInProviders,
  parseProviders,
} from '../../../src/providers/index.ts'
import { createTargetGuard } from '../../../src/security/target-guard.ts'
import { PUBLIC_A } from '../../fake/discovery-deps.ts'

const A: Record<string, string> = {
  'autoconfig.acme-mail.example': PUBLIC_A,
  'acme-mail.example': PUBLIC_A,
}
const MX: Record<string, MxRecord[]> = {
  'bigcorp.example': [
    { exchange: 'mxbiz1.qq.com', priority: 5 },
    { exchange: 'mxbiz2.qq.com', priority: 10 },
  ],
  'srvonly.example': [{ exchange: 'mx.srvonly.example', priority: 10 }],
}
const SRV: Record<string, SrvRecord[]> = {
  '_imaps._tcp.srvonly.example': [
    { name: 'imap.srvonly.example', port: 993, priority: 0, weight: 1 },
  ],
  '_submission._tcp.srvonly.example': [
    { name: 'smtp.srvonly.example.', port: 587, priority: 0, weight: 1 },
  ],
  '_pop3._tcp.srvonly.example': [{ name: '', port: 0, priority: 0, weight: 0 }],
  '_imaps._tcp.qq.com': [{ name: 'imap.qq.com', port: 993, priority: 0, weight: 1 }],
}

const resolver: Resolver = {
  addresses: async (name) => {
    const address = A[name]
    if (!address) throw new ProbeError('DNS_NXDOMAIN', name)
    return [{ address, family: 4, ttl: 60 } satisfies AddressRecord]
  },
  mx: async (name) => MX[name] ?? [],
  srv: async (name) => SRV[name] ?? [],
}

const AUTOCONFIG = `<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="acme-mail.example">
  <domain>acme-mail.example</domain><displayName>Acme</displayName>
  <incomingServer type="imap"><hostname>imap.%EMAILDOMAIN%</hostname><port>993</port><socketType>SSL</socketType><username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication></incomingServer>
  <outgoingServer type="smtp"><hostname>smtp.acme-mail.example</hostname><port>465</port><socketType>SSL</socketType><username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></outgoingServer>
</emailProvider></clientConfig>`

const server = setupServer(
  http.get('https://autoconfig.acme-mail.example/mail/config-v1.1.xml', () =>
    HttpResponse.text(AUTOCONFIG, { headers: { 'content-type': 'text/xml' } }),
  ),
)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const overlay = parseProviders(
  [
    {
      id: 'corp',
      name: { en: 'Corp Mail' },
      domains: ['corp.example'],
      servers: {
        imap: [
          {
            host: 'mail.corp.example',
            port: 993,
            security: 'tls',
            username: '%EMAILADDRESS%',
            auth: ['password'],
          },
        ],
      },
    },
  ],
  'test overlay',
)

const guard = createTargetGuard({ resolver, allow: [], ports: [993, 587] })
const discovery = createDiscovery({
  providers: createProviderIndex(loadBuiltInProviders(), overlay),
  resolver,
  httpGet: createNodeHttpGet({ guard, timeoutMs: 500 }),
  probe: { guard, connect: createNodeConnect(), limiter: createHostLimiter() },
})

const run = async (email: string) => {
  const events: DiscoveryEvent[] = []
  const found = await discovery.discover(email, { probe: false, onEvent: (e) => events.push(e) })
  return { found, events }
}

describe('discovery pipeline (no probes)', () => {
  it('a provider in the database comes first; SRV answers for the same server stay alternatives', async () => {
    const { found } = await run('Ann@QQ.com')
    expect(found.email).toBe('Ann@qq.com')
    expect(found.provider?.id).toBe('qq')
    const first = found.candidates[0]
    expect(first).toMatchObject({
      protocol: 'imap',
      host: 'imap.qq.com',
      port: 993,
      security: 'tls',
      verified: false,
    })
    expect(first?.source).toEqual({ type: 'provider-db', url: 'qq', trusted: true })
    // imap.qq.com:993 was also in SRV: kept once, under the higher-priority source.
    expect(found.candidates.filter((c) => c.host === 'imap.qq.com' && c.port === 993)).toHaveLength(
      1,
    )
    expect(found.sources.map((s) => [s.type, s.status])).toContainEqual(['srv', 'found'])
  })

  it("an operator's domain is marked as the overlay's", async () => {
    const { found } = await run('bob@corp.example')
    expect(found.candidates[0]?.source.type).toBe('overlay')
    expect(found.candidates[0]?.username).toBe('bob@corp.example')
  })

  it('a company domain whose MX is Tencent Exmail gets Exmail settings from the MX source', async () => {
    const { found } = await run('ceo@bigcorp.example')
    expect(found.provider?.id).toMatch(/exmail/)
    expect(found.candidates.length).toBeGreaterThan(0)
    expect(
      found.candidates.every((c) => c.source.type === 'mx' && c.source.url === 'mxbiz1.qq.com'),
    ).toBe(true)
    expect(found.candidates.some((c) => c.host.includes('exmail.qq.com'))).toBe(true)
  })

  it("the domain's own autoconfig gives trusted candidates with placeholders expanded", async () => {
    const { found, events } = await run('joe@acme-mail.example')
    expect(found.provider).toBeNull()
    expect(found.candidates).toEqual([
      expect.objectContaining({
        protocol: 'imap',
        host: 'imap.acme-mail.example',
        port: 993,
        security: 'tls',
        username: 'joe',
      }),
      expect.objectContaining({
        protocol: 'smtp',
        host: 'smtp.acme-mail.example',
        port: 465,
        username: 'joe@acme-mail.example',
      }),
    ])
    expect(found.candidates[0]?.source).toEqual({
      type: 'autoconfig',
      url: 'https://autoconfig.acme-mail.example/mail/config-v1.1.xml?emailaddress=joe%40acme-mail.example',
      trusted: true,
    })
    expect(events.filter((e) => e.type === 'source').length).toBe(found.sources.length)
  })

  it('SRV records give candidates; a "." target says the service is not offered', async () => {
    const { found } = await run('x@srvonly.example')
    expect(
      found.candidates.map((c) => [c.protocol, c.host, c.port, c.security, c.source.type]),
    ).toEqual([
      ['imap', 'imap.srvonly.example', 993, 'tls', 'srv'],
      ['smtp', 'smtp.srvonly.example', 587, 'starttls', 'srv'],
    ])
    expect(found.sources).toContainEqual(
      expect.objectContaining({
        type: 'srv',
        name: '_pop3._tcp.srvonly.example',
        status: 'none',
        code: 'SRV_NOT_OFFERED',
      }),
    )
  })

  it('an unknown domain gives no candidates and says what was tried', async () => {
    const { found } = await run('nobody@unknown.example')
    expect(found.candidates).toEqual([])
    expect(found.provider).toBeNull()
    const types = new Set(found.sources.map((s) => s.type))
    expect(types).toEqual(new Set(['provider-db', 'autoconfig', 'mx', 'srv']))
  })
})

describe('sharing a search', () => {
  it('concurrent diagnoses of one address share one search of the sources', async () => {
    let mxQueries = 0
    const counting: Resolver = { ...resolver, mx: async (name) => (mxQueries++, MX[name] ?? []) }
    const guard = createTargetGuard({ resolver: counting, allow: [], ports: [993] })
    const shared = createDiscovery({
      providers: createProviderIndex(loadBuiltInProviders()),
      resolver: counting,
      httpGet: createNodeHttpGet({ guard, timeoutMs: 500 }),
      probe: { guard, connect: createNodeConnect(), limiter: createHostLimiter() },
    })
    const [a, b] = await Promise.all([
      shared.discover('x@srvonly.example', { probe: false }),
      shared.discover('x@srvonly.example', { probe: false }),
    ])
    expect(mxQueries).toBe(1)
    expect(b.candidates).toEqual(a.candidates)
    expect(b.sources).toEqual(a.sources)
  })
})
