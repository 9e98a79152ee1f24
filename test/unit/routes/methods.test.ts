/**
 * Issue 14: an unsupported method is a 405 naming the allowed ones in `Allow` (read from the
 * app's route table, so every route is covered), and a JSON route sent another content type is
 * a 415 with a JSON error, before any body is parsed.
 */
import { describe, expect, it } from 'vitest'
import { isJsonContentType, methodTable } from '../../../src/routes/methods.ts'
import { createTestApp } from '../../fake/test-app.ts'

const { app } = createTestApp({ allow: [] })

describe('405 with Allow', () => {
  it.each([
    ['GET', '/api/v1/probe', 'POST'],
    ['PUT', '/api/v1/diagnose', 'POST'],
    ['POST', '/api/v1/lookup', 'GET, HEAD'],
    ['DELETE', '/api/v1/guides', 'GET, HEAD'],
    ['POST', '/api/v1/guides/thunderbird', 'GET, HEAD'],
    ['PATCH', '/api/v1/providers/qq.com', 'GET, HEAD'],
    ['POST', '/mail/config-v1.1.xml', 'GET, HEAD'],
    ['DELETE', '/.well-known/autoconfig/mail/config-v1.1.xml', 'GET, HEAD'],
    ['PUT', '/autodiscover/autodiscover.xml', 'GET, HEAD, POST'],
    ['POST', '/mobileconfig', 'GET, HEAD'],
    ['POST', '/healthz', 'GET, HEAD'],
    ['POST', '/openapi.json', 'GET, HEAD'],
  ])('%s %s → 405, Allow: %s', async (method, path, allow) => {
    const res = await app.request(path, { method })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe(allow)
    expect(await res.json()).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED' } })
  })

  it('keeps 404 for paths nothing serves', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/nothing'],
      ['POST', '/api/v2/probe'],
      ['GET', '/no-such-page'],
    ] as const) {
      const res = await app.request(path, { method })
      expect(res.status, `${method} ${path}`).toBe(404)
      expect(res.headers.get('allow')).toBeNull()
    }
  })

  it('reads routes added after it was built (a route registered later is covered)', async () => {
    const routes = [{ method: 'GET', path: '/x' }]
    const table = methodTable(() => routes)
    routes.push({ method: 'POST', path: '/items/:id' })
    expect(table.allowed('/items/42')).toEqual(['POST'])
    expect(table.allowed('/x')).toEqual(['GET', 'HEAD'])
  })
})

describe('415 for a JSON route sent another content type', () => {
  it.each([
    ['text/plain', '{"email":"ann@qq.com","probe":false}'],
    ['application/x-www-form-urlencoded', 'email=ann%40qq.com'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\nann@qq.com\r\n--x--',
    ],
    ['application/json; charset=latin1', '{"email":"ann@qq.com","probe":false}'],
    [undefined, '{"email":"ann@qq.com","probe":false}'],
  ])('%s → 415 naming content-type', async (type, body) => {
    for (const path of ['/api/v1/diagnose', '/api/v1/probe']) {
      const res = await app.request(path, {
        method: 'POST',
        headers: type ? { 'content-type': type } : {},
        body,
      })
      expect(res.status, path).toBe(415)
      expect(await res.json()).toMatchObject({
        error: { code: 'UNSUPPORTED_MEDIA_TYPE', field: 'content-type' },
      })
    }
  })

  it('takes application/json with or without a UTF-8 charset', async () => {
    for (const type of ['application/json', 'Application/JSON; charset=UTF-8']) {
      const res = await app.request('/api/v1/diagnose', {
        method: 'POST',
        headers: { 'content-type': type },
        body: JSON.stringify({ email: 'ann@qq.com', probe: false }),
      })
      expect(res.status, type).toBe(200)
    }
  })

  it('recognises JSON media types', () => {
    expect(isJsonContentType('application/json')).toBe(true)
    expect(isJsonContentType('application/problem+json')).toBe(true)
    expect(isJsonContentType('application/json; charset="utf-8"')).toBe(true)
    expect(isJsonContentType('text/json')).toBe(false)
    expect(isJsonContentType('application/jsonp')).toBe(false)
    expect(isJsonContentType(undefined)).toBe(false)
  })
})
