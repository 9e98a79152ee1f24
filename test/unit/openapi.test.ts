/**
 * The OpenAPI document covers every /api/v1 route, its references resolve, and real responses
 * parse (strictly) with the schemas it is generated from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ErrorBodySchema,
  GuideListSchema,
  GuideSchema,
  MatrixResultSchema,
  ProbeResultSchema,
  ReportSchema,
} from '../../src/openapi/schemas.ts'
import type { FakeServer } from '../fake/fake-server.ts'
import { startMailServer } from '../fake/mail-server.ts'
import { createTestApp, postJson } from '../fake/test-app.ts'

let pop3: FakeServer
beforeAll(async () => {
  pop3 = await startMailServer('pop3', { greeting: '+OK ready', plain: { CAPA: '+OK\nUSER\n.' } })
})
afterAll(() => pop3.close())

type Doc = {
  openapi: string
  paths: Record<string, Record<string, unknown>>
  components: { schemas: Record<string, unknown> }
}

describe('GET /openapi.json', () => {
  const { app } = createTestApp({ ports: [pop3?.port ?? 0] })

  it('is OpenAPI 3.1 and documents every route the app serves, and nothing it does not', async () => {
    const res = await app.request('/openapi.json')
    expect(res.status).toBe(200)
    const doc = (await res.json()) as Doc
    expect(doc.openapi).toBe('3.1.0')
    // Every route registered on the app, whoever added it (the web page's routes need its
    // assets, which this app has not got): its method and path in OpenAPI's spelling.
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && !r.path.endsWith('*'))
        .map(
          (r) =>
            `${r.method.toLowerCase()} ${r.path.replace(/(.)\/$/, '$1').replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`,
        ),
    )
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m} ${path}`),
      ),
    )
    expect([...served].filter((route) => !documented.has(route))).toEqual([])
    expect([...documented].filter((route) => !served.has(route))).toEqual([])
    expect(served.size).toBeGreaterThanOrEqual(25)
  })

  it('documents 405, 429 and, under /api/, 403 ORIGIN_NOT_ALLOWED on every operation, 415 where a JSON body goes', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            responses: Record<string, { description: string }>
            requestBody?: { content: Record<string, unknown> }
          }
        >
      >
    }
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const where = `${method} ${path}`
        expect(op.responses, where).toHaveProperty('405')
        if (path !== '/healthz') expect(op.responses, where).toHaveProperty('429')
        if (path === '/api' || path.startsWith('/api/'))
          expect(op.responses['403']?.description, where).toContain('ORIGIN_NOT_ALLOWED')
        if (op.requestBody?.content['application/json'])
          expect(op.responses, where).toHaveProperty('415')
      }
    }
    expect(doc.paths['/api/v1/guides']?.get?.responses).toHaveProperty('400')
  })

  it('has no dangling $ref', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as Doc
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(
      (m) => m[1] ?? '',
    )
    expect(refs.length).toBeGreaterThan(10)
    for (const name of refs) expect(doc.components.schemas, name).toHaveProperty(name)
  })

  it('GET /api leads to the readable API page', async () => {
    const res = await app.request('/api')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/api.html')
  })
})

describe('real responses match the documented schemas', () => {
  it('a single probe, a matrix, a lookup report and an error body', async () => {
    const { app } = createTestApp({ ports: [pop3.port] })
    const single = await postJson(app, '/api/v1/probe', {
      host: '127.0.0.1',
      port: pop3.port,
      protocol: 'pop3',
      security: 'none',
    })
    ProbeResultSchema.parse(await single.json())
    const matrix = await postJson(app, '/api/v1/probe', { host: 'nowhere.example.com' })
    MatrixResultSchema.parse(await matrix.json())
    const lookup = await app.request('/api/v1/lookup?email=a@qq.com&lang=zh-CN')
    const report = ReportSchema.parse(await lookup.json())
    expect(report.provider?.id).toBe('qq')
    for (const client of GuideListSchema.parse(await (await app.request('/api/v1/guides')).json())
      .clients) {
      const guide = await app.request(`/api/v1/guides/${client.id}?email=a@qq.com&lang=zh-CN`)
      expect(GuideSchema.parse(await guide.json()).client).toBe(client.id)
    }
    const bad = await postJson(app, '/api/v1/diagnose', { email: 'nope' })
    expect(bad.status).toBe(400)
    expect(ErrorBodySchema.parse(await bad.json()).error.field).toBe('email')
  })
})
