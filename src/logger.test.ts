import { describe, expect, it } from 'vitest'
import { REDACTED, createLogger, redact } from './logger.ts'

describe('logger', () => {
  it('writes one JSON object a line with level, message and fields', () => {
    const lines: string[] = []
    const log = createLogger({ level: 'info', write: (line) => lines.push(line) }).child({
      reqId: 'r1',
    })
    log.debug('hidden')
    log.info('hello', { host: 'imap.example.com' })
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'info',
      msg: 'hello',
      reqId: 'r1',
      host: 'imap.example.com',
    })
  })

  it('never writes a password, token or authorization header, at any depth', () => {
    const lines: string[] = []
    const log = createLogger({ level: 'debug', write: (line) => lines.push(line) })
    log.info('login', {
      password: 'hunter2',
      auth: { user: 'a@example.com', pass: 'hunter3', authCode: 'abcd1234' },
      headers: { Authorization: 'Bearer tok-secret', cookie: 'sid=1' },
      list: [{ accessToken: 'tok-2' }],
    })
    const text = lines.join('\n')
    for (const secret of ['hunter2', 'hunter3', 'abcd1234', 'tok-secret', 'sid=1', 'tok-2']) {
      expect(text).not.toContain(secret)
    }
    expect(text).toContain('a@example.com')
    expect(text).toContain(REDACTED)
  })

  it('redact keeps errors to their name and message', () => {
    expect(redact({ err: new TypeError('boom') })).toEqual({
      err: { name: 'TypeError', message: 'boom' },
    })
  })
})
