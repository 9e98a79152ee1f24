import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { parseOriginList, widgetCors } from './cors.ts'

const app = new Hono()
app.use('/api/*', widgetCors(['https://help.example.com'], 'https://setup.example.com'))
app.post('/api/v1/diagnose', (c) => c.json({ ok: true }))
app.get('/api/v1/raw', () => new Response('raw'))

const call = (path: string, init: RequestInit = {}) =>
  app.request(`https://setup.example.com${path}`, init)

describe('widgetCors', () => {
  it('lets an allowed origin call the API and read the answer', async () => {
    const res = await call('/api/v1/diagnose', {
      method: 'POST',
      headers: { origin: 'https://help.example.com' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://help.example.com')
    expect(res.headers.get('vary')).toContain('Origin')
  })

  it('answers an allowed preflight with the methods and only the headers it allows', async () => {
    const res = await call('/api/v1/diagnose', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://help.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-evil',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://help.example.com')
    expect(res.headers.get('access-control-allow-methods')).toContain('POST')
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type')
  })

  it('refuses other origins: 403, no CORS headers, preflight included', async () => {
    for (const method of ['OPTIONS', 'POST']) {
      const res = await call('/api/v1/diagnose', {
        method,
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      })
      expect(res.status).toBe(403)
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'ORIGIN_NOT_ALLOWED',
      )
    }
  })

  it('leaves requests without Origin and same-origin requests alone', async () => {
    for (const headers of [{}, { origin: 'https://setup.example.com' }] as Record<
      string,
      string
    >[]) {
      const res = await call('/api/v1/diagnose', { method: 'POST', headers })
      expect(res.status).toBe(200)
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
    }
  })

  it('takes its own origin from the public URL only: a page whose Host matches its Origin is refused', async () => {
    // The DNS-rebinding shape: evil.example resolves to the service, so Host and Origin agree.
    for (const url of ['http://evil.example', 'https://evil.example']) {
      const res = await app.request(`${url}/api/v1/diagnose`, {
        method: 'POST',
        headers: { host: 'evil.example', origin: url },
      })
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ error: { code: 'ORIGIN_NOT_ALLOWED' } })
    }
  })

  it('adds the headers to a Response a handler built itself', async () => {
    const res = await call('/api/v1/raw', { headers: { origin: 'https://help.example.com' } })
    expect(res.headers.get('access-control-allow-origin')).toBe('https://help.example.com')
  })
})

describe('parseOriginList', () => {
  it('normalises origins and refuses paths, wildcards and other schemes', () => {
    expect(parseOriginList(' https://Help.Example.com/ ,http://localhost:3000')).toEqual([
      'https://help.example.com',
      'http://localhost:3000',
    ])
    expect(parseOriginList('')).toEqual([])
    for (const bad of ['*', 'https://a.example/path', 'ftp://a.example', 'help.example.com']) {
      expect(() => parseOriginList(bad)).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ORIGIN' }),
      )
    }
  })
})
