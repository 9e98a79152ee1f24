/**
 * The probe's one deadline as the engine uses it: every phase draws on the same budget, a
 * stalled phase gives its own code, and no timer outlives the probe on any path.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { type MailScript, type MailServer, startMailServer } from '../../fake/mail-server.ts'
import { FAKE_TIMEOUT_MS, probeFake } from '../../fake/probe-fake.ts'
import { runProbe } from '../../../src/probes/probe.ts'
import { loopbackDeps } from '../../fake/probe-deps.ts'
import type { Protocol, Security } from '../../../src/model/domain.ts'

let server: MailServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

const probe = async (protocol: Protocol, security: Security, script: MailScript, nudgeMs = 400) => {
  server = await startMailServer(protocol, { implicitTls: security === 'tls', ...script })
  return probeFake(server.port, protocol, security, { nudgeMs })
}

/**
 * A bound, not a speed target: a probe without a deadline would wait on these silent servers
 * until the test's own timeout (20 s), so a bound of a few budgets still catches it, while a
 * machine loaded by a parallel test run (timers seen firing 2 s late) does not trip it.
 */
const SLACK_MS = 3 * FAKE_TIMEOUT_MS

describe('one deadline per probe', () => {
  it('phases share one budget: each wait is short, their sum is not', async () => {
    // 0.6 s before the greeting, then 0.8 s before each CAPABILITY answer: no single wait
    // comes near the 2 s budget, but the third one ends past it.
    const late = (reply: string) => ({ reply, delayMs: 800 })
    const { result, took } = await probe(
      'imap',
      'starttls',
      {
        greeting: { reply: '* OK slow but alive', delayMs: 600 },
        plain: {
          CAPABILITY: late('* CAPABILITY IMAP4rev1 STARTTLS\n{tag} OK done'),
          STARTTLS: { reply: '{tag} OK go', then: 'starttls' },
        },
        secure: { CAPABILITY: late('* CAPABILITY IMAP4rev1 AUTH=PLAIN\n{tag} OK done') },
      },
      1_000,
    )
    expect(result.code).toBe('RESPONSE_TIMEOUT')
    expect(result.detail).toBe(`no progress within ${FAKE_TIMEOUT_MS} ms (dialogue)`)
    expect(result.greeting).toBe('* OK slow but alive')
    expect(result.capabilities.beforeTls).toEqual(['IMAP4REV1', 'STARTTLS'])
    expect(took).toBeGreaterThanOrEqual(FAKE_TIMEOUT_MS - 50)
    expect(took).toBeLessThan(FAKE_TIMEOUT_MS + SLACK_MS)
  })

  it('a greeting that never comes: GREETING_TIMEOUT after the nudge, within the budget', async () => {
    const { result, took } = await probe('smtp', 'none', { mute: true })
    expect(result.code).toBe('GREETING_TIMEOUT')
    expect(result.transcript).toEqual([{ dir: 'C', line: 'QUIT' }])
    expect(took).toBeLessThan(FAKE_TIMEOUT_MS + SLACK_MS)
  })

  it('a greeting that comes only after the nudge: GREETING_SLOW, and the probe stops there', async () => {
    const { result } = await probe('pop3', 'none', {
      greeting: { reply: '+OK finally', delayMs: 700 },
    })
    expect(result.greeting).toBe('+OK finally')
    expect(result.problems).toContain('GREETING_SLOW')
    expect(result.capabilities.beforeTls).toEqual([])
  })

  it('a greeting trickled a byte at a time still ends at the deadline', async () => {
    const { result, took } = await probe('imap', 'none', {
      greeting: { reply: '* OK a very slow server indeed', pieceBytes: 1, pauseMs: 300 },
    })
    expect(result.code).toBe('GREETING_TIMEOUT')
    expect(took).toBeLessThan(FAKE_TIMEOUT_MS + SLACK_MS)
  })

  it('a TLS handshake the server never answers: TLS_HANDSHAKE at the deadline', async () => {
    // Not a TLS server, and silent: the probe's ClientHello gets no answer.
    server = await startMailServer('smtp', { mute: true })
    const { result, took } = await probeFake(server.port, 'smtp', 'tls')
    expect(result.code).toBe('TLS_HANDSHAKE')
    expect(result.detail).toBe(`no progress within ${FAKE_TIMEOUT_MS} ms (tls)`)
    expect(took).toBeLessThan(FAKE_TIMEOUT_MS + SLACK_MS)
  })
})

/** Timers alive in this process (the deadline's and the nudge's included). */
const activeTimers = () =>
  process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length

describe('the deadline is cleared on every path', () => {
  const paths: Array<[string, Protocol, Security, MailScript]> = [
    ['a clean run', 'imap', 'starttls', {}],
    ['implicit TLS', 'pop3', 'tls', {}],
    ['a refusal from the server', 'smtp', 'starttls', { plain: { STARTTLS: '454 no' } }],
    ['a protocol error', 'imap', 'none', { plain: { CAPABILITY: '{tag} BAD no' } }],
    ['a dropped connection', 'pop3', 'none', { plain: { CAPA: { then: 'reset' } } }],
    ['a foreign banner', 'smtp', 'none', { greeting: '* OK IMAP here' }],
    ['the deadline itself', 'imap', 'none', { plain: { CAPABILITY: null } }],
  ]
  it.each(paths)('%s leaves no timer behind', async (_name, protocol, security, script) => {
    const before = activeTimers()
    await probe(protocol, security, script)
    await server?.close()
    server = null
    expect(activeTimers()).toBeLessThanOrEqual(before)
  })

  it('a closed port and a refused target leave no timer behind either', async () => {
    const closed = await startMailServer('imap')
    const port = closed.port
    await closed.close()
    const before = activeTimers()
    const { result } = await probeFake(port, 'imap', 'tls')
    expect(result.code).toBe('TCP_REFUSED')
    const blocked = await runProbe(
      { host: '127.0.0.1', port, protocol: 'imap', security: 'tls' },
      loopbackDeps([]),
    )
    expect(blocked.code).toBe('TARGET_BLOCKED')
    expect(activeTimers()).toBeLessThanOrEqual(before)
  })
})
