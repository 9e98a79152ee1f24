/**
 * Issue 14: an address whose domain the guard refuses is a 4xx naming the field on every route
 * that takes an address, never a 500; an MX that names an internal or invalid host is a source
 * result with a code. No DNS: the resolver is a stub, and nothing may connect anywhere.
 */
import { describe, expect, it } from 'vitest'
import type { Resolver } from '../../../src/dns/resolver.ts'
import { ProbeError } from '../../../src/errors/probe-error.ts'
import { createTestApp, postJson } from '../../fake/test-app.ts'
import { HOSTILE_ADDRESSES } from '../../support/hostile-addresses.ts'
import { outlookRequest } from '../formats/fixture.ts'

const { app, logs } = createTestApp()
const q = encodeURIComponent

/** Every route that takes an address, with the field its 400 names. */
const routes: {
  name: string
  field: string
  call: (email: string) => Response | Promise<Response>
}[] = [
  { name: 'lookup', field: 'email', call: (e) => app.request(`/api/v1/lookup?email=${q(e)}`) },
  {
    name: 'diagnose',
    field: 'email',
    call: (e) => postJson(app, '/api/v1/diagnose', { email: e, probe: false }),
  },
  {
    name: 'diagnose (SSE)',
    field: 'email',
    call: (e) => postJson(app, '/api/v1/diagnose', { email: e }, { accept: 'text/event-stream' }),
  },
  {
    name: 'autoconfig',
    field: 'emailaddress',
    call: (e) => app.request(`/mail/config-v1.1.xml?emailaddress=${q(e)}`),
  },
  {
    name: 'well-known autoconfig',
    field: 'emailaddress',
    call: (e) => app.request(`/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=${q(e)}`),
  },
  {
    name: 'mobileconfig',
    field: 'emailaddress',
    call: (e) => app.request(`/mobileconfig?emailaddress=${q(e)}`),
  },
  {
    name: 'guides',
    field: 'email',
    call: (e) => app.request(`/api/v1/guides/thunderbird?email=${q(e)}`),
  },
]

describe('addresses whose domain the guard refuses', () => {
  for (const route of routes) {
    it.each(HOSTILE_ADDRESSES)(
      `${route.name}: %s is a 400 naming ${route.field}`,
      async (email) => {
        const res = await route.call(email)
        expect(res.status).toBe(400)
        expect(await res.json()).toMatchObject({
          error: { code: 'INVALID_INPUT', field: route.field },
        })
      },
    )
  }

  it.each(HOSTILE_ADDRESSES)('Autodiscover POST: %s is a 400 error document', async (email) => {
    const res = await app.request('/autodiscover/autodiscover.xml', {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: outlookRequest(email),
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('<ErrorCode>600</ErrorCode>')
  })

  it('never logged an unhandled error', () => {
    expect(logs.filter((line) => line.includes('unhandled error'))).toEqual([])
  })
})

/** A domain whose MX names `exchange`; every other query answers nothing. */
const mxResolver = (exchange: string): Resolver => ({
  addresses: async (name) => {
    throw new ProbeError('DNS_NXDOMAIN', name)
  },
  mx: async () => [{ exchange, priority: 10 }],
  srv: async () => [],
})

describe('a valid address whose MX the guard refuses', () => {
  it.each(['mx.corp.internal', 'mx.xn--zz.com', 'mx.foo.localhost'])(
    'MX %s: a source result with a code, on lookup, diagnose and the client endpoints',
    async (exchange) => {
      const { app: mx, logs: mxLogs } = createTestApp({ resolver: mxResolver(exchange) })
      const lookup = await mx.request('/api/v1/lookup?email=ann@split-horizon.example')
      expect(lookup.status).toBe(200)
      const report = (await lookup.json()) as {
        sources: { type: string; name: string; status: string; code?: string }[]
      }
      const viaMx = report.sources.filter((s) => s.type === 'mx')
      expect(viaMx.length).toBeGreaterThan(0)
      expect(viaMx).toContainEqual(
        expect.objectContaining({ name: exchange, status: 'error', code: 'TARGET_BLOCKED' }),
      )

      const diagnose = await postJson(mx, '/api/v1/diagnose', {
        email: 'ann@split-horizon.example',
        probe: false,
      })
      expect(diagnose.status).toBe(200)
      for (const path of [
        '/mail/config-v1.1.xml?emailaddress=ann@split-horizon.example',
        '/mobileconfig?emailaddress=ann@split-horizon.example',
        '/api/v1/guides/thunderbird?email=ann@split-horizon.example',
      ]) {
        const res = await mx.request(path)
        expect(res.status, path).toBeLessThan(500)
      }
      expect(mxLogs.filter((line) => line.includes('unhandled error'))).toEqual([])
    },
  )
})
