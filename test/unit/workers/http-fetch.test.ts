/**
 * The fetch-based HttpGet (the Workers adapter) with a scripted fetch: the guard judges every
 * hop, redirects are followed by hand and bounded, bodies are bounded, and every fetch holds an
 * outbound slot only while it runs. Runs under Node and inside workerd.
 */
import { describe, expect, it } from 'vitest'
import { createFetchHttpGet } from '../../../src/discovery/http-fetch.ts'
import { SELF_REQUEST_HEADER } from '../../../src/discovery/http.ts'
import type { Resolver } from '../../../src/dns/resolver.ts'
import { ProbeError } from '../../../src/errors/probe-error.ts'
import { createTargetGuard } from '../../../src/security/target-guard.ts'
import { createSlots } from '../../../src/util/slots.ts'

const ADDRESSES: Record<string, string> = {
  'autoconfig.example.org': '93.184.215.14',
  'moved.example.org': '93.184.215.15',
  'inside.example.org': '10.0.0.5',
}
const resolver: Resolver = {
  addresses: async (name) => {
    const address = ADDRESSES[name]
    if (!address) throw new ProbeError('DNS_NXDOMAIN', name)
    return [{ address, family: 4, ttl: 60 }]
  },
  mx: async () => [],
  srv: async () => [],
}
const guard = createTargetGuard({ resolver, allow: [], ports: [993] })

type Route = (request: Request) => Response
const scripted = (routes: Record<string, Route>) => {
  const seen: Request[] = []
  const fetchFn = (async (input: URL | Request | string, init?: RequestInit) => {
    const request = new Request(input, init)
    seen.push(request)
    const route = routes[request.url]
    return route ? route(request) : new Response('no such page', { status: 404 })
  }) as typeof fetch
  return { fetchFn, seen }
}

const get = (fetchFn: typeof fetch, url: string, maxBytes = 1_000) => {
  const outbound = createSlots(1)
  const httpGet = createFetchHttpGet({ guard, fetch: fetchFn, outbound, timeoutMs: 1_000 })
  const result = httpGet(new URL(url), {
    signal: new AbortController().signal,
    maxBytes,
    accept: 'application/xml',
  })
  return { result, outbound }
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (err: { code?: string }) => err.code ?? String(err),
  )

describe('createFetchHttpGet', () => {
  it('fetches through the guard with the discovery headers, and frees its slot', async () => {
    const { fetchFn, seen } = scripted({
      'https://autoconfig.example.org/mail/config-v1.1.xml': () =>
        new Response('<clientConfig/>', { headers: { 'content-type': 'text/xml' } }),
    })
    const { result, outbound } = get(fetchFn, 'https://autoconfig.example.org/mail/config-v1.1.xml')
    expect(await result).toEqual({
      status: 200,
      url: 'https://autoconfig.example.org/mail/config-v1.1.xml',
      contentType: 'text/xml',
      body: '<clientConfig/>',
    })
    expect(seen[0]?.headers.get('accept')).toBe('application/xml')
    expect(seen[0]?.headers.get(SELF_REQUEST_HEADER)).toBe('1')
    expect(seen[0]?.redirect).toBe('manual')
    expect(outbound.inUse()).toBe(0)
  })

  it('follows a redirect by hand, and the guard refuses a hop to a name that points inside', async () => {
    const { fetchFn, seen } = scripted({
      'https://autoconfig.example.org/a': () =>
        new Response(null, { status: 302, headers: { location: 'https://moved.example.org/b' } }),
      'https://moved.example.org/b': () => new Response('moved here'),
      'https://autoconfig.example.org/inside': () =>
        new Response(null, { status: 301, headers: { location: 'https://inside.example.org/' } }),
    })
    expect((await get(fetchFn, 'https://autoconfig.example.org/a').result).body).toBe('moved here')
    expect(await codeOf(get(fetchFn, 'https://autoconfig.example.org/inside').result)).toBe(
      'FETCH_BLOCKED',
    )
    expect(seen.map((r) => r.url)).not.toContain('https://inside.example.org/')
  })

  it('refuses a non-web port, stops after three redirects, and bounds the body', async () => {
    const loop: Route = () =>
      new Response(null, {
        status: 302,
        headers: { location: 'https://autoconfig.example.org/loop' },
      })
    const { fetchFn } = scripted({
      'https://autoconfig.example.org/loop': loop,
      'https://autoconfig.example.org/big': () => new Response('x'.repeat(2_000)),
      'https://autoconfig.example.org/declared': () =>
        new Response('small', { headers: { 'content-length': '5000' } }),
    })
    expect(await codeOf(get(fetchFn, 'https://autoconfig.example.org:8080/').result)).toBe(
      'FETCH_BLOCKED',
    )
    expect(await codeOf(get(fetchFn, 'https://autoconfig.example.org/loop').result)).toBe(
      'FETCH_REDIRECT_LIMIT',
    )
    expect(await codeOf(get(fetchFn, 'https://autoconfig.example.org/big').result)).toBe(
      'FETCH_TOO_LARGE',
    )
    expect(await codeOf(get(fetchFn, 'https://autoconfig.example.org/declared').result)).toBe(
      'FETCH_TOO_LARGE',
    )
  })

  it('a status outside 2xx comes back without its body; a failing fetch is FETCH_FAILED', async () => {
    const { fetchFn } = scripted({
      'https://autoconfig.example.org/broken': () => {
        throw new TypeError('network down')
      },
    })
    const missing = await get(fetchFn, 'https://autoconfig.example.org/nothing').result
    expect(missing).toMatchObject({ status: 404, body: '' })
    expect(await codeOf(get(fetchFn, 'https://autoconfig.example.org/broken').result)).toBe(
      'FETCH_FAILED',
    )
  })
})
