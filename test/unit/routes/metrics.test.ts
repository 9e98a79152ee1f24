/**
 * GET /metrics through the whole app: off unless asked for, behind a bearer token when one is
 * set, and an exposition (prom-client's, parsed strictly) that counts what really happened:
 * requests by route and status, probes by protocol and code, latency histograms, sockets,
 * refusals and stored reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPromRegistry } from '../../../src/metrics/registry-prom-node.ts'
import type { MailServer } from '../../fake/mail-server.ts'
import { startMailServer } from '../../fake/mail-server.ts'
import { createTestApp, postJson } from '../../fake/test-app.ts'
import { parseExposition, sampleValue } from '../../support/prometheus-text.ts'

let pop3: MailServer
beforeAll(async () => {
  pop3 = await startMailServer('pop3', {})
})
afterAll(() => pop3.close())

const TOKEN = 'scrape-token-0123456789'

describe('GET /metrics', () => {
  it('is off unless MAILSETUP_METRICS or a token turns it on: 404', async () => {
    const { app } = createTestApp()
    const res = await app.request('/metrics')
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
    const registryOnly = createTestApp({
      metrics: { metrics: createPromRegistry({ processMetrics: false }) },
    })
    expect((await registryOnly.app.request('/metrics')).status).toBe(404)
  })

  it('with a token: 401 without it, 403 with another, 200 with it', async () => {
    const { app } = createTestApp({
      metrics: {
        metrics: createPromRegistry({ processMetrics: false }),
        metricsAccess: { open: false, token: TOKEN },
      },
    })
    const without = await app.request('/metrics')
    expect(without.status).toBe(401)
    expect(without.headers.get('www-authenticate')).toContain('Bearer')
    const wrong = await app.request('/metrics', {
      headers: { authorization: 'Bearer not-the-token-at-all' },
    })
    expect(wrong.status).toBe(403)
    const right = await app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })
    expect(right.status).toBe(200)
    parseExposition(await right.text())
  })

  it('counts requests, probes, latency, sockets, refusals and reports, and the exposition parses', async () => {
    const { app } = createTestApp({
      ports: [pop3.port],
      limits: { probes: 1 },
      metrics: { metrics: createPromRegistry(), metricsAccess: { open: true } },
    })
    const probe = () =>
      postJson(app, '/api/v1/probe', { host: '127.0.0.1', port: pop3.port, protocol: 'pop3' })
    const first = await probe()
    expect(first.status).toBe(200)
    const result = (await first.json()) as { code: string | null; status: string }
    expect((await probe()).status).toBe(429)
    const saved = await postJson(app, '/api/v1/diagnose', { email: 'ann@qq.com', probe: false })
    expect(saved.status).toBe(200)
    const { id } = (await saved.json()) as { id: string }
    expect((await app.request(`/api/v1/reports/${id}`)).status).toBe(200)

    const res = await app.request('/metrics')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    const text = await res.text()
    const families = parseExposition(text)
    const value = (name: string, labels: Record<string, string> = {}) =>
      sampleValue(families, name, labels)

    expect(families.get('mailsetup_probes_total')?.type).toBe('counter')
    expect(
      value('mailsetup_probes_total', {
        protocol: 'pop3',
        code: result.code ?? 'none',
        status: result.status,
      }),
    ).toBe(1)
    expect(families.get('mailsetup_probe_duration_seconds')?.type).toBe('histogram')
    expect(value('mailsetup_probe_duration_seconds_count', { protocol: 'pop3' })).toBe(1)
    expect(value('mailsetup_probe_duration_seconds_sum', { protocol: 'pop3' })).toBeGreaterThan(0)
    const requests = (status: string, route = '/api/v1/probe', method = 'POST') =>
      value('mailsetup_http_requests_total', { route, method, status })
    expect(requests('200')).toBe(1)
    expect(requests('429')).toBe(1)
    expect(requests('200', '/api/v1/diagnose')).toBe(1)
    // The route pattern, never the id itself.
    expect(requests('200', '/api/v1/reports/:id', 'GET')).toBe(1)
    expect(text).not.toContain(id)
    expect(value('mailsetup_http_request_duration_seconds_count', { route: '/api/v1/probe' })).toBe(
      2,
    )
    expect(value('mailsetup_rate_limit_refusals_total', { budget: 'probes' })).toBe(1)
    expect(value('mailsetup_diagnosis_duration_seconds_count', { probed: 'false' })).toBe(1)
    expect(value('mailsetup_reports_stored_total')).toBe(1)
    // The probe's socket was opened and closed; nothing is reserved once the requests are done.
    expect(value('mailsetup_probe_sockets_open')).toBe(0)
    expect(value('mailsetup_probe_sockets_reserved')).toBe(0)
    // Node's process metrics come along.
    expect(value('process_resident_memory_bytes')).toBeGreaterThan(0)
    expect(families.has('nodejs_eventloop_lag_seconds')).toBe(true)
  })

  it('sockets open counts a probe while it runs', async () => {
    const slow = await startMailServer('pop3', { greeting: { reply: '+OK slow', delayMs: 800 } })
    try {
      const { app } = createTestApp({
        ports: [slow.port],
        metrics: {
          metrics: createPromRegistry({ processMetrics: false }),
          metricsAccess: { open: true },
        },
      })
      const running = postJson(app, '/api/v1/probe', {
        host: '127.0.0.1',
        port: slow.port,
        protocol: 'pop3',
      })
      await new Promise((resolve) => setTimeout(resolve, 300))
      const during = parseExposition(await (await app.request('/metrics')).text())
      expect(sampleValue(during, 'mailsetup_probe_sockets_open')).toBe(1)
      expect(sampleValue(during, 'mailsetup_probe_sockets_reserved')).toBe(1)
      expect((await running).status).toBe(200)
      const after = parseExposition(await (await app.request('/metrics')).text())
      expect(sampleValue(after, 'mailsetup_probe_sockets_open')).toBe(0)
    } finally {
      await slow.close()
    }
  })
})

describe('the exposition reader the tests use', () => {
  it('refuses what is not the text format', () => {
    const ok = '# HELP a_total A.\n# TYPE a_total counter\na_total{x="1"} 2\n'
    expect(sampleValue(parseExposition(ok), 'a_total', { x: '1' })).toBe(2)
    expect(() => parseExposition('a_total 1\n')).toThrow(/before its TYPE/)
    expect(() => parseExposition('# TYPE a counter\na 1\n')).toThrow(/without HELP/)
    expect(() => parseExposition('# HELP a A.\n# TYPE a gauge\na{x=1} 1\n')).toThrow(/labels/)
    expect(() => parseExposition('# HELP a A.\n# TYPE a gauge\na one\n')).toThrow(/value/)
    const histogram = (inf: number) =>
      `# HELP h H.\n# TYPE h histogram\nh_bucket{le="1"} 1\nh_bucket{le="+Inf"} ${inf}\nh_sum 1\nh_count 2\n`
    expect(() => parseExposition(histogram(2))).not.toThrow()
    expect(() => parseExposition(histogram(3))).toThrow(/_count/)
  })
})
