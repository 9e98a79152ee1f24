/**
 * The connect-stability measurement against scripted fake servers: three TLS handshakes per host
 * through the guard, the per-host limiter and the connect handed in; median and spread (max −
 * min) of the ones that worked; a refused port, a server that never finishes TLS and a name
 * that does not resolve as failed attempts with their codes, never an exception; one overall
 * deadline per host.
 */
import type net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { Resolver } from '../../../src/dns/resolver.ts'
import { ProbeError } from '../../../src/errors/probe-error.ts'
import {
  type HandshakeAttempt,
  measureHandshakes,
  median,
  seriesOf,
  spread,
} from '../../../src/probes/handshakes.ts'
import { createHostLimiter } from '../../../src/probes/host-limiter.ts'
import type { HostProbeDeps } from '../../../src/probes/host-probes.ts'
import { createNodeConnect } from '../../../src/probes/socket-node.ts'
import type { Connect } from '../../../src/probes/socket.ts'
import { parseCidrList } from '../../../src/security/address-policy.ts'
import { createTargetGuard } from '../../../src/security/target-guard.ts'
import { type FakeServer, startFakeServer } from '../../fake/fake-server.ts'
import { type MailServer, startMailServer } from '../../fake/mail-server.ts'

const servers: FakeServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

const resolver: Resolver = {
  addresses: async (name) => {
    if (name.endsWith('.fake.test')) return [{ address: '127.0.0.1', family: 4, ttl: 60 }]
    throw new ProbeError('DNS_NXDOMAIN', name)
  },
  mx: async () => [],
  srv: async () => [],
}

/** Deps whose connect and limiter record what they were asked. */
const depsFor = (ports: number[], timeoutMs = 5_000) => {
  const opened: string[] = []
  const limited: string[] = []
  const node = createNodeConnect()
  const connect: Connect = (target, signal) => {
    opened.push(`${target.address}:${target.port}:${target.security}`)
    return node(target, signal)
  }
  const limiter = createHostLimiter(1)
  const deps: HostProbeDeps = {
    guard: createTargetGuard({ resolver, allow: parseCidrList('127.0.0.0/8'), ports }),
    connect,
    limiter: {
      run: (key, task) => {
        limited.push(key)
        return limiter.run(key, task)
      },
      active: () => limiter.active(),
    },
    timeoutMs,
  }
  return { deps, opened, limited }
}

const imaps = async (delayMs = 0): Promise<MailServer> => {
  const server = await startMailServer('imap', {
    implicitTls: true,
    greeting: { reply: '* OK fake IMAP ready', delayMs },
  })
  servers.push(server)
  return server
}

describe('median and spread', () => {
  it('the middle value, the mean of the middle two, and max − min', () => {
    expect(median([40, 10, 25])).toBe(25)
    expect(median([10, 20])).toBe(15)
    expect(median([])).toBeNull()
    expect(spread([40, 10, 25])).toBe(30)
    expect(spread([12])).toBeNull()
  })

  it('a series counts only the handshakes that worked', () => {
    const ok = (ms: number): HandshakeAttempt => ({
      ok: true,
      ms,
      connectMs: 1,
      tlsMs: 1,
      code: null,
    })
    const lost: HandshakeAttempt = {
      ok: false,
      ms: null,
      connectMs: null,
      tlsMs: null,
      code: 'TCP_TIMEOUT',
    }
    const series = seriesOf('h', 993, null, [ok(30), lost, ok(50)])
    expect(series).toMatchObject({ answered: 2, medianMs: 40, spreadMs: 20 })
  })
})

describe('measureHandshakes', () => {
  it('three TLS handshakes, one after another, each to the pinned address under the per-host cap', async () => {
    const server = await imaps(30)
    const { deps, opened, limited } = depsFor([server.port])
    const series = await measureHandshakes('imap.fake.test', server.port, deps)
    expect(series.address).toBe('127.0.0.1')
    expect(series.attempts.map((a) => a.code)).toEqual([null, null, null])
    expect(series.answered).toBe(3)
    expect(opened).toEqual(Array(3).fill(`127.0.0.1:${server.port}:tls`))
    expect(limited).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1'])
    for (const a of series.attempts) {
      // The server greets 30 ms after the handshake: the time runs to its first byte.
      expect(a.ok).toBe(true)
      expect(a.ms).toBeGreaterThanOrEqual(30)
      expect(a.tlsMs).not.toBeNull()
      expect(a.ms ?? 0).toBeGreaterThanOrEqual((a.connectMs ?? 0) + (a.tlsMs ?? 0))
    }
    const times = series.attempts.map((a) => a.ms ?? 0)
    expect(series.medianMs).toBe(median(times))
    expect(series.spreadMs).toBe(Math.max(...times) - Math.min(...times))
    // Closed without a command: the measurement never speaks IMAP.
    expect(server.received().filter((l) => l !== '<TLS>')).toEqual([])
  })

  it('a refused port: three failed attempts with TCP_REFUSED, no median', async () => {
    const closed = await startFakeServer(() => undefined)
    const port = closed.port
    await closed.close()
    const { deps } = depsFor([port])
    const series = await measureHandshakes('gone.fake.test', port, deps)
    expect(series.answered).toBe(0)
    expect(series.attempts.map((a) => a.code)).toEqual(Array(3).fill('TCP_REFUSED'))
    expect(series).toMatchObject({ medianMs: null, spreadMs: null })
  })

  it('a server that accepts TCP but never answers TLS costs one deadline for the host, not three', async () => {
    const silent = await startFakeServer((socket: net.Socket) => socket.on('data', () => undefined))
    servers.push(silent)
    const { deps } = depsFor([silent.port], 600)
    const started = performance.now()
    const series = await measureHandshakes('silent.fake.test', silent.port, deps)
    const took = performance.now() - started
    expect(series.answered).toBe(0)
    expect(series.attempts[0]?.code).toBe('TLS_HANDSHAKE')
    expect(series.attempts[0]?.connectMs).not.toBeNull()
    // The first handshake used the host's whole budget: the others never started.
    expect(series.attempts.slice(1).map((a) => a.code)).toEqual([
      'TIME_BUDGET_EXCEEDED',
      'TIME_BUDGET_EXCEEDED',
    ])
    expect(took).toBeLessThan(600 * 3)
  })

  it('the guard decides: an unresolvable name and a port it does not probe never connect', async () => {
    const server = await imaps()
    const { deps, opened } = depsFor([server.port])
    const unknown = await measureHandshakes('imap.nowhere.example', server.port, deps)
    expect(unknown.attempts.map((a) => a.code)).toEqual(Array(3).fill('DNS_NXDOMAIN'))
    const blocked = await measureHandshakes('imap.fake.test', 8080, deps)
    expect(blocked.attempts.map((a) => a.code)).toEqual(Array(3).fill('TARGET_BLOCKED'))
    const inside = await measureHandshakes('10.0.0.1', server.port, deps)
    expect(inside.attempts.map((a) => a.code)).toEqual(Array(3).fill('TARGET_BLOCKED'))
    expect(opened).toEqual([])
  })

  it('a caller that goes away stops the measurement', async () => {
    const server = await imaps(400)
    const { deps } = depsFor([server.port])
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('client gone')), 150)
    const series = await measureHandshakes('imap.fake.test', server.port, deps, {
      signal: controller.signal,
    })
    expect(series.answered).toBe(0)
    expect(series.attempts[0]?.code).toBe('GREETING_TIMEOUT')
    expect(series.attempts.slice(1).every((a) => a.code === 'TIME_BUDGET_EXCEEDED')).toBe(true)
  })
})
