/**
 * The probe against scripted hostile servers: each ends within its deadline, with the right
 * code, and leaves no socket open on either side.
 */
import http from 'node:http'
import type net from 'node:net'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { MAX_LINE_BYTES } from '../../src/probes/line-io.ts'
import { runProbe } from '../../src/probes/probe.ts'
import {
  type FakeServer,
  eventually,
  openSocketHandles,
  startFakeServer,
} from '../fake/fake-server.ts'
import { type MailProtocol, type MailScript, startMailServer } from '../fake/mail-server.ts'
import { loopbackDeps } from '../fake/probe-deps.ts'
import { type TestCert, makeSelfSignedCert } from '../fake/test-cert.ts'
import type { Protocol, Security } from '../../src/model/domain.ts'

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

/** A raw server, for what lies below any mail protocol (TLS alerts, resets). */
const serve = async (onConnection: (socket: net.Socket) => void) => {
  baseline = openSocketHandles()
  server = await startFakeServer(onConnection)
  return server
}

/** The scripted mail server with a hostile line or two. */
const serveMail = async (protocol: MailProtocol, script: MailScript) => {
  baseline = openSocketHandles()
  server = await startMailServer(protocol, script)
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
const DEADLINE_SLACK_MS = 6_000

/** After a probe: its deadline held, and no socket stays open on either side. */
const expectCleanEnd = async (took: number) => {
  expect(took).toBeLessThan(TIMEOUT_MS + DEADLINE_SLACK_MS)
  await eventually(() => (server?.open() ?? 0) === 0)
  await eventually(() => openSocketHandles() <= baseline)
}

describe('probe against hostile servers', () => {
  it('a server that stays silent after connect gives GREETING_TIMEOUT', async () => {
    const s = await serveMail('imap', { mute: true })
    const { result, took } = await probe(s.port, 'imap', 'none')
    expect(result.code).toBe('GREETING_TIMEOUT')
    expect(result.status).toBe('error')
    expect(result.transcript).toContainEqual({ dir: 'C', line: 'QUIT' })
    await expectCleanEnd(took)
  })

  it('a banner trickled one byte per second gives GREETING_TIMEOUT', async () => {
    const s = await serveMail('imap', {
      greeting: { reply: '* OK IMAP ready', pieceBytes: 1, pauseMs: 1_000 },
    })
    const { result, took } = await probe(s.port, 'imap', 'none')
    expect(result.code).toBe('GREETING_TIMEOUT')
    await expectCleanEnd(took)
  })

  it('a garbage banner gives NOT_THIS_PROTOCOL', async () => {
    const s = await serveMail('smtp', { greeting: { raw: '\x01\x02garbage \xff\xfe\r\n' } })
    const { result, took } = await probe(s.port, 'smtp', 'none')
    expect(result.code).toBe('NOT_THIS_PROTOCOL')
    await expectCleanEnd(took)
  })

  it('a 1 MB line with no newline gives RESPONSE_TOO_LONG without reading it all', async () => {
    const s = await serveMail('pop3', { greeting: { raw: Buffer.alloc(1024 * 1024, 'A') } })
    const { result, took } = await probe(s.port, 'pop3', 'none')
    expect(result.code).toBe('RESPONSE_TOO_LONG')
    // The line bound stopped it: past 8 KB, before the 64 KB session bound or the 1 MB.
    expect(result.detail).toBe(`a line longer than ${MAX_LINE_BYTES} bytes`)
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
    const s = await serveMail('pop3', {})
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

  // The go-ahead and a forged line in one write, before the handshake: a man in the middle's
  // trick to have the client take plaintext for what the server said over TLS.
  const injections: Array<[MailProtocol, MailScript]> = [
    [
      'imap',
      {
        greeting: '* OK [CAPABILITY IMAP4rev1 STARTTLS] ready',
        plain: {
          STARTTLS: {
            reply: '{tag} OK Begin TLS\n* CAPABILITY IMAP4rev1 AUTH=PLAIN',
            then: 'starttls',
          },
        },
      },
    ],
    ['pop3', { plain: { STLS: { reply: '+OK Begin TLS\n+OK injected', then: 'starttls' } } }],
    ['smtp', { plain: { STARTTLS: { reply: '220 Go ahead\n250 AUTH PLAIN', then: 'starttls' } } }],
  ]
  for (const [protocol, script] of injections) {
    it(`${protocol}: bytes injected after the STARTTLS go-ahead give STARTTLS_INJECTION`, async () => {
      const s = await serveMail(protocol, script)
      const { result, took } = await probe(s.port, protocol, 'starttls')
      expect(result.code).toBe('STARTTLS_INJECTION')
      expect(result.tls).toBeNull()
      await expectCleanEnd(took)
    })
  }

  it('a 421 greeting gives SERVER_BUSY', async () => {
    const s = await serveMail('smtp', {
      greeting: { reply: '421 4.3.2 Service not available, try later', then: 'close' },
    })
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
    const s = await serveMail('pop3', { cert })
    const { result, took } = await probe(s.port, 'pop3', 'starttls')
    expect(result.capabilities.beforeTls).toEqual(['TOP', 'USER', 'STLS', 'UIDL'])
    expect(result.capabilities.afterTls).toEqual(['TOP', 'USER', 'SASL PLAIN LOGIN', 'UIDL'])
    expect(result.auth).toEqual(['PLAIN', 'LOGIN', 'USER'])
    // The fake's certificate is self-signed and names fake.test, not 127.0.0.1.
    expect(result.code).toBe('TLS_CERT_SELF_SIGNED')
    expect(result.problems).toContain('TLS_CERT_NAME')
    expect(result.tls?.certificate?.subject).toBe('fake.test')
    await expectCleanEnd(took)
  })
})
