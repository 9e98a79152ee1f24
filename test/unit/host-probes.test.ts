/**
 * The per-host probe loop shared by the matrix and discovery: one guarded lookup per host, every
 * port under the limiter keyed by the pinned address, and a result (never an exception) for a
 * failed lookup or a port the guard does not probe. The socket is a stub that refuses every
 * connection: this checks the loop, not a dialogue.
 */
import { describe, expect, it } from 'vitest'
import type { Resolver } from '../../src/dns/resolver.ts'
import { createHostLimiter } from '../../src/probes/host-limiter.ts'
import { type HostProbeDeps, lookupHost, probeHost } from '../../src/probes/host-probes.ts'
import { ProbeError } from '../../src/errors/probe-error.ts'
import type { ProbeResult } from '../../src/probes/result.ts'
import type { Connect, SocketTarget } from '../../src/probes/socket.ts'
import { parseCidrList } from '../../src/security/address-policy.ts'
import { createTargetGuard } from '../../src/security/target-guard.ts'

const ADDRESSES: Record<string, string> = { 'mail.example.test': '127.0.0.7' }

const setup = () => {
  const lookups: string[] = []
  const connects: SocketTarget[] = []
  const limiterKeys: string[] = []
  const resolver: Resolver = {
    addresses: async (name) => {
      lookups.push(name)
      const address = ADDRESSES[name]
      if (!address) throw new ProbeError('DNS_NXDOMAIN', name)
      return [{ address, family: 4, ttl: 60 }]
    },
    mx: async () => [],
    srv: async () => [],
  }
  const connect: Connect = async (target) => {
    connects.push(target)
    throw new ProbeError('TCP_REFUSED', `${target.address}:${target.port}`)
  }
  const limiter = createHostLimiter()
  const deps: HostProbeDeps = {
    guard: createTargetGuard({ resolver, allow: parseCidrList('127.0.0.0/8'), ports: [993, 587] }),
    connect,
    limiter: {
      run: (key, task) => {
        limiterKeys.push(key)
        return limiter.run(key, task)
      },
      active: () => limiter.active(),
    },
    timeoutMs: 1_000,
  }
  return { deps, lookups, connects, limiterKeys }
}

const IMAPS = { protocol: 'imap', port: 993, security: 'tls' } as const
const SUBMISSION = { protocol: 'smtp', port: 587, security: 'starttls' } as const
const SMTP25 = { protocol: 'smtp', port: 25, security: 'starttls' } as const

describe('probeHost', () => {
  it('looks the host up once, then probes each port at the pinned address under the limiter', async () => {
    const { deps, lookups, connects, limiterKeys } = setup()
    const heard: ProbeResult[] = []
    const results = await probeHost('mail.example.test', [IMAPS, SUBMISSION], deps, {
      onResult: (r) => heard.push(r),
    })
    expect(lookups).toEqual(['mail.example.test'])
    expect(connects.map((t) => [t.address, t.port])).toEqual([
      ['127.0.0.7', 993],
      ['127.0.0.7', 587],
    ])
    expect(limiterKeys).toEqual(['127.0.0.7', '127.0.0.7'])
    expect(results.map((r) => [r.port, r.code])).toEqual([
      [993, 'TCP_REFUSED'],
      [587, 'TCP_REFUSED'],
    ])
    expect(heard).toHaveLength(2)
  })

  it('a failed lookup makes every port unreached with its code, without connecting', async () => {
    const { deps, connects } = setup()
    const heard: ProbeResult[] = []
    const results = await probeHost('nowhere.example.test', [IMAPS, SUBMISSION], deps, {
      onResult: (r) => heard.push(r),
    })
    expect(connects).toEqual([])
    expect(results.map((r) => [r.host, r.port, r.code, r.address])).toEqual([
      ['nowhere.example.test', 993, 'DNS_NXDOMAIN', null],
      ['nowhere.example.test', 587, 'DNS_NXDOMAIN', null],
    ])
    expect(results.every((r) => typeof r.timings.dns === 'number')).toBe(true)
    expect(heard).toHaveLength(2)
  })

  it('a port the guard does not probe is TARGET_BLOCKED; the others still run', async () => {
    const { deps, connects } = setup()
    const results = await probeHost('mail.example.test', [SMTP25, IMAPS], deps)
    expect(results.map((r) => [r.port, r.code])).toEqual([
      [25, 'TARGET_BLOCKED'],
      [993, 'TCP_REFUSED'],
    ])
    expect(connects.map((t) => t.port)).toEqual([993])
  })

  it('uses a lookup the caller already made instead of asking again', async () => {
    const { deps, lookups } = setup()
    const lookup = await lookupHost(deps.guard, 'mail.example.test')
    await probeHost('mail.example.test', [IMAPS], deps, { lookup })
    expect(lookups).toEqual(['mail.example.test'])
  })
})

describe('lookupHost', () => {
  it('never throws: a private address is a TARGET_BLOCKED failure', async () => {
    const guard = createTargetGuard({
      resolver: {
        addresses: async () => [{ address: '10.0.0.1', family: 4, ttl: 60 }],
        mx: async () => [],
        srv: async () => [],
      },
      allow: [],
      ports: [993],
    })
    const lookup = await lookupHost(guard, 'inside.example.test')
    expect(lookup.pinned).toBeNull()
    expect(lookup.failure?.code).toBe('TARGET_BLOCKED')
  })

  it('anything but a ProbeError from the guard is PROBE_FAILED', async () => {
    const lookup = await lookupHost(
      { resolve: async () => Promise.reject(new TypeError('boom')) },
      'x.example.test',
    )
    expect(lookup.failure?.code).toBe('PROBE_FAILED')
  })
})
