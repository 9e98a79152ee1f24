/**
 * The full pipeline against the lab, one domain found by each discovery source, every candidate
 * probed on real Dovecot and Postfix:
 * - corp.test: only the operator's overlay knows it;
 * - acme.test: its own autoconfig over https (lab CA), served here on the lab's secure web host;
 *   plainweb.test: autoconfig over http only (untrusted);
 * - hosted.test: its MX host matches an overlay provider's MX suffix; viamx.test: its MX host's
 *   domain (mailhost.test) publishes autoconfig;
 * - starttls.lab.test: nothing published, guessing finds STARTTLS only.
 * SRV (example.test), guessing (full.lab.test), POP3 only (pop3only.lab.test) and an expired
 * certificate (expired.lab.test) are in diagnose-live.test.ts.
 */
import { promises as dns } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { z } from 'zod'
import { createCachingResolver } from '../../src/dns/caching-resolver.ts'
import { createNodeResolver } from '../../src/dns/resolver-node.ts'
import { DiagnosisSchema } from '../../src/openapi/schemas.ts'
import {
  createProviderIndex,
  loadBuiltInProviders,
  parseProviders,
} from '../../src/providers/index.ts'
import { parseCidrList } from '../../src/security/address-policy.ts'
import { createTestApp, postJson } from '../fake/test-app.ts'

const lab = inject('lab')
const resolver = createCachingResolver(createNodeResolver({ servers: [lab.dns] }))
const allow = parseCidrList(lab.allowCidr)
const { tls, submission, full } = lab.hosts

/** What an operator's MAILSETUP_PROVIDERS_FILE would say, servers on lab hosts. */
const overlay = parseProviders(
  [
    {
      id: 'lab-corp',
      name: { en: 'Corp (lab)' },
      domains: ['corp.test'],
      servers: {
        imap: [{ host: tls.name, port: 993, security: 'tls' }],
        smtp: [{ host: submission.name, port: 465, security: 'tls' }],
      },
    },
    {
      id: 'lab-hostco',
      name: { en: 'HostCo (lab)' },
      mx: ['hostco.test'],
      servers: {
        imap: [{ host: full.name, port: 993, security: 'tls' }],
        smtp: [{ host: full.name, port: 587, security: 'starttls' }],
      },
    },
  ],
  'sources-live overlay',
)
const providers = createProviderIndex(loadBuiltInProviders(), overlay)
const { app } = createTestApp({
  resolver,
  allow,
  ca: [lab.caPem],
  httpCa: [lab.caPem],
  timeoutMs: 5_000,
  providers,
})

/** The documented report shape (the schema the OpenAPI document is made from). */
type Report = z.infer<typeof DiagnosisSchema>

const diagnose = async (email: string): Promise<Report> => {
  const res = await postJson(app, '/api/v1/diagnose', { email, lang: 'en' })
  expect(res.status).toBe(200)
  const report: unknown = await res.json()
  DiagnosisSchema.parse(report)
  return report as Report
}

// --- autoconfig documents, served on the lab's web hosts -------------------------------------

type XmlServer = { type: 'imap' | 'pop3' | 'smtp'; host: string; port: number; socketType: string }

const configXml = (domain: string, servers: XmlServer[]) => {
  const server = (s: XmlServer) => {
    const tag = s.type === 'smtp' ? 'outgoingServer' : 'incomingServer'
    return `    <${tag} type="${s.type}">
      <hostname>${s.host}</hostname>
      <port>${s.port}</port>
      <socketType>${s.socketType}</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>password-cleartext</authentication>
    </${tag}>`
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="${domain}">
    <domain>${domain}</domain>
    <displayName>${domain} (lab)</displayName>
${servers.map(server).join('\n')}
  </emailProvider>
</clientConfig>
`
}

/** config-v1.1.xml per Host header. */
const DOCS: Record<string, string> = {
  'autoconfig.acme.test': configXml('acme.test', [
    { type: 'imap', host: tls.name, port: 993, socketType: 'SSL' },
    { type: 'smtp', host: submission.name, port: 465, socketType: 'SSL' },
  ]),
  'autoconfig.plainweb.test': configXml('plainweb.test', [
    { type: 'imap', host: full.name, port: 993, socketType: 'SSL' },
    { type: 'smtp', host: full.name, port: 465, socketType: 'SSL' },
  ]),
  'autoconfig.mailhost.test': configXml('mailhost.test', [
    { type: 'imap', host: full.name, port: 143, socketType: 'STARTTLS' },
    { type: 'smtp', host: submission.name, port: 587, socketType: 'STARTTLS' },
  ]),
}

/** Every request the web hosts answered, as `scheme://host/path?query`. */
const requests: string[] = []

const handler =
  (scheme: string): http.RequestListener =>
  (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase()
    requests.push(`${scheme}://${host}${req.url ?? ''}`)
    const doc = DOCS[host]
    if (req.url?.startsWith('/mail/config-v1.1.xml') && doc) {
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' })
      res.end(doc)
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
    }
  }

const listen = (server: http.Server, address: string, port: number) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, address, () => {
      server.off('error', reject)
      resolve()
    })
  })

const close = (server: http.Server) =>
  new Promise<void>((resolve) => {
    if (!server.listening) return resolve()
    server.closeAllConnections()
    server.close(() => resolve())
  })

const secureCert = lab.web.secure.tls
if (!secureCert) throw new Error('the lab has no certificate for its secure web host')
const httpsServer = https.createServer(
  { cert: secureCert.certPem, key: secureCert.keyPem },
  handler('https'),
)
const httpServer = http.createServer(handler('http'))

beforeAll(async () => {
  await listen(httpsServer, lab.web.secure.address, 443)
  await listen(httpServer, lab.web.plain.address, 80)
})

afterAll(async () => {
  await Promise.all([close(httpsServer), close(httpServer)])
})

// ---------------------------------------------------------------------------------------------

describe('lab DNS for the source domains', () => {
  const lookup = new dns.Resolver({ timeout: 2_000, tries: 1 })
  lookup.setServers([lab.dns])

  it('web hosts, MX-only domains, the delayed, filtered and guessed names', async () => {
    for (const host of [lab.web.secure, lab.web.plain]) {
      for (const name of host.names) expect(await lookup.resolve4(name)).toEqual([host.address])
    }
    for (const [domain, exchange] of Object.entries(lab.mx)) {
      expect(await lookup.resolveMx(domain)).toEqual([{ exchange, priority: 10 }])
    }
    expect(await lookup.resolve4(lab.delayed.name)).toEqual([lab.delayed.address])
    expect(await lookup.resolve4(lab.filtered.name)).toEqual([lab.filtered.address])
    expect(await lookup.resolve4(`autoconfig.${lab.filtered.name}`)).toEqual([lab.filtered.address])
    for (const name of lab.guessed.names)
      expect(await lookup.resolve4(name)).toEqual([lab.guessed.address])
    expect(await lookup.resolveMx(lab.guessed.domain)).toEqual([
      { exchange: lab.guessed.mx, priority: 10 },
    ])
  })
})

describe('one lab domain found by each source', () => {
  it('overlay: corp.test, known only to the operator, proved by real probes', async () => {
    const report = await diagnose('carol@corp.test')
    expect(report.provider).toMatchObject({ id: 'lab-corp' })
    expect(report.sources).toContainEqual(
      expect.objectContaining({ type: 'overlay', name: 'lab-corp', status: 'found' }),
    )
    const overlaid = [...report.incoming, ...report.outgoing].filter(
      (s) => s.source.type === 'overlay',
    )
    expect(overlaid.map((s) => `${s.protocol}:${s.host}:${s.port}:${s.verified}`).sort()).toEqual([
      `imap:${tls.name}:993:true`,
      `smtp:${submission.name}:465:true`,
    ])
    expect(report.recommended.incoming).toMatchObject({
      host: tls.name,
      port: 993,
      source: { type: 'overlay', url: 'lab-corp', trusted: true },
    })
    expect(report.recommended.outgoing).toMatchObject({ host: submission.name, port: 465 })
    expect(report.reasons.map((r) => r.code)).toContain('VERIFIED')
  })

  it('autoconfig over https: acme.test, trusted, verified', async () => {
    const report = await diagnose('dave@acme.test')
    const url = 'https://autoconfig.acme.test/mail/config-v1.1.xml?emailaddress=dave%40acme.test'
    expect(requests).toContain(url)
    expect(report.provider).toBeNull()
    expect(report.sources).toContainEqual(
      expect.objectContaining({ type: 'autoconfig', name: url, status: 'found', trusted: true }),
    )
    expect(report.incoming).toContainEqual(
      expect.objectContaining({
        protocol: 'imap',
        host: tls.name,
        port: 993,
        security: 'tls',
        verified: true,
        source: { type: 'autoconfig', url, trusted: true },
      }),
    )
    expect(report.outgoing).toContainEqual(
      expect.objectContaining({ host: submission.name, port: 465, verified: true }),
    )
    expect(report.recommended.incoming).toMatchObject({ host: tls.name, port: 993 })
    expect(report.recommended.outgoing).toMatchObject({ host: submission.name, port: 465 })
  })

  it('autoconfig over http only: plainweb.test, verified but marked untrusted', async () => {
    const report = await diagnose('erin@plainweb.test')
    const url =
      'http://autoconfig.plainweb.test/mail/config-v1.1.xml?emailaddress=erin%40plainweb.test'
    // The https forms were tried first: nothing listens on 443 there, and plainweb.test has no address.
    const failed = report.sources.filter((s) => s.type === 'autoconfig' && s.status === 'error')
    expect(failed.map((s) => s.name.split(':')[0])).toEqual(['https', 'https'])
    expect(report.sources).toContainEqual(
      expect.objectContaining({ type: 'autoconfig', name: url, status: 'found', trusted: false }),
    )
    const servers = [...report.incoming, ...report.outgoing]
    expect(servers.map((s) => `${s.protocol}:${s.port}`).sort()).toEqual(['imap:993', 'smtp:465'])
    expect(servers.every((s) => s.verified && s.host === full.name)).toBe(true)
    expect(servers.every((s) => s.source.type === 'autoconfig' && !s.source.trusted)).toBe(true)
    expect(report.recommended.incoming).toMatchObject({ port: 993, source: { trusted: false } })
  })

  it('an app without the lab CA refuses the https document', async () => {
    const strict = createTestApp({ resolver, allow, providers }).app
    const res = await strict.request('/api/v1/lookup?email=dave@acme.test')
    const report = (await res.json()) as Report
    expect(report.sources).toContainEqual(
      expect.objectContaining({
        type: 'autoconfig',
        name: expect.stringMatching(/^https:\/\/autoconfig\.acme\.test\//) as unknown,
        status: 'error',
        code: 'FETCH_FAILED',
      }),
    )
    expect(report.incoming.some((s) => s.source.type === 'autoconfig')).toBe(false)
  })

  it('MX: hosted.test, whose MX host matches an overlay provider by suffix', async () => {
    const report = await diagnose('frank@hosted.test')
    expect(report.provider).toMatchObject({ id: 'lab-hostco' })
    expect(report.sources).toContainEqual(
      expect.objectContaining({ type: 'mx', name: lab.mx['hosted.test'], status: 'found' }),
    )
    expect(report.incoming).toContainEqual(
      expect.objectContaining({
        host: full.name,
        port: 993,
        verified: true,
        source: expect.objectContaining({ type: 'mx' }) as unknown,
      }),
    )
    expect(report.recommended.incoming).toMatchObject({
      host: full.name,
      port: 993,
      source: { type: 'mx' },
    })
    expect(report.recommended.outgoing).toMatchObject({
      host: full.name,
      port: 587,
      verified: true,
    })
  })

  it("MX: viamx.test, through the autoconfig of the MX host's domain", async () => {
    const report = await diagnose('gina@viamx.test')
    const url =
      'https://autoconfig.mailhost.test/mail/config-v1.1.xml?emailaddress=gina%40viamx.test'
    expect(requests).toContain(url)
    expect(report.provider).toBeNull()
    expect(report.sources).toContainEqual(
      expect.objectContaining({ type: 'mx', name: url, status: 'found', trusted: true }),
    )
    expect(report.recommended.incoming).toMatchObject({
      protocol: 'imap',
      host: full.name,
      port: 143,
      security: 'starttls',
      verified: true,
      source: { type: 'mx', url, trusted: true },
    })
    expect(report.recommended.outgoing).toMatchObject({
      host: submission.name,
      port: 587,
      verified: true,
    })
  })

  it('guessing, STARTTLS only: starttls.lab.test gets IMAP 143 with STARTTLS, and says why', async () => {
    const report = await diagnose('hank@starttls.lab.test')
    expect(report.incoming.every((s) => s.source.type === 'guess')).toBe(true)
    expect(report.incoming.every((s) => s.security === 'starttls' && s.verified)).toBe(true)
    expect(report.protocol).toBe('imap')
    expect(report.recommended.incoming).toMatchObject({
      protocol: 'imap',
      host: 'starttls.lab.test',
      port: 143,
      security: 'starttls',
      verified: true,
    })
    expect(report.recommended.outgoing).toMatchObject({
      port: 587,
      security: 'starttls',
      verified: true,
    })
    expect(report.reasons.map((r) => r.code)).toContain('STARTTLS_ONLY')
  })

  it('streams the autoconfig source before the probes it led to', async () => {
    const res = await postJson(
      app,
      '/api/v1/diagnose',
      { email: 'ivan@acme.test' },
      { accept: 'text/event-stream' },
    )
    const events = [...(await res.text()).matchAll(/^event: (\w+)\ndata: (.*)$/gm)].map(
      (m) => [m[1], JSON.parse(m[2] ?? 'null')] as [string, { type?: string; status?: string }],
    )
    const found = events.findIndex(
      ([e, d]) => e === 'source' && d.type === 'autoconfig' && d.status === 'found',
    )
    expect(found).toBeGreaterThanOrEqual(0)
    expect(found).toBeLessThan(events.findIndex(([e]) => e === 'probe'))
    expect(events.at(-1)?.[0]).toBe('report')
  })
})
