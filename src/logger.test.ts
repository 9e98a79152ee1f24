import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { REDACTED, TOO_DEEP, createLogger, redact } from './logger.ts'

const capture = (level: 'debug' | 'info' = 'debug') => {
  const lines: string[] = []
  return { lines, log: createLogger({ level, write: (line) => lines.push(line) }) }
}

/** `value` wrapped in `depth` levels of `{ next: … }`. */
const nested = (depth: number, value: unknown): unknown =>
  depth === 0 ? value : { next: nested(depth - 1, value) }

describe('logger', () => {
  it('writes one JSON object a line with time, level, pid, message and fields', () => {
    const { lines, log } = capture('info')
    const child = log.child({ reqId: 'r1' })
    child.debug('hidden')
    child.info('hello', { host: 'imap.example.com' })
    expect(lines).toHaveLength(1)
    const entry = JSON.parse(lines[0] ?? '') as Record<string, unknown>
    expect(entry).toMatchObject({
      level: 'info',
      msg: 'hello',
      reqId: 'r1',
      host: 'imap.example.com',
      pid: process.pid,
    })
    expect(new Date(String(entry.time)).toISOString()).toBe(entry.time)
    expect(lines[0]).not.toContain('\n')
  })

  it('keeps each level and drops the ones below the configured one', () => {
    const { lines, log } = capture('info')
    log.debug('d')
    log.info('i')
    log.warn('w')
    log.error('e')
    expect(lines.map((line) => (JSON.parse(line) as { level: string }).level)).toEqual([
      'info',
      'warn',
      'error',
    ])
    const silent = createLogger({ level: 'silent', write: (line) => lines.push(line) })
    silent.error('never')
    expect(lines).toHaveLength(3)
  })

  it('never writes a password, token, authorization header or cookie, at any depth', () => {
    const { lines, log } = capture()
    log.info('login', {
      password: 'hunter2',
      auth: { user: 'a@example.com', pass: 'hunter3', authCode: 'abcd1234' },
      headers: {
        Authorization: 'Bearer tok-secret',
        'Proxy-Authorization': 'Basic cHJveHk=',
        cookie: 'sid=1',
        'Set-Cookie': 'sid=2; HttpOnly',
        'x-api-key': 'key-3',
      },
      list: [{ accessToken: 'tok-2' }, [{ refresh_token: 'tok-4' }]],
      deep: nested(12, { passwd: 'hunter5', clientSecret: 'sec-6' }),
      deeper: nested(40, { password: 'hunter7', note: 'deep-note' }),
      form: { pwd: 'hunter8', passphrase: 'hunter9', private_key: 'pem-10' },
    })
    log.child({ authorization: 'Bearer child-tok', reqId: 'r2' }).warn('child', {
      credentials: { user: 'u', secret: 'child-sec' },
    })
    const text = lines.join('\n')
    const secrets = [
      'hunter2',
      'hunter3',
      'abcd1234',
      'tok-secret',
      'cHJveHk=',
      'sid=1',
      'sid=2',
      'key-3',
      'tok-2',
      'tok-4',
      'hunter5',
      'sec-6',
      'hunter7',
      'hunter8',
      'hunter9',
      'pem-10',
      'child-tok',
      'child-sec',
    ]
    for (const secret of secrets) expect(text).not.toContain(secret)
    expect(text).toContain('a@example.com')
    expect(text).toContain('"reqId":"r2"')
    expect(text).toContain(REDACTED)
    // Past the depth looked at, a value is dropped, not written unlooked-at.
    expect(text).not.toContain('deep-note')
    expect(text).toContain(TOO_DEEP)
  })

  it('redact keeps errors to their name and message (no stack, no cause)', () => {
    expect(redact({ err: new TypeError('boom', { cause: { password: 'x' } }) })).toEqual({
      err: { name: 'TypeError', message: 'boom' },
    })
    const { lines, log } = capture()
    log.error('failed', { err: new Error('broken') })
    const entry = JSON.parse(lines[0] ?? '') as { err: unknown }
    expect(entry.err).toEqual({ name: 'Error', message: 'broken' })
    expect(lines[0]).not.toContain('at ')
  })

  it('a cycle does not hang or throw', () => {
    const loop: Record<string, unknown> = { name: 'loop' }
    loop.self = loop
    const { lines, log } = capture()
    log.info('cycle', { loop })
    expect(lines).toHaveLength(1)
  })

  it('the asynchronous stdout destination is flushed when the process exits at once', async () => {
    const script = fileURLToPath(
      new URL('../test/fixtures/logger/log-then-exit.ts', import.meta.url),
    )
    const run = (how: string) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
        env: { ...process.env, LINES: '5000', HOW: how },
        maxBuffer: 64 * 1024 * 1024,
      }).catch((err: { stdout: string }) => ({ stdout: err.stdout }))
    for (const how of ['exit', 'throw']) {
      const { stdout } = await run(how)
      const lines = stdout.trimEnd().split('\n')
      expect(lines, how).toHaveLength(5000)
      expect(JSON.parse(lines[4999] ?? '')).toMatchObject({ i: 4999, password: REDACTED })
    }
  }, 30_000)
})
