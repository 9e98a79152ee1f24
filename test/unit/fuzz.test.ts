/**
 * Issue 14: the short schema-driven fuzz pass of `npm test` (fixed seed, a few hundred requests
 * made from /openapi.json): no 5xx, every answer documented and matching its schema, no 400 for
 * a request the document allows, and not one socket opened. `npm run fuzz` runs the long pass.
 */
import { describe, expect, it } from 'vitest'
import { useOfflineMsw } from '../fake/offline-msw.ts'
import { createTestApp } from '../fake/test-app.ts'
import { type FuzzRequest, type OpenApiDoc, createFuzzer } from '../fuzz/openapi-fuzz.ts'
import { runFuzz } from '../fuzz/run-fuzz.ts'

useOfflineMsw()

describe('schema-driven fuzz (short pass)', () => {
  it('400 requests from the document: no 5xx, no schema violation, nothing leaves the process', async () => {
    const summary = await runFuzz({ runs: 400 })
    expect(summary.violations).toEqual([])
    expect(summary.connects).toBe(0)
    expect(summary.requests).toBe(400)
    // The pass reaches the routes, not only their refusals.
    expect(summary.valid).toBeGreaterThan(100)
    expect(summary.byStatus['200'] ?? 0).toBeGreaterThan(50)
    expect(summary.byStatus['400'] ?? 0).toBeGreaterThan(50)
  }, 120_000)

  it('the checks bite: a 5xx, an undocumented status, a body off its schema, a 400 for a valid request', async () => {
    const { app } = createTestApp()
    const doc = (await (await app.request('/openapi.json')).json()) as OpenApiDoc
    const { check, operation: operationOf } = createFuzzer(doc)
    const operation = operationOf('/api/v1/providers/{domain}', 'get')
    const req: FuzzRequest = {
      method: 'GET',
      path: '/api/v1/providers/qq.com',
      template: '/api/v1/providers/{domain}',
      url: 'http://localhost/api/v1/providers/qq.com',
      headers: {},
      valid: true,
      operation,
    }
    const json = (body: unknown, status: number) => Response.json(body, { status })
    expect(await check(req, json({ error: { code: 'INTERNAL', message: 'x' } }, 500))).toContain(
      '500 from the service',
    )
    expect(await check(req, json({}, 418))).toEqual(['status 418 is not documented'])
    expect((await check(req, json({ id: 42 }, 200)))[0]).toMatch(/^body does not match/)
    expect(
      (await check(req, json({ error: { code: 'INVALID_INPUT', message: 'x' } }, 400)))[0],
    ).toMatch(/^400 for a request the document allows/)
    const good = await app.request(req.url)
    expect(await check(req, good)).toEqual([])
  })

  it('the checks bite on streams: every event’s data against the schema the document names for it', async () => {
    const { app } = createTestApp()
    const doc = (await (await app.request('/openapi.json')).json()) as OpenApiDoc
    const { check, operation: operationOf } = createFuzzer(doc)
    const url = 'http://localhost/api/v1/lookup?email=ann@qq.com&lang=en'
    const req: FuzzRequest = {
      method: 'GET',
      path: '/api/v1/lookup',
      template: '/api/v1/lookup',
      url,
      headers: { accept: 'text/event-stream' },
      valid: true,
      operation: operationOf('/api/v1/lookup', 'get'),
    }
    const real = await (await app.request(url, { headers: req.headers })).text()
    expect(real).toContain('event: recommendation')
    const sse = (text: string) =>
      new Response(text, { headers: { 'content-type': 'text/event-stream' } })
    expect(await check(req, sse(real))).toEqual([])
    // The same stream with the host choice dropped from a recommendation event, or an event the
    // document does not name.
    const withoutChoice = real.replace(/,"hostChoice":\[[^\]]*\]/, '')
    expect(withoutChoice).not.toBe(real)
    expect((await check(req, sse(withoutChoice)))[0]).toMatch(
      /^recommendation event does not match its schema/,
    )
    expect(await check(req, sse(`event: gossip\ndata: {}\n\n${real}`))).toEqual([
      'an undocumented event: gossip',
    ])
  })
})
