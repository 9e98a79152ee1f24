/**
 * MAILSETUP_PUBLIC_URL through the whole app: the absolute URLs it builds and the CORS
 * own-origin check follow the configured origin, never a Host header a client sends.
 */
import { describe, expect, it } from 'vitest'
import { createTestApp } from '../../fake/test-app.ts'

const PUBLIC = 'https://setup.example.com'
const { app } = createTestApp({ publicUrl: PUBLIC })
const evil = { host: 'evil.example' }

describe('MAILSETUP_PUBLIC_URL', () => {
  it('builds the autodiscover.json redirect from it, with Host: evil.example', async () => {
    const res = await app.request(
      'http://evil.example/autodiscover/autodiscover.json?Email=ann@qq.com&Protocol=AutodiscoverV1',
      { headers: evil },
    )
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      Protocol: 'AutodiscoverV1',
      Url: `${PUBLIC}/autodiscover/autodiscover.xml`,
    })
  })

  it('names it as the only server of the OpenAPI document', async () => {
    const res = await app.request('http://evil.example/openapi.json', { headers: evil })
    const doc = (await res.json()) as { servers: { url: string }[] }
    expect(doc.servers).toEqual([{ url: PUBLIC }])
  })

  it('treats only its origin as the own origin: Host: evil.example with Origin to match is refused', async () => {
    const own = await app.request(`${PUBLIC}/api/v1/providers/qq.com`, {
      headers: { origin: PUBLIC },
    })
    expect(own.status).toBe(200)
    const rebound = await app.request('http://evil.example/api/v1/providers/qq.com', {
      headers: { ...evil, origin: 'http://evil.example' },
    })
    expect(rebound.status).toBe(403)
    expect(await rebound.json()).toMatchObject({ error: { code: 'ORIGIN_NOT_ALLOWED' } })
  })
})
