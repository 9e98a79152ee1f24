/**
 * The request log, through the whole app: one JSON line a request with the request id, method,
 * path, status and time; never the body, the query string or a header's secret.
 */
import { describe, expect, it } from 'vitest'
import { createTestApp, postJson } from '../../fake/test-app.ts'

type Line = Record<string, unknown>
const parsed = (logs: string[]) => logs.map((line) => JSON.parse(line) as Line)
const requestLines = (logs: string[]) => parsed(logs).filter((line) => line.msg === 'request')

describe('the request log', () => {
  it('logs a request as its method, path, status and time, with the request id it answers', async () => {
    const { app, logs } = createTestApp()
    const res = await app.request('/api/v1/providers/qq.com', {
      headers: { 'x-request-id': 'trace-42' },
    })
    expect(res.headers.get('x-request-id')).toBe('trace-42')
    const [line] = requestLines(logs)
    expect(line).toMatchObject({
      level: 'info',
      reqId: 'trace-42',
      method: 'GET',
      path: '/api/v1/providers/qq.com',
      status: 200,
    })
    expect(typeof line?.ms).toBe('number')
  })

  it('a request id that is not a plain token is replaced by a fresh one', async () => {
    const { app, logs } = createTestApp()
    const res = await app.request('/healthz', { headers: { 'x-request-id': 'a b "c;' } })
    const id = res.headers.get('x-request-id') ?? ''
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(requestLines(logs)[0]?.reqId).toBe(id)
  })

  it('never logs the body, the query string, or the Authorization and Cookie headers', async () => {
    const { app, logs } = createTestApp()
    await postJson(
      app,
      '/api/v1/diagnose',
      { email: 'body-person@example.com', password: 'hunter2' },
      { authorization: 'Bearer header-token', cookie: 'sid=cookie-value' },
    )
    await postJson(app, '/api/v1/diagnose', '{"email":"broken-json-person@example.com",')
    await app.request('/api/v1/lookup?email=query-person%40qq.com&probe=0')
    await app.request('/api/v1/reports/nope', {
      method: 'DELETE',
      headers: { authorization: 'Bearer delete-token-value' },
    })
    const text = logs.join('\n')
    for (const secret of [
      'body-person',
      'hunter2',
      'header-token',
      'cookie-value',
      'broken-json-person',
      'query-person',
      'delete-token-value',
    ]) {
      expect(text).not.toContain(secret)
    }
    expect(requestLines(logs).map((line) => [line.method, line.path])).toEqual([
      ['POST', '/api/v1/diagnose'],
      ['POST', '/api/v1/diagnose'],
      ['GET', '/api/v1/lookup'],
      ['DELETE', '/api/v1/reports/nope'],
    ])
  })
})
