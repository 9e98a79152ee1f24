/**
 * POST /api/v1/diagnose in-process: validation naming the field, the socket budget, and a report
 * without probes from the provider database.
 */
import { describe, expect, it } from 'vitest'
import { DiagnosisSchema } from '../../src/openapi/schemas.ts'
import { createTestApp, postJson } from '../fake/test-app.ts'

describe('POST /api/v1/diagnose', () => {
  const { app } = createTestApp()

  it.each([
    ['no email', {}, 'email'],
    ['a bad email', { email: 'not-an-address' }, 'email'],
    ['an unknown language', { email: 'a@qq.com', lang: 'fr' }, 'lang'],
    ['a bad devices answer', { email: 'a@qq.com', needs: { devices: 'many' } }, 'needs.devices'],
    ['an unknown need', { email: 'a@qq.com', needs: { fast: true } }, 'needs'],
    ['probe as a string', { email: 'a@qq.com', probe: 'yes' }, 'probe'],
    ['an unknown field', { email: 'a@qq.com', password: 'secret' }, 'body'],
  ])('%s is a 400 naming %s', async (_name, body, field) => {
    const res = await postJson(app, '/api/v1/diagnose', body)
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_INPUT', field } })
  })

  it('without probes, answers from the database in the language asked for, shaped by the needs', async () => {
    const res = await postJson(app, '/api/v1/diagnose', {
      email: 'ann@qq.com',
      lang: 'zh-CN',
      probe: false,
      needs: { devices: 'one', offline: true },
    })
    expect(res.status).toBe(200)
    const report = DiagnosisSchema.parse(await res.json())
    expect(report.provider).toMatchObject({
      id: 'qq',
      name: 'QQ邮箱',
      credential: 'authorization-code',
    })
    expect(report.probes).toEqual([])
    expect(report.protocol).toBe('pop3')
    expect(report.recommended.incoming).toMatchObject({
      host: 'pop.qq.com',
      port: 995,
      verified: false,
    })
    expect(report.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['POP3_OFFLINE', 'NOT_VERIFIED']),
    )
    expect(report.credential.text).toContain('授权码')
  })

  it('past the socket budget, a probing diagnosis is a 429 with Retry-After, and one without probes still runs', async () => {
    const { app: small } = createTestApp({ maxSockets: 10 })
    const busy = await postJson(small, '/api/v1/diagnose', { email: 'ann@qq.com' })
    expect(busy.status).toBe(429)
    expect(busy.headers.get('retry-after')).toBe('2')
    expect(await busy.json()).toMatchObject({ error: { code: 'BUSY' } })
    const fast = await postJson(small, '/api/v1/diagnose', { email: 'ann@qq.com', probe: false })
    expect(fast.status).toBe(200)
  })
})
