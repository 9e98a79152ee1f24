/**
 * src/worker.ts itself in workerd: the app over the D1 binding, and a bad variable answering
 * every request with a 500 that names it.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, inject, it, vi } from 'vitest'
import type { D1Like } from '../../src/diagnose/store-d1.ts'
import type { RateLimitBinding } from '../../src/security/rate-limit-workers.ts'
import worker from '../../src/worker.ts'

const { DB, RATE_LIMITER } = env as { DB: D1Like; RATE_LIMITER: RateLimitBinding }
/** Never the internet: discovery's DNS goes to the local DoH server. */
const vars = () => ({
  DB,
  MAILSETUP_DOH_URL: inject('dohUrl'),
  MAILSETUP_PUBLIC_URL: 'https://mailsetup.example.workers.dev',
  LOG_LEVEL: 'warn',
})

describe('the Workers entry (workerd)', () => {
  it('serves the API with the Workers adapters', async () => {
    const health = await worker.fetch(new Request('http://worker.test/healthz'), vars())
    expect(health.status).toBe(200)
    const provider = await worker.fetch(
      new Request('http://worker.test/api/v1/providers/qq.com'),
      vars(),
    )
    expect(provider.status).toBe(200)
    expect(await provider.json()).toMatchObject({ domains: expect.arrayContaining(['qq.com']) })
  })

  it('stores a diagnosis in D1 and reads it back', async () => {
    const made = await worker.fetch(
      new Request('http://worker.test/api/v1/diagnose', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cf-connecting-ip': '198.51.100.7' },
        body: JSON.stringify({ email: 'ann@qq.com', probe: false }),
      }),
      vars(),
    )
    expect(made.status).toBe(200)
    const { id } = (await made.json()) as { id: string }
    const read = await worker.fetch(new Request(`http://worker.test/api/v1/reports/${id}`), vars())
    expect(read.status).toBe(200)
    expect(await read.json()).toMatchObject({ id, email: 'ann@qq.com' })
  })

  it('a bad variable answers every request 500 CONFIG_INVALID naming it', async () => {
    const bad = { ...vars(), MAILSETUP_PROBE_TIMEOUT_MS: 'soon' }
    for (const path of ['/healthz', '/api/v1/providers/qq.com']) {
      const res = await worker.fetch(new Request(`http://worker.test${path}`), bad)
      expect(res.status).toBe(500)
      const body = (await res.json()) as { error: { code: string; message: string; field: string } }
      expect(body.error.code).toBe('CONFIG_INVALID')
      expect(body.error.field).toBe('MAILSETUP_PROBE_TIMEOUT_MS')
      expect(body.error.message).toContain('MAILSETUP_PROBE_TIMEOUT_MS')
    }
  })

  it('a Node-only variable is refused the same way', async () => {
    const res = await worker.fetch(new Request('http://worker.test/healthz'), {
      ...vars(),
      MAILSETUP_DNS_SERVERS: '1.1.1.1',
    })
    expect(res.status).toBe(500)
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe(
      'MAILSETUP_DNS_SERVERS',
    )
  })

  it('the Rate Limiting binding counts the traffic-making routes per client (limit 3 a minute here)', async () => {
    const limited = { ...vars(), RATE_LIMITER }
    const lookup = (client: string) =>
      worker.fetch(
        new Request('http://worker.test/api/v1/lookup?email=ann@qq.com', {
          headers: { 'cf-connecting-ip': client },
        }),
        limited,
      )
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await lookup('203.0.113.9')).status)
    expect(statuses).toEqual([200, 200, 200, 429])
    const refused = await lookup('203.0.113.9')
    expect(refused.headers.get('retry-after')).toBe('60')
    expect(await refused.json()).toMatchObject({
      error: { code: 'RATE_LIMITED', limit: 'requests' },
    })
    // Another client, and a route that sends nothing, are not counted against it.
    expect((await lookup('2001:db8:5::1')).status).toBe(200)
    const health = await worker.fetch(
      new Request('http://worker.test/healthz', { headers: { 'cf-connecting-ip': '203.0.113.9' } }),
      limited,
    )
    expect(health.status).toBe(200)
  })

  it('logs each request as one JSON line through console.log (Workers logs)', async () => {
    const lines: string[] = []
    const spy = vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
      lines.push(String(line))
    })
    try {
      await worker.fetch(new Request('http://worker.test/api/v1/providers/qq.com'), {
        ...vars(),
        LOG_LEVEL: 'info',
      })
    } finally {
      spy.mockRestore()
    }
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(entries).toContainEqual(
      expect.objectContaining({ level: 'info', msg: 'request', path: '/api/v1/providers/qq.com' }),
    )
  })

  it('the login test answers 501 NOT_AVAILABLE_IN_THIS_DEPLOYMENT (the page then hides the step)', async () => {
    const res = await worker.fetch(
      new Request('http://worker.test/api/v1/login-test', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ann@qq.com', password: 'x' }),
      }),
      vars(),
    )
    expect(res.status).toBe(501)
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_AVAILABLE_IN_THIS_DEPLOYMENT' } })
  })
})
