import { describe, expect, it } from 'vitest'
import { webRoutes } from '../../../src/routes/web.ts'

describe('webRoutes', () => {
  it('serves the built widget as JavaScript others may embed', async () => {
    const app = webRoutes({
      publicUrl: 'https://setup.example.net',
      readAsset: async () => 'customElements.define("mail-setup", class {})',
    })
    const res = await app.request('http://setup.test/widget.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(await res.text()).toContain('mail-setup')
  })

  it('says how to build the widget when it is missing', async () => {
    const res = await webRoutes({
      publicUrl: 'https://setup.example.net',
      readAsset: async () => null,
    }).request('/widget.js')
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_BUILT')
  })

  it('shows the embedding code for the public URL on /widget-demo, not the Host asked', async () => {
    const res = await webRoutes({
      publicUrl: 'https://setup.example.net',
      readAsset: async () => null,
    }).request('http://evil.example/widget-demo', { headers: { host: 'evil.example' } })
    const html = await res.text()
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(html).toContain(
      '&#60;script src=&#34;https://setup.example.net/widget.js&#34; defer&#62;',
    )
    expect(html).toContain('<mail-setup lang="en"')
    expect(html).not.toContain('evil.example')
  })
})
