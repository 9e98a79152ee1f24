/**
 * The probe engine against the real lab: Dovecot, Postfix and dnsmasq with their own CA.
 * Each lab profile gives the verdict and the details a user would need.
 */
import { describe, expect, inject, it } from 'vitest'
import { createNodeResolver } from '../../src/dns/resolver-node.ts'
import { createHostLimiter } from '../../src/probes/host-limiter.ts'
import { runMatrix } from '../../src/probes/matrix.ts'
import { type ProbeDeps, runProbe } from '../../src/probes/probe.ts'
import { createNodeConnect } from '../../src/probes/socket-node.ts'
import { parseCidrList } from '../../src/security/address-policy.ts'
import { createTargetGuard } from '../../src/security/target-guard.ts'
import { createTestApp, postJson } from '../fake/test-app.ts'
import type { Protocol, Security } from '../../src/model/domain.ts'

const lab = inject('lab')
const resolver = createNodeResolver({ servers: [lab.dns] })
const PORTS = [25, 110, 143, 465, 587, 993, 995]
const deps: ProbeDeps = {
  guard: createTargetGuard({ resolver, allow: parseCidrList(lab.allowCidr), ports: PORTS }),
  connect: createNodeConnect({ ca: [lab.caPem] }),
  timeoutMs: 5_000,
}

const probe = (host: string, port: number, protocol: Protocol, security: Security) =>
  runProbe({ host, port, protocol, security }, deps)

describe('implicit TLS only (tls.lab.test)', () => {
  it('IMAP 993 is ok, trusted, and offers AUTH=PLAIN after TLS', async () => {
    const r = await probe(lab.hosts.tls.name, 993, 'imap', 'tls')
    expect(r.status).toBe('ok')
    expect(r.code).toBeNull()
    expect(r.address).toBe(lab.hosts.tls.address)
    expect(r.greeting).toMatch(/^\* OK/)
    expect(r.tls).toMatchObject({ trusted: true, hostnameMatch: true })
    expect(r.tls?.protocol).toMatch(/^TLSv1\.[23]$/)
    expect(r.tls?.certificate?.names).toContain('tls.lab.test')
    expect(r.tls?.certificate?.daysLeft).toBeGreaterThan(0)
    expect(r.capabilities.beforeTls).toEqual([])
    expect(r.capabilities.afterTls).toContain('IMAP4REV1')
    expect(r.auth).toContain('PLAIN')
    expect(r.timings.total).toBeGreaterThanOrEqual(r.timings.connect ?? 0)
  })

  it('POP3 995 and SMTP 465 are ok; the plain ports are refused', async () => {
    expect((await probe(lab.hosts.tls.name, 995, 'pop3', 'tls')).status).toBe('ok')
    const smtp = await probe(lab.hosts.tls.name, 465, 'smtp', 'tls')
    expect(smtp.status).toBe('ok')
    expect(smtp.greeting).toMatch(/^220 /)
    expect((await probe(lab.hosts.tls.name, 143, 'imap', 'starttls')).code).toBe('TCP_REFUSED')
  })
})

describe('STARTTLS only (starttls.lab.test)', () => {
  it('993 is refused while 143 upgrades and then offers AUTH=PLAIN', async () => {
    expect((await probe(lab.hosts.starttls.name, 993, 'imap', 'tls')).code).toBe('TCP_REFUSED')
    const r = await probe(lab.hosts.starttls.name, 143, 'imap', 'starttls')
    expect(r.status).toBe('ok')
    expect(r.capabilities.beforeTls).toContain('STARTTLS')
    expect(r.capabilities.afterTls).not.toContain('STARTTLS')
    expect(r.capabilities.afterTls).toContain('AUTH=PLAIN')
    expect(r.auth).toContain('PLAIN')
    expect(r.tls?.trusted).toBe(true)
    expect(r.transcript.map((t) => t.line)).toContain('TLS handshake')
  })

  it('POP3 110 upgrades with STLS; SMTP 587 upgrades with STARTTLS', async () => {
    const pop = await probe(lab.hosts.starttls.name, 110, 'pop3', 'starttls')
    expect(pop.status).toBe('ok')
    expect(pop.capabilities.beforeTls).toContain('STLS')
    const smtp = await probe(lab.hosts.starttls.name, 587, 'smtp', 'starttls')
    expect(smtp.status).toBe('ok')
    expect(smtp.capabilities.beforeTls).toContain('STARTTLS')
    expect(smtp.tls?.trusted).toBe(true)
  })

  it('probed in plaintext, 143 warns that STARTTLS exists but was not used', async () => {
    const r = await probe(lab.hosts.full.name, 143, 'imap', 'none')
    expect(r.status).toBe('warning')
    expect(r.code).toBe('TLS_NOT_USED')
    expect(r.tls).toBeNull()
  })
})

describe('POP3 only (pop3only.lab.test)', () => {
  it('the matrix finds POP3 on 995 and 110 and nothing else', async () => {
    const m = await runMatrix(lab.hosts.pop3only.name, { ...deps, limiter: createHostLimiter() })
    const byPort = Object.fromEntries(m.probes.map((p) => [p.port, p.code]))
    expect(byPort).toEqual({
      993: 'TCP_REFUSED',
      143: 'TCP_REFUSED',
      995: null,
      110: null,
      465: 'TCP_REFUSED',
      587: 'TCP_REFUSED',
      25: 'TCP_REFUSED',
    })
  })
})

describe('submission with AUTH only after TLS (submission.lab.test)', () => {
  it('EHLO offers no AUTH before STARTTLS and AUTH PLAIN LOGIN after', async () => {
    const r = await probe(lab.hosts.submission.name, 587, 'smtp', 'starttls')
    expect(r.status).toBe('ok')
    expect(r.capabilities.beforeTls.some((cap) => cap.startsWith('AUTH'))).toBe(false)
    expect(r.capabilities.afterTls.some((cap) => cap.startsWith('AUTH'))).toBe(true)
    expect(r.auth).toEqual(expect.arrayContaining(['PLAIN']))
  })
})

describe('bad certificates', () => {
  it('an expired certificate gives TLS_CERT_EXPIRED with its end date, and the dialogue still runs', async () => {
    const r = await probe(lab.hosts.expired.name, 993, 'imap', 'tls')
    expect(r.status).toBe('error')
    expect(r.code).toBe('TLS_CERT_EXPIRED')
    expect(r.tls?.certificate?.validTo.slice(0, 10)).toBe(lab.expiredNotAfter.slice(0, 10))
    expect(r.tls?.certificate?.daysLeft).toBeLessThan(0)
    expect(r.greeting).toMatch(/^\* OK/)
    expect(r.capabilities.afterTls.length).toBeGreaterThan(0)
  })

  it('the same certificate on SMTP 465 and IMAP STARTTLS gives the same code', async () => {
    expect((await probe(lab.hosts.expired.name, 465, 'smtp', 'tls')).code).toBe('TLS_CERT_EXPIRED')
    expect((await probe(lab.hosts.expired.name, 143, 'imap', 'starttls')).code).toBe(
      'TLS_CERT_EXPIRED',
    )
  })

  it('a certificate for another name gives TLS_CERT_NAME and shows the name it is for', async () => {
    const r = await probe(lab.hosts.wrongname.name, 993, 'imap', 'tls')
    expect(r.code).toBe('TLS_CERT_NAME')
    expect(r.problems).toEqual(['TLS_CERT_NAME'])
    expect(r.tls?.hostnameMatch).toBe(false)
    expect(r.tls?.certificate?.names).toEqual(['other.lab.test'])
  })

  it('a self-signed certificate gives TLS_CERT_SELF_SIGNED', async () => {
    const r = await probe(lab.hosts.selfsigned.name, 993, 'imap', 'tls')
    expect(r.code).toBe('TLS_CERT_SELF_SIGNED')
    expect(r.tls?.certificate?.selfSigned).toBe(true)
    expect(r.tls?.trusted).toBe(false)
  })
})

describe('plaintext only (plain.lab.test)', () => {
  it('asking for STARTTLS gives STARTTLS_UNSUPPORTED; plaintext gives the PLAINTEXT_ONLY warning', async () => {
    expect((await probe(lab.hosts.plain.name, 143, 'imap', 'starttls')).code).toBe(
      'STARTTLS_UNSUPPORTED',
    )
    const imap = await probe(lab.hosts.plain.name, 143, 'imap', 'none')
    expect(imap).toMatchObject({ status: 'warning', code: 'PLAINTEXT_ONLY' })
    expect(imap.message['zh-CN']).toContain('明文')
    expect((await probe(lab.hosts.plain.name, 110, 'pop3', 'none')).code).toBe('PLAINTEXT_ONLY')
    expect((await probe(lab.hosts.plain.name, 25, 'smtp', 'none')).code).toBe('PLAINTEXT_ONLY')
    expect((await probe(lab.hosts.plain.name, 993, 'imap', 'tls')).code).toBe('TCP_REFUSED')
  })
})

describe('DNS through the service resolver', () => {
  it('an unknown name is DNS_NXDOMAIN; a name without addresses is DNS_NO_ADDRESS', async () => {
    expect((await probe('nothing-here.lab.test', 993, 'imap', 'tls')).code).toBe('DNS_NXDOMAIN')
    expect((await probe('noaddr.lab.test', 993, 'imap', 'tls')).code).toBe('DNS_NO_ADDRESS')
  })

  it.each([
    'private10.lab.test',
    'private192.lab.test',
    'private172.lab.test',
    'loop.lab.test',
    'meta.lab.test',
    'cgnat.lab.test',
    'zero.lab.test',
    'bcast.lab.test',
    'mcast.lab.test',
    'v6loop.lab.test',
    'ula.lab.test',
    'linklocal6.lab.test',
    'mapped.lab.test',
    'nat64.lab.test',
    'sixto4.lab.test',
    'teredo.lab.test',
    'mixed.lab.test',
  ])('%s resolves inside and is refused', async (name) => {
    await expect(deps.guard.resolve(name)).rejects.toMatchObject({ code: 'TARGET_BLOCKED' })
  })
})

describe('the API against the lab', () => {
  it('the whole matrix for full.lab.test streams seven probe events, then the result', async () => {
    const { app } = createTestApp({
      resolver,
      allow: parseCidrList(lab.allowCidr),
      ca: [lab.caPem],
      timeoutMs: 5_000,
    })
    const res = await postJson(
      app,
      '/api/v1/probe',
      { host: 'full.lab.test' },
      { accept: 'text/event-stream' },
    )
    const text = await res.text()
    const events = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1])
    expect(events).toEqual([...Array(7).fill('probe'), 'result'])
    const last = text.slice(text.lastIndexOf('data: ') + 6).trim()
    const answer = JSON.parse(last) as {
      host: string
      probes: Array<{ port: number; status: string }>
    }
    expect(answer.host).toBe('full.lab.test')
    expect(answer.probes.map((p) => [p.port, p.status])).toEqual([
      [993, 'ok'],
      [143, 'ok'],
      [995, 'ok'],
      [110, 'ok'],
      [465, 'ok'],
      [587, 'ok'],
      [25, 'ok'],
    ])
  })

  it('a lab name outside the allowed range is a 403', async () => {
    const { app } = createTestApp({ resolver, allow: parseCidrList(lab.allowCidr) })
    const res = await postJson(app, '/api/v1/probe', { host: 'meta.lab.test', port: 993 })
    expect(res.status).toBe(403)
  })
})
