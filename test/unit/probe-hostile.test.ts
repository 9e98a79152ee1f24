/**
 * The probe against scripted hostile servers: each ends within its deadline, with the right
 * code, and leaves no socket open on either side.
 */
import http from 'node:http'
import type net from 'node:net'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { runProbe } from '../../src/probes/probe.ts'
import type { Protocol, Security } from '../../src/probes/protocol.ts'
import {
  type FakeServer,
  type TestCert,
  eventually,
  makeSelfSignedCert,
  openSocketHandles,
  startFakeServer,
  upgradeServerSocket,
} from '../fake/fake-server.ts'
import { loopbackDeps } from '../fake/probe-deps.ts'

const TIMEOUT_MS = 2_000
let cert: TestCert
let server: FakeServer | null = null
let baseline = 0

beforeAll(() => {
  cert = makeSelfSignedCert('fake.test')
})

afterEach(async () => {
  await server?.close()
  server = null
})

const serve = async (onConnection: (socket: net.Socket) => void) => {
  baseline = openSocketHandles()
  server = await startFakeServer(onConnection)
  return server
}

const probe = async (port: number, protocol: Protocol, security: Security) => {
  const started = Date.now()
  const result = await runProbe(
    { host: '127.0.0.1', port, protocol, security },
    loopbackDeps([port], { timeoutMs: TIMEOUT_MS, nudgeMs: 400 }),
  )
  const took = Date.now() - started
  return { result, took }
}

/**
 * The deadline held: not a speed target, a bound. A probe that ignored its deadline would run
 * until the server gave up (never, for most of these), so generous slack still catches it.
 */
const DEADLINE_SLACK_MS = 3_000

/** After a probe: its deadline held, and no socket stays open on either side. */
const expectCleanEnd = async (took: number) => {
  expect(took).toBeLessThan(TIMEOUT_MS + DEADLINE_SLACK_MS)
  await eventually(() => (server?.open() ?? 0) === 0)
  await eventually(() => openSocketHandles() <= baseline)
}

describe('probe against hostile servers', () => {
  it('a server that stays silent after connect gives GREETING_TIMEOUT', async () => {
    const s = await serve(() => undefined)
    const { result, took } = await probe(s.port, 'imap', 'none')
    expect(result.code).toBe('GREETING_TIMEOUT')
    expect(result.status).toBe('error')
    expect(result.transcript).toContainEqual({ dir: 'C', line: 'QUIT' })
    await expectCleanEnd(took)
  })

  it('a banner trickled one byte per second gives GREETING_TIMEOUT', async () => {
    const s = await serve((socket) => {
      const banner = '* OK IMAP ready\r\n'
      let i = 0
      const timer = setInterval(() => {
        if (socket.destroyed || i >= banner.length) return clearInterval(timer)
        socket.write(banner[i++] ?? '')
      }, 1_000)
      socket.on('close', () => clearInterval(timer))
    })
    const { result, took } = await probe(s.port, 'imap', 'none')
    expect(result.code).toBe('GREETING_TIMEOUT')
    await expectCleanEnd(took)
  })

  it('a garbage banner gives NOT_THIS_PROTOCOL', async () => {
    const s = await serve((socket) => socket.write('\x01\x02garbage \xff\xfe\r\n'))
    const { result, took } = await probe(s.port, 'smtp', 'none')
    expect(result.code).toBe('NOT_THIS_PROTOCOL')
    await expectCleanEnd(took)
  })

  it('a 1 MB line with no newline gives RESPONSE_TOO_LONG without reading it all', async () => {
    const s = await serve((socket) => socket.write(Buffer.alloc(1024 * 1024, 'A')))
    const { result, took } = await probe(s.port, 'pop3', 'none')
    expect(result.code).toBe('RESPONSE_TOO_LONG')
    await expectCleanEnd(took)
  })

  it('an HTTP server on a mail port gives NOT_THIS_PROTOCOL naming HTTP', async () => {
    baseline = openSocketHandles()
    const web = http.createServer((_req, res) => res.end('hello'))
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve))
    const port = (web.address() as net.AddressInfo).port
    try {
      const { result, took } = await probe(port, 'imap', 'none')
      expect(result.code).toBe('NOT_THIS_PROTOCOL')
      expect(result.detail).toContain('HTTP')
      expect(took).toBeLessThan(TIMEOUT_MS + DEADLINE_SLACK_MS)
    } finally {
      web.closeAllConnections()
      await new Promise((resolve) => web.close(resolve))
    }
    await eventually(() => openSocketHandles() <= baseline)
  })

  it('another mail protocol on the port gives NOT_THIS_PROTOCOL naming it', async () => {
    const s = await serve((socket) => socket.write('+OK POP3 ready\r\n'))
    const { result, took } = await probe(s.port, 'imap', 'none')
    expect(result.code).toBe('NOT_THIS_PROTOCOL')
    expect(result.detail).toContain('POP3')
    await expectCleanEnd(took)
  })

  it('a TLS alert instead of a handshake gives TLS_HANDSHAKE', async () => {
    const s = await serve((socket) => {
      // A fatal handshake_failure alert record, as a server sends when it rejects the hello.
      socket.once('data', () => socket.end(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28])))
    })
    const { result, took } = await probe(s.port, 'imap', 'tls')
    expect(result.code).toBe('TLS_HANDSHAKE')
    await expectCleanEnd(took)
  })

  it('a reset in the middle of the handshake gives TLS_HANDSHAKE', async () => {
    const s = await serve((socket) => socket.once('data', () => socket.resetAndDestroy()))
    const { result, took } = await probe(s.port, 'smtp', 'tls')
    expect(result.code).toBe('TLS_HANDSHAKE')
    await expectCleanEnd(took)
  })

  it('a TLS handshake that never completes ends at the deadline with TLS_HANDSHAKE', async () => {
    const s = await serve(() => undefined)
    const { result, took } = await probe(s.port, 'imap', 'tls')
    expect(result.code).toBe('TLS_HANDSHAKE')
    expect(result.detail).toContain('no progress')
    await expectCleanEnd(took)
  })

  const injections: Array<[Protocol, string, string, string]> = [
    [
      'imap',
      '* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n',
      'STARTTLS',
      '{tag} OK Begin TLS\r\n* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n',
    ],
    ['pop3', '+OK ready\r\n', 'STLS', '+OK Begin TLS\r\n+OK injected\r\n'],
    ['smtp', '220 fake ESMTP\r\n', 'STARTTLS', '220 Go ahead\r\n250 AUTH PLAIN\r\n'],
  ]
  for (const [protocol, greeting, trigger, reply] of injections) {
    it(`${protocol}: bytes injected after the STARTTLS go-ahead give STARTTLS_INJECTION`, async () => {
      const s = await serve((socket) => {
        socket.write(greeting)
        let buffered = ''
        socket.on('data', (chunk) => {
          buffered += chunk.toString()
          for (let nl = buffered.indexOf('\n'); nl !== -1; nl = buffered.indexOf('\n')) {
            const line = buffered.slice(0, nl).trim()
            buffered = buffered.slice(nl + 1)
            const tag = line.split(' ')[0] ?? ''
            if (line.toUpperCase().endsWith(trigger)) socket.write(reply.replace('{tag}', tag))
            else if (/^EHLO/i.test(line)) socket.write('250-fake\r\n250 STARTTLS\r\n')
            else if (/^CAPA/i.test(line)) socket.write('+OK\r\nSTLS\r\nUSER\r\n.\r\n')
          }
        })
      })
      const { result, took } = await probe(s.port, protocol, 'starttls')
      expect(result.code).toBe('STARTTLS_INJECTION')
      expect(result.tls).toBeNull()
      await expectCleanEnd(took)
    })
  }

  it('a 421 greeting gives SERVER_BUSY', async () => {
    const s = await serve((socket) => socket.end('421 4.3.2 Service not available, try later\r\n'))
    const { result, took } = await probe(s.port, 'smtp', 'starttls')
    expect(result.code).toBe('SERVER_BUSY')
    expect(result.greeting).toBeNull()
    await expectCleanEnd(took)
  })

  it('a closed port gives TCP_REFUSED', async () => {
    const s = await serve(() => undefined)
    const port = s.port
    await s.close()
    server = null
    const { result } = await probe(port, 'imap', 'tls')
    expect(result.code).toBe('TCP_REFUSED')
    expect(result.address).toBe('127.0.0.1')
  })

  it('a well-behaved STARTTLS server is upgraded and its capabilities read again after TLS', async () => {
    const s = await serve((socket) => {
      socket.write('+OK ready\r\n')
      socket.on('data', (chunk) => {
        const line = chunk.toString().trim()
        if (line === 'CAPA') socket.write('+OK\r\nSTLS\r\nUSER\r\n.\r\n')
        if (line === 'STLS') {
          socket.removeAllListeners('data')
          socket.write('+OK Begin TLS\r\n', () => {
            const secure = upgradeServerSocket(socket, cert)
            secure.on('data', (data) => {
              const cmd = data.toString().trim()
              if (cmd === 'CAPA') secure.write('+OK\r\nUSER\r\nSASL PLAIN LOGIN\r\n.\r\n')
              if (cmd === 'QUIT') secure.end('+OK bye\r\n')
            })
          })
        }
      })
    })
    const { result, took } = await probe(s.port, 'pop3', 'starttls')
    expect(result.capabilities.beforeTls).toEqual(['STLS', 'USER'])
    expect(result.capabilities.afterTls).toEqual(['USER', 'SASL PLAIN LOGIN'])
    expect(result.auth).toEqual(['PLAIN', 'LOGIN', 'USER'])
    // The fake's certificate is self-signed and names fake.test, not 127.0.0.1.
    expect(result.code).toBe('TLS_CERT_SELF_SIGNED')
    expect(result.problems).toContain('TLS_CERT_NAME')
    expect(result.tls?.certificate?.subject).toBe('fake.test')
    await expectCleanEnd(took)
  })
})
