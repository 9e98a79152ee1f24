/**
 * The line reader's bounds (src/probes/line-io.ts over the Node socket): 8 KB a line, 200 lines
 * a reply, 64 KB a session, and lines split over any number of reads. Through the real probe
 * engine against the scripted fake server.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_LINE_BYTES, MAX_REPLY_LINES } from '../../../src/probes/line-io.ts'
import { MAX_SESSION_BYTES } from '../../../src/probes/socket-node.ts'
import { type MailScript, type MailServer, startMailServer } from '../../fake/mail-server.ts'
import { FAKE_TIMEOUT_MS, probeFake } from '../../fake/probe-fake.ts'
import type { Protocol, Security } from '../../../src/model/domain.ts'

let server: MailServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

const probe = async (protocol: Protocol, script: MailScript, security: Security = 'none') => {
  server = await startMailServer(protocol, script)
  return probeFake(server.port, protocol, security)
}

/** An IMAP greeting exactly `bytes` long, without its CR LF. */
const greetingOf = (bytes: number) => `* OK ${'x'.repeat(bytes - 5)}`

describe('line bounds', () => {
  it(`a line of exactly ${MAX_LINE_BYTES} bytes is read whole`, async () => {
    const { result } = await probe('imap', { greeting: greetingOf(MAX_LINE_BYTES) })
    expect(result.greeting).toHaveLength(MAX_LINE_BYTES)
    expect(result.code).toBe('TLS_NOT_USED')
  })

  it('one byte more is RESPONSE_TOO_LONG', async () => {
    const { result } = await probe('imap', { greeting: greetingOf(MAX_LINE_BYTES + 1) })
    expect(result.code).toBe('RESPONSE_TOO_LONG')
    expect(result.detail).toBe(`a line longer than ${MAX_LINE_BYTES} bytes`)
    expect(result.greeting).toBeNull()
  })

  it('an overlong line with no end is refused as soon as it passes the bound, not at the deadline', async () => {
    const { result, took } = await probe('smtp', {
      greeting: { raw: `220 ${'y'.repeat(MAX_LINE_BYTES)}` },
    })
    expect(result.code).toBe('RESPONSE_TOO_LONG')
    expect(took).toBeLessThan(FAKE_TIMEOUT_MS / 2)
  })

  it(`a reply of more than ${MAX_REPLY_LINES} lines is a PROTOCOL_ERROR`, async () => {
    const lines = Array.from({ length: MAX_REPLY_LINES + 5 }, (_, i) => `X-CAP-${i}`)
    const { result } = await probe('pop3', { plain: { CAPA: ['+OK', ...lines, '.'].join('\n') } })
    expect(result.code).toBe('PROTOCOL_ERROR')
    expect(result.detail).toBe(`a reply longer than ${MAX_REPLY_LINES} lines`)
  })

  it(`a reply of ${MAX_REPLY_LINES - 1} lines is fine`, async () => {
    const lines = Array.from({ length: MAX_REPLY_LINES - 2 }, (_, i) => `X-CAP-${i}`)
    const { result } = await probe('pop3', { plain: { CAPA: ['+OK', ...lines, '.'].join('\n') } })
    expect(result.capabilities.beforeTls).toHaveLength(MAX_REPLY_LINES - 2)
  })
})

describe('session bound', () => {
  /** An EHLO reply of `count` lines of 400 bytes each. */
  const ehloOf = (count: number) =>
    [
      '250-fake.test',
      ...Array.from({ length: count }, (_, i) => `250-X${i} ${'z'.repeat(392)}`),
      '250 OK',
    ].join('\n')

  it(`more than ${MAX_SESSION_BYTES} bytes in one session is RESPONSE_TOO_LONG, though no line or reply is too long`, async () => {
    const { result } = await probe('smtp', { plain: { EHLO: ehloOf(180) } })
    expect(result.code).toBe('RESPONSE_TOO_LONG')
    expect(result.detail).toBe(`more than ${MAX_SESSION_BYTES} bytes received`)
  })

  it('just under it is fine', async () => {
    const { result } = await probe('smtp', { plain: { EHLO: ehloOf(150) } })
    expect(result.code).toBe('PLAINTEXT_ONLY')
    expect(result.capabilities.beforeTls).toHaveLength(151)
  })
})

describe('lines split over reads', () => {
  it('a greeting trickled one byte at a time, CR and LF in separate reads, is one line', async () => {
    const { result } = await probe('imap', {
      greeting: { reply: '* OK split greeting', pieceBytes: 1, pauseMs: 5 },
    })
    expect(result.greeting).toBe('* OK split greeting')
    expect(result.code).toBe('TLS_NOT_USED')
  })

  it('a multi-line reply cut at odd places reads the same as one sent whole', async () => {
    const whole = await probe('smtp', {})
    await server?.close()
    const cut = await probe('smtp', {
      plain: {
        EHLO: {
          reply: '250-fake.test\n250-PIPELINING\n250-STARTTLS\n250 8BITMIME',
          pieceBytes: 7,
          pauseMs: 5,
        },
      },
    })
    expect(cut.result.capabilities).toEqual(whole.result.capabilities)
    expect(cut.result.capabilities.beforeTls).toEqual(['PIPELINING', 'STARTTLS', '8BITMIME'])
  })

  it('several replies in one read are taken one at a time (a pipelining server)', async () => {
    // The greeting and the EHLO answer arrive together, before the probe has said EHLO.
    const { result } = await probe('smtp', {
      greeting: '220 fake.test ESMTP\n250-fake.test\n250 STARTTLS',
      plain: { EHLO: null },
    })
    expect(result.greeting).toBe('220 fake.test ESMTP')
    expect(result.capabilities.beforeTls).toEqual(['STARTTLS'])
  })

  it('bare LF line endings are accepted', async () => {
    const { result } = await probe('pop3', { greeting: { raw: '+OK bare LF\n' } })
    expect(result.greeting).toBe('+OK bare LF')
  })
})

describe('the transcript', () => {
  it('masks control characters and cuts long lines', async () => {
    const { result } = await probe('imap', { greeting: `* OK \x1b[31mred\x07 ${'w'.repeat(400)}` })
    const line = result.transcript[0]?.line ?? ''
    expect(line.startsWith('* OK ?[31mred? ')).toBe(true)
    expect(line).toHaveLength(301)
    expect(line.endsWith('…')).toBe(true)
  })
})
