/**
 * Smoke tests proving the live lab is real: DNS answers, every port greets, certificates are
 * what each profile promises, and real clients (imapflow, nodemailer, node-pop3) log in.
 */
import { promises as dns } from 'node:dns'
import { connect as netConnect, type Socket } from 'node:net'
import { connect as tlsConnect, type TLSSocket } from 'node:tls'
import { ImapFlow } from 'imapflow'
import Pop3Command from 'node-pop3'
import nodemailer from 'nodemailer'
import { describe, expect, inject, it } from 'vitest'
import type { LabHost, LabProfile } from '../lab/lab-info.ts'

const lab = inject('lab')
const resolver = new dns.Resolver({ timeout: 2000, tries: 1 })
resolver.setServers([lab.dns])

const IMPLICIT_TLS = new Set([993, 995, 465])
const ALL_PORTS = [25, 110, 143, 465, 587, 993, 995]
const GREETING: Record<number, string> = {
  25: '220 ',
  587: '220 ',
  465: '220 ',
  143: '* OK',
  993: '* OK',
  110: '+OK',
  995: '+OK',
}
const alice = lab.users[0] ?? { email: '', password: '' }
const profiles = Object.entries(lab.hosts) as [LabProfile, LabHost][]

interface Greeting {
  line: string
  tls?: { authorized: boolean; error: string | undefined; validTo: string; altNames: string }
}

/** Reads until `done(text)` holds, then closes the socket. */
function readUntil(sock: Socket, done: (text: string) => boolean, send?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    const timer = setTimeout(() => finish(new Error(`timeout; got ${JSON.stringify(text)}`)), 5000)
    const finish = (err?: Error): void => {
      clearTimeout(timer)
      sock.destroy()
      if (err) reject(err)
      else resolve(text)
    }
    let sent = false
    sock.on('data', (d: Buffer) => {
      text += d.toString('latin1')
      if (send !== undefined && !sent && text.includes('\r\n')) {
        sent = true
        sock.write(send)
        return
      }
      if ((send === undefined || sent) && done(text)) finish()
    })
    sock.once('error', (e) => finish(e))
    sock.once('end', () => finish(new Error(`closed; got ${JSON.stringify(text)}`)))
  })
}

const firstLine = (t: string): boolean => t.includes('\r\n')

async function greet(host: LabHost, port: number): Promise<Greeting> {
  if (!IMPLICIT_TLS.has(port)) {
    const sock = netConnect({ host: host.address, port })
    const text = await readUntil(sock, firstLine)
    return { line: text.split('\r\n')[0] ?? '' }
  }
  const sock: TLSSocket = tlsConnect({
    host: host.address,
    port,
    servername: host.name,
    ca: [lab.caPem],
    rejectUnauthorized: false,
  })
  await new Promise<void>((resolve, reject) => {
    sock.once('secureConnect', () => resolve())
    sock.once('error', reject)
  })
  const cert = sock.getPeerCertificate()
  const tls = {
    authorized: sock.authorized,
    error: sock.authorizationError ? String(sock.authorizationError) : undefined,
    validTo: new Date(cert.valid_to).toISOString(),
    altNames: cert.subjectaltname ?? '',
  }
  const text = await readUntil(sock, firstLine)
  return { line: text.split('\r\n')[0] ?? '', tls }
}

/** Opens a plain connection, sends `cmd` after the greeting, reads until `done`. */
function converse(
  host: LabHost,
  port: number,
  cmd: string,
  done: (t: string) => boolean,
): Promise<string> {
  return readUntil(netConnect({ host: host.address, port }), done, cmd)
}

function refused(host: LabHost, port: number): Promise<string> {
  return new Promise((resolve) => {
    const sock = netConnect({ host: host.address, port })
    sock.once('connect', () => {
      sock.destroy()
      resolve('open')
    })
    sock.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message))
  })
}

describe('lab DNS (dnsmasq)', () => {
  it.each(profiles)('A record of %s', async (_p, host) => {
    expect(await resolver.resolve4(host.name)).toEqual([host.address])
  })

  it('mail.example.test, MX and SRV records', async () => {
    expect(await resolver.resolve4('mail.example.test')).toEqual([lab.hosts.full.address])
    expect(await resolver.resolveMx('example.test')).toEqual([
      { exchange: 'mail.example.test', priority: 10 },
    ])
    expect(await resolver.resolveSrv('_imaps._tcp.example.test')).toEqual([
      { name: 'mail.example.test', port: 993, priority: 0, weight: 1 },
    ])
    expect(await resolver.resolveSrv('_submission._tcp.example.test')).toEqual([
      { name: 'mail.example.test', port: 587, priority: 0, weight: 1 },
    ])
    // target "." (service not offered) comes back from node as an empty name
    expect(await resolver.resolveSrv('_pop3._tcp.example.test')).toEqual([
      { name: '', port: 0, priority: 0, weight: 0 },
    ])
  })

  it('guard-test names resolve to their reserved addresses', async () => {
    const v4: [string, string[]][] = [
      ['private10', ['10.0.0.1']],
      ['private192', ['192.168.1.1']],
      ['private172', ['172.16.0.1']],
      ['loop', ['127.0.0.1']],
      ['meta', ['169.254.169.254']],
      ['cgnat', ['100.64.0.1']],
      ['zero', ['0.0.0.0']],
      ['bcast', ['255.255.255.255']],
      ['mcast', ['224.0.0.1']],
      ['mixed', ['127.0.10.1', '10.0.0.1']],
    ]
    for (const [n, want] of v4)
      expect((await resolver.resolve4(`${n}.lab.test`)).sort()).toEqual([...want].sort())
    const v6: [string, string][] = [
      ['v6', '::1'],
      ['v6loop', '::1'],
      ['ula', 'fd00::1'],
      ['linklocal6', 'fe80::1'],
      ['mapped', '::ffff:10.0.0.1'],
      ['nat64', '64:ff9b::a00:1'],
      ['sixto4', '2002:a00:1::1'],
      ['teredo', '2001:0:4136:e378:8000:63bf:f5ff:fffe'],
    ]
    for (const [n, want] of v6) expect(await resolver.resolve6(`${n}.lab.test`)).toEqual([want])
  })

  it('NODATA for noaddr.lab.test, NXDOMAIN for unknown .test names', async () => {
    await expect(resolver.resolve4('noaddr.lab.test')).rejects.toMatchObject({ code: 'ENODATA' })
    await expect(resolver.resolve6('noaddr.lab.test')).rejects.toMatchObject({ code: 'ENODATA' })
    expect(await resolver.resolveTxt('noaddr.lab.test')).toHaveLength(1)
    await expect(resolver.resolve6('tls.lab.test')).rejects.toMatchObject({ code: 'ENODATA' })
    await expect(resolver.resolve4('nosuch.lab.test')).rejects.toMatchObject({ code: 'ENOTFOUND' })
  })
})

describe('lab ports', () => {
  const cases = profiles.flatMap(([p, host]) => host.ports.map((port) => [p, port, host] as const))
  it.each(cases)('%s:%i greets', async (profile, port, host) => {
    const g = await greet(host, port)
    expect(g.line.startsWith(GREETING[port] ?? '?')).toBe(true)
    if (!g.tls) return
    switch (profile) {
      case 'expired':
        expect(g.tls.error).toBe('CERT_HAS_EXPIRED')
        expect(g.tls.validTo).toBe(lab.expiredNotAfter)
        break
      case 'wrongname':
        expect(g.tls.error).toBe('ERR_TLS_CERT_ALTNAME_INVALID')
        expect(g.tls.altNames).toBe('DNS:other.lab.test')
        break
      case 'selfsigned':
        expect(g.tls.error).toBe('DEPTH_ZERO_SELF_SIGNED_CERT')
        break
      default:
        expect(g.tls).toMatchObject({ authorized: true, error: undefined })
        expect(g.tls.altNames).toContain(`DNS:${host.name}`)
    }
  })

  it.each(profiles)('%s refuses the ports it does not serve', async (_p, host) => {
    for (const port of ALL_PORTS.filter((x) => !host.ports.includes(x))) {
      expect([port, await refused(host, port)]).toEqual([port, 'ECONNREFUSED'])
    }
  })

  it('STARTTLS is offered where promised, and not on plain', async () => {
    const caps = (t: string): boolean => /^a (OK|NO|BAD)/m.test(t)
    const full = await converse(lab.hosts.full, 143, 'a CAPABILITY\r\n', caps)
    expect(full).toContain('STARTTLS')
    expect(full).toContain('AUTH=PLAIN')
    const strict = await converse(lab.hosts.starttls, 143, 'a CAPABILITY\r\n', caps)
    expect(strict).toContain('STARTTLS')
    expect(strict).toContain('LOGINDISABLED')
    expect(await converse(lab.hosts.plain, 143, 'a CAPABILITY\r\n', caps)).not.toContain('STARTTLS')
    const ehloDone = (t: string): boolean => /^250 /m.test(t)
    const sub = await converse(lab.hosts.submission, 587, 'EHLO probe.test\r\n', ehloDone)
    expect(sub).toContain('STARTTLS')
    expect(sub).not.toContain('AUTH')
    expect(await converse(lab.hosts.plain, 25, 'EHLO probe.test\r\n', ehloDone)).not.toContain(
      'STARTTLS',
    )
  })
})

describe('real clients log in', () => {
  const imap = (pass: string): ImapFlow =>
    new ImapFlow({
      host: lab.hosts.tls.address,
      servername: lab.hosts.tls.name,
      port: 993,
      secure: true,
      auth: { user: alice.email, pass },
      tls: { ca: [lab.caPem] },
      logger: false,
      verifyOnly: true,
    })

  it('imapflow on tls:993', async () => {
    const ok = imap(alice.password)
    await ok.connect()
    await ok.logout().catch(() => {})
    const bad = imap('wrong')
    await expect(bad.connect()).rejects.toMatchObject({ authenticationFailed: true })
    bad.close()
  })

  it('nodemailer verify on submission:587 (STARTTLS)', async () => {
    const transport = (pass: string) =>
      nodemailer.createTransport({
        host: lab.hosts.submission.address,
        port: 587,
        secure: false,
        requireTLS: true,
        auth: { user: alice.email, pass },
        tls: { ca: [lab.caPem], servername: lab.hosts.submission.name },
      })
    expect(await transport(alice.password).verify()).toBe(true)
    await expect(transport('wrong').verify()).rejects.toMatchObject({ code: 'EAUTH' })
  })

  it('node-pop3 on pop3only:995', async () => {
    const pop = (password: string): Pop3Command =>
      new Pop3Command({
        host: lab.hosts.pop3only.address,
        servername: lab.hosts.pop3only.name,
        port: 995,
        tls: true,
        user: alice.email,
        password,
        tlsOptions: { ca: [lab.caPem] },
      })
    const ok = pop(alice.password)
    expect(await ok.STAT()).toMatch(/^\d+ \d+/)
    await ok.QUIT()
    await expect(pop('wrong').STAT()).rejects.toThrow(/auth/i)
  })
})
