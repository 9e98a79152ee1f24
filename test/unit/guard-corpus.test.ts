/**
 * The target guard against a corpus of hostile targets: every one is refused, and a listener
 * on loopback shows that no connection was ever made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AddressRecord, Resolver } from '../../src/dns/resolver.ts'
import { runProbe } from '../../src/probes/probe.ts'
import { ProbeError } from '../../src/errors/probe-error.ts'
import { parseCidrList } from '../../src/security/address-policy.ts'
import { createTargetGuard } from '../../src/security/target-guard.ts'
import { createNodeConnect } from '../../src/probes/socket-node.ts'
import { type FakeServer, startFakeServer } from '../fake/fake-server.ts'

/** IP literals in every spelling that points inside: loopback, private, link-local and so on. */
export const HOSTILE_LITERALS = [
  '127.0.0.1',
  '127.1',
  '127.0.1',
  '2130706433',
  '0x7f000001',
  '0x7f.0.0.1',
  '0177.0.0.1',
  '0177.0.0.01',
  '017700000001',
  '0x7f.1',
  '127.000.000.001',
  '0',
  '0.0.0.0',
  '0.0.0.1',
  '[::]',
  '::',
  '[::1]',
  '::1',
  '0:0:0:0:0:0:0:1',
  '::ffff:127.0.0.1',
  '[::ffff:7f00:1]',
  '::ffff:10.0.0.1',
  '::ffff:169.254.169.254',
  '10.0.0.1',
  '10.255.255.255',
  '172.16.0.1',
  '172.31.255.254',
  '192.168.0.1',
  '192.168.255.255',
  '169.254.169.254',
  '169.254.0.1',
  '100.64.0.1',
  '100.127.255.254',
  '224.0.0.1',
  '239.255.255.250',
  '255.255.255.255',
  '240.0.0.1',
  '192.0.2.10',
  '198.18.0.1',
  'fd00::1',
  'fc00::1',
  'fe80::1',
  '[fe80::1%25eth0]',
  'ff02::1',
  '64:ff9b::7f00:1',
  '64:ff9b::a00:1',
  '64:ff9b::a9fe:a9fe',
  '64:ff9b:1::a00:1',
  '2002:7f00:1::1',
  '2002:a00:1::',
  '2002:c0a8:1::1',
  '2001:0:4136:e378:8000:63bf:80ff:fffe',
  '2001:0:4136:e378:8000:63bf:f5ff:fffe',
  '::127.0.0.1',
  '2001:db8::1',
]

/** Names refused before any DNS query. */
export const HOSTILE_NAMES = [
  'localhost',
  'LOCALHOST.',
  'foo.localhost',
  'mail',
  'intranet',
  'printer.local',
  'mail.internal',
  'metadata.google.internal',
  'router.home.arpa',
  'nas.lan',
  '1.0.0.127.in-addr.arpa',
  'x.onion',
  'a..b',
  'mail.example.com:25',
  'user@mail.example.com',
  'http://mail.example.com',
  'mail example.com',
  '-bad-.example.com',
  '',
  ' ',
  'x'.repeat(254),
]

/** Names whose DNS answers point inside (the live suite repeats this against real dnsmasq). */
const RESOLVES_INSIDE: Record<string, AddressRecord[]> = {
  'loop.evil.example': [{ address: '127.0.0.1', family: 4, ttl: 60 }],
  'meta.evil.example': [{ address: '169.254.169.254', family: 4, ttl: 60 }],
  'private.evil.example': [{ address: '10.1.2.3', family: 4, ttl: 60 }],
  'v6.evil.example': [{ address: '::1', family: 6, ttl: 60 }],
  'mapped.evil.example': [{ address: '::ffff:192.168.1.1', family: 6, ttl: 60 }],
  'mixed.evil.example': [
    { address: '203.0.114.5', family: 4, ttl: 60 },
    { address: '10.0.0.5', family: 4, ttl: 60 },
  ],
}

/** Controls: names whose DNS answers are public, so the same guard must let them through. */
const RESOLVES_OUTSIDE: Record<string, AddressRecord[]> = {
  'mail.public.example': [{ address: '203.0.114.5', family: 4, ttl: 60 }],
  'v6.public.example': [
    { address: '2001:4860:4860::8888', family: 6, ttl: 60 },
    { address: '8.8.4.4', family: 4, ttl: 60 },
  ],
}

const resolver: Resolver = {
  addresses: async (name) => {
    const records = RESOLVES_INSIDE[name] ?? RESOLVES_OUTSIDE[name]
    if (!records) throw new ProbeError('DNS_NXDOMAIN', name)
    return records
  },
  mx: async () => [],
  srv: async () => [],
}

let listener: FakeServer

beforeAll(async () => {
  listener = await startFakeServer((socket) => socket.end('* OK should never be reached\r\n'))
})
afterAll(() => listener.close())

describe('target guard corpus', () => {
  const corpus = [...HOSTILE_LITERALS, ...HOSTILE_NAMES, ...Object.keys(RESOLVES_INSIDE)]

  // Without this control, a guard that refused every target would pass the whole corpus.
  it('lets public targets through the same guard, pinned to the address it checked', async () => {
    const guard = createTargetGuard({ resolver, allow: [], ports: [listener.port] })
    await expect(guard.resolve('8.8.8.8')).resolves.toEqual({
      host: '8.8.8.8',
      address: '8.8.8.8',
      family: 4,
    })
    // IPv6 literals are pinned in ipaddr.js's normalised (uncompressed) form.
    await expect(guard.resolve('[2001:4860:4860::8888]')).resolves.toMatchObject({
      address: '2001:4860:4860:0:0:0:0:8888',
      family: 6,
    })
    await expect(guard.resolve('Mail.Public.Example.')).resolves.toEqual({
      host: 'mail.public.example',
      address: '203.0.114.5',
      family: 4,
    })
    // Several public answers: the IPv4 one is pinned.
    await expect(guard.resolve('v6.public.example')).resolves.toMatchObject({
      address: '8.8.4.4',
    })
  })

  it('says why each literal is refused: an odd spelling, a zone index, or the range it is in', async () => {
    const guard = createTargetGuard({ resolver, allow: [], ports: [listener.port] })
    for (const host of HOSTILE_LITERALS) {
      const refusal = await guard.resolve(host).then(
        () => null,
        (err: unknown) => err,
      )
      expect(refusal, host).toBeInstanceOf(ProbeError)
      expect((refusal as ProbeError).detail, host).toMatch(
        /non-standard form|zone index|is a [\w:]+ address/,
      )
    }
    // The range named is the one the address is in, whatever the spelling.
    await expect(guard.resolve('[::1]')).rejects.toMatchObject({
      detail: '0:0:0:0:0:0:0:1 is a loopback address',
    })
    await expect(guard.resolve('169.254.169.254')).rejects.toMatchObject({
      detail: '169.254.169.254 is a linkLocal address',
    })
    await expect(guard.resolve('::ffff:10.0.0.1')).rejects.toMatchObject({
      detail: expect.stringContaining('private') as unknown,
    })
    await expect(guard.resolve('mixed.evil.example')).rejects.toMatchObject({
      detail: 'mixed.evil.example resolves to 10.0.0.5, a private address',
    })
  })

  it.each(corpus)('refuses %j and never connects', async (host) => {
    const guard = createTargetGuard({ resolver, allow: [], ports: [listener.port] })
    await expect(guard.resolve(host)).rejects.toMatchObject({ code: 'TARGET_BLOCKED' })
    const result = await runProbe(
      { host, port: listener.port, protocol: 'imap', security: 'none' },
      { guard, connect: createNodeConnect(), timeoutMs: 2_000 },
    )
    expect(result.code).toBe('TARGET_BLOCKED')
    expect(result.address).toBeNull()
    expect(listener.accepted()).toBe(0)
  })

  it('refuses a port that is not a mail port, before any lookup', async () => {
    const guard = createTargetGuard({ resolver, allow: [], ports: [993] })
    expect(() => guard.checkPort(22)).toThrow(/not a mail port/)
    const result = await runProbe(
      { host: 'mail.example.com', port: 6379, protocol: 'smtp', security: 'none' },
      {
        guard,
        connect: createNodeConnect(),
      },
    )
    expect(result.code).toBe('TARGET_BLOCKED')
    expect(result.timings.dns).toBeNull()
  })

  it('lets an operator allow a range, and then connects to the pinned address', async () => {
    const guard = createTargetGuard({
      resolver,
      allow: parseCidrList('127.0.0.0/8'),
      ports: [listener.port],
    })
    const pinned = await guard.resolve('loop.evil.example')
    expect(pinned).toEqual({ host: 'loop.evil.example', address: '127.0.0.1', family: 4 })
    const result = await runProbe(
      { host: 'loop.evil.example', port: listener.port, protocol: 'imap', security: 'none' },
      { guard, connect: createNodeConnect(), timeoutMs: 2_000 },
    )
    expect(result.address).toBe('127.0.0.1')
    expect(result.greeting).toBe('* OK should never be reached')
    expect(listener.accepted()).toBe(1)
  })
})
