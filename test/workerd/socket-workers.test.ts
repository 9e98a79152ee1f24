/**
 * Probes through the cloudflare:sockets adapter inside workerd, against the scripted fake
 * servers of global-setup.ts (names resolved by the local DoH server): implicit TLS and STARTTLS
 * with the test CA, an untrusted certificate, a certificate for another name, a closed port,
 * and port 25, which production refuses.
 */
import { connect } from 'cloudflare:sockets'
import { describe, expect, inject, it } from 'vitest'
import { createDohResolver } from '../../src/dns/resolver-doh.ts'
import { runProbe } from '../../src/probes/probe.ts'
import type { ProbeTarget } from '../../src/probes/result.ts'
import { TLS_OPAQUE_NOTE, createWorkersConnect } from '../../src/probes/socket-workers.ts'
import { parseCidrList } from '../../src/security/address-policy.ts'
import { createTargetGuard } from '../../src/security/target-guard.ts'
import { createSlots } from '../../src/util/slots.ts'

const ports = inject('mailPorts')
const deps = (outbound = createSlots(6)) => ({
  guard: createTargetGuard({
    resolver: createDohResolver({ url: inject('dohUrl') }),
    allow: parseCidrList('127.0.0.0/8'),
    ports: [...Object.values(ports), 25],
  }),
  connect: createWorkersConnect({ connect, outbound }),
  timeoutMs: 3_000,
  nudgeMs: 1_000,
})
const probe = (target: ProbeTarget, outbound?: ReturnType<typeof createSlots>) =>
  runProbe(target, deps(outbound))

describe('the cloudflare:sockets adapter (workerd)', () => {
  it('implicit TLS to the pinned address, the certificate checked against the host name', async () => {
    const outbound = createSlots(6)
    const result = await probe(
      { host: 'fake.test', port: ports.imaps, protocol: 'imap', security: 'tls' },
      outbound,
    )
    expect(result.code).toBeNull()
    expect(result.address).toBe('127.0.0.1')
    expect(result.greeting).toBe('* OK fake IMAP ready')
    expect(result.auth).toEqual(['PLAIN', 'LOGIN'])
    expect(result.tls).toEqual({
      protocol: null,
      cipher: null,
      trusted: true,
      hostnameMatch: true,
      certificate: null,
      note: TLS_OPAQUE_NOTE,
    })
    expect(outbound.inUse()).toBe(0)
  })

  it('STARTTLS: plaintext EHLO, the upgrade, EHLO again over TLS', async () => {
    const result = await probe({
      host: 'fake.test',
      port: ports.smtp,
      protocol: 'smtp',
      security: 'starttls',
    })
    expect(result.code).toBeNull()
    expect(result.capabilities.beforeTls).toContain('STARTTLS')
    expect(result.capabilities.afterTls).toContain('AUTH PLAIN LOGIN')
    expect(result.tls?.certificate).toBeNull()
    expect(result.tls?.note).toBe(TLS_OPAQUE_NOTE)
    expect(result.transcript.some((entry) => entry.line === 'TLS handshake')).toBe(true)
  })

  it('a certificate for another name, or one nobody trusts, is TLS_FAILED with no TLS details', async () => {
    for (const target of [
      { host: 'other.test', port: ports.imaps },
      { host: 'fake.test', port: ports.untrusted },
    ]) {
      const result = await probe({ ...target, protocol: 'imap', security: 'tls' })
      expect(result.code, target.host).toBe('TLS_FAILED')
      expect(result.status).toBe('error')
      expect(result.tls).toBeNull()
      expect(result.greeting).toBeNull()
    }
  })

  it('a closed port is CONNECT_FAILED: workerd cannot tell refused from unreachable', async () => {
    const result = await probe({
      host: 'fake.test',
      port: ports.closed,
      protocol: 'imap',
      security: 'none',
    })
    expect(result.code).toBe('CONNECT_FAILED')
  })

  it('port 25 is PORT_BLOCKED_BY_RUNTIME, without a connection', async () => {
    const outbound = createSlots(6)
    const result = await probe(
      { host: 'fake.test', port: 25, protocol: 'smtp', security: 'starttls' },
      outbound,
    )
    expect(result.code).toBe('PORT_BLOCKED_BY_RUNTIME')
    expect(result.timings.connect).toBeNull()
    expect(outbound.inUse()).toBe(0)
  })

  it('holds one outbound slot per open socket and waits for a free one', async () => {
    const outbound = createSlots(1)
    const [first, second] = await Promise.all([
      probe({ host: 'fake.test', port: ports.imaps, protocol: 'imap', security: 'tls' }, outbound),
      probe(
        { host: 'fake.test', port: ports.smtp, protocol: 'smtp', security: 'starttls' },
        outbound,
      ),
    ])
    expect([first.code, second.code]).toEqual([null, null])
    expect(outbound.inUse()).toBe(0)
  })
})
