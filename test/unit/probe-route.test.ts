/**
 * POST /api/v1/probe in-process (app.request): validation, the guard's 403, limits, JSON and SSE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCidrList } from '../../src/security/address-policy.ts'
import type { FakeServer } from '../fake/fake-server.ts'
import { startMailServer } from '../fake/mail-server.ts'
import { createTestApp, postJson } from '../fake/test-app.ts'

let pop3: FakeServer

beforeAll(async () => {
  // A plaintext-only POP3 server: no STLS in its capabilities.
  pop3 = await startMailServer('pop3', { plain: { CAPA: '+OK\nUSER\nSASL PLAIN\n.' } })
})
afterAll(() => pop3.close())

describe('POST /api/v1/probe: bad input', () => {
  const { app } = createTestApp()
  const cases: Array<[string, unknown, string]> = [
    ['malformed JSON', '{"host":', 'body'],
    ['a JSON array', '[1,2]', 'body'],
    ['no host', { port: 993 }, 'host'],
    ['an empty host', { host: '   ' }, 'host'],
    ['an oversize host', { host: `${'a'.repeat(250)}.com` }, 'host'],
    ['an unknown protocol', { host: 'mail.example.com', port: 993, protocol: 'ftp' }, 'protocol'],
    ['a port out of range', { host: 'mail.example.com', port: 70000 }, 'port'],
    ['a port as a string', { host: 'mail.example.com', port: '993' }, 'port'],
    ['an unknown security', { host: 'mail.example.com', port: 993, security: 'ssl' }, 'security'],
    ['an unknown field', { host: 'mail.example.com', password: 'hunter2' }, 'body'],
    ['a non-standard port without protocol', { host: 'mail.example.com', port: 2525 }, 'protocol'],
  ]
  it.each(cases)('%s is a 400 naming the field', async (_name, body, field) => {
    const res = await postJson(app, '/api/v1/probe', body)
    expect(res.status).toBe(400)
    const json = (await res.json()) as { error: { code: string; field: string; message: string } }
    expect(json.error.code).toBe('INVALID_INPUT')
    expect(json.error.field).toBe(field)
    expect(json.error.message.length).toBeGreaterThan(0)
  })

  it('an oversize body is a 413', async () => {
    const res = await postJson(app, '/api/v1/probe', { host: 'x'.repeat(100_000) })
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } })
  })

  it('no junk body gives a 500: each is a 4xx JSON error', async () => {
    const junk = [
      '',
      'null',
      '0',
      '"x"',
      '{}',
      '{"host":null}',
      '{"host":{}}',
      '\u0000',
      '{"host":"a","port":1.5}',
      '{"__proto__":{"x":1}}',
    ]
    for (const body of junk) {
      const res = await postJson(app, '/api/v1/probe', body)
      expect(res.status, body).toBeGreaterThanOrEqual(400)
      expect(res.status, body).toBeLessThan(500)
      const json = (await res.json()) as { error?: { code?: unknown } }
      expect(typeof json.error?.code, body).toBe('string')
    }
  })
})

describe('POST /api/v1/probe: the guard and the limits', () => {
  it('a private target is a 403 TARGET_BLOCKED', async () => {
    const { app } = createTestApp({ allow: [] })
    const res = await postJson(app, '/api/v1/probe', { host: '169.254.169.254', port: 993 })
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ error: { code: 'TARGET_BLOCKED' } })
  })

  it('a port that is not a mail port is a 403', async () => {
    const { app } = createTestApp()
    const res = await postJson(app, '/api/v1/probe', {
      host: '127.0.0.1',
      port: 6379,
      protocol: 'smtp',
    })
    expect(res.status).toBe(403)
  })

  it('a refused target opens no socket, so it spends no probe budget', async () => {
    const { app } = createTestApp({ limits: { probes: 2 }, allow: [] })
    const statuses: number[] = []
    for (let i = 0; i < 5; i++)
      statuses.push((await postJson(app, '/api/v1/probe', { host: '10.0.0.1' })).status)
    expect(statuses).toEqual([403, 403, 403, 403, 403])
  })

  it('past the global socket cap, 429 with Retry-After', async () => {
    const { app } = createTestApp({ maxSockets: 3, allow: parseCidrList('127.0.0.0/8') })
    const res = await postJson(app, '/api/v1/probe', { host: '127.0.0.1' })
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('2')
  })
})

describe('POST /api/v1/probe: results', () => {
  it('a single probe answers 200 with the result', async () => {
    const { app, logs } = createTestApp({ ports: [pop3.port] })
    const res = await postJson(app, '/api/v1/probe', {
      host: '127.0.0.1',
      port: pop3.port,
      protocol: 'pop3',
      security: 'none',
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const result = (await res.json()) as Record<string, unknown>
    expect(result).toMatchObject({
      host: '127.0.0.1',
      address: '127.0.0.1',
      port: pop3.port,
      protocol: 'pop3',
      security: 'none',
      status: 'warning',
      code: 'PLAINTEXT_ONLY',
      greeting: '+OK fake POP3 ready',
      capabilities: { beforeTls: ['USER', 'SASL PLAIN'], afterTls: [] },
      auth: ['PLAIN', 'USER'],
      tls: null,
    })
    expect(
      logs.some((line) => line.includes('"path":"/api/v1/probe"') && line.includes('"status":200')),
    ).toBe(true)
  })

  it('a failed probe is a 200 with status error and its code', async () => {
    const { app } = createTestApp({ ports: [pop3.port] })
    const res = await postJson(app, '/api/v1/probe', {
      host: '127.0.0.1',
      port: pop3.port,
      protocol: 'imap',
      security: 'none',
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'error', code: 'NOT_THIS_PROTOCOL' })
  })

  it('with Accept: text/event-stream, a probe event then a result event', async () => {
    const { app } = createTestApp({ ports: [pop3.port] })
    const res = await postJson(
      app,
      '/api/v1/probe',
      { host: '127.0.0.1', port: pop3.port, protocol: 'pop3', security: 'none' },
      { accept: 'text/event-stream' },
    )
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const text = await res.text()
    const events = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1])
    expect(events).toEqual(['probe', 'result'])
    const data = [...text.matchAll(/^data: (.*)$/gm)].map(
      (m) => JSON.parse(m[1] ?? '') as { code: string },
    )
    expect(data[1]?.code).toBe('PLAINTEXT_ONLY')
  })

  it('an unknown host is a 200 whose probes carry the DNS code', async () => {
    const { app } = createTestApp()
    const res = await postJson(app, '/api/v1/probe', { host: 'nowhere.example.com' })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { probes: Array<{ code: string; port: number }> }
    expect(body.probes.map((p) => p.port)).toEqual([993, 143, 995, 110, 465, 587, 25])
    expect(new Set(body.probes.map((p) => p.code))).toEqual(new Set(['DNS_NXDOMAIN']))
  })
})

describe('other routes', () => {
  const { app } = createTestApp()
  it('GET /healthz is 200', async () => {
    const res = await app.request('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })
  it('an unknown API route is a JSON 404', async () => {
    const res = await app.request('/api/v1/nope')
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
  })
  it('GET on the probe route (POST only) is a JSON 405 naming POST in Allow, not a 500', async () => {
    const res = await app.request('/api/v1/probe')
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('POST')
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(await res.json()).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED' } })
  })
})
