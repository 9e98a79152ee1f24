/**
 * The autoconfig source end to end over the Node HttpGet, with msw answering in-process:
 * the cases (valid https, http only, wrong type, oversize, XXE, redirect to a private
 * address, a stall) plus a followed redirect. No real socket connects (net.Socket#connect spy).
 */
import { readFileSync } from 'node:fs'
import { HttpResponse, delay, http } from 'msw'
import { describe, expect, it } from 'vitest'
import {
  type AutoconfigAttempt,
  autoconfigUrls,
  fetchAutoconfig,
} from '../../../src/discovery/autoconfig.ts'
import { createNodeHttpGet } from '../../../src/discovery/http-node.ts'
import { PUBLIC_A, PUBLIC_B, mapGuard } from '../../fake/discovery-deps.ts'
import { useOfflineMsw } from '../../fake/offline-msw.ts'
import { SHARED_DATA } from '../../support/shared-data.ts'

const VALID = readFileSync(`${SHARED_DATA}/ispdb/163.com.xml`, 'utf8')
const URLS = {
  autoconfig: 'https://autoconfig.example.com/mail/config-v1.1.xml',
  wellKnown: 'https://example.com/.well-known/autoconfig/mail/config-v1.1.xml',
  httpAutoconfig: 'http://autoconfig.example.com/mail/config-v1.1.xml',
  httpWellKnown: 'http://example.com/.well-known/autoconfig/mail/config-v1.1.xml',
}

const { server, seen } = useOfflineMsw()

const guard = mapGuard({
  'autoconfig.example.com': PUBLIC_A,
  'example.com': PUBLIC_A,
  'config.example.net': PUBLIC_B,
})
const httpGet = createNodeHttpGet({ guard, timeoutMs: 250 })
const run = (onAttempt?: (a: AutoconfigAttempt) => void) =>
  fetchAutoconfig('example.com', 'a@example.com', {
    httpGet,
    signal: new AbortController().signal,
    onAttempt,
  })

const xml =
  (body: string, type = 'application/xml') =>
  () =>
    new HttpResponse(body, { headers: { 'content-type': type } })
const notFound = (...urls: string[]) =>
  urls.map((url) => http.get(url, () => new HttpResponse(null, { status: 404 })))
const codes = (attempts: AutoconfigAttempt[]) => attempts.map((a) => a.code)

describe('fetchAutoconfig', () => {
  it('tries the four URLs in the issue order, with the address encoded', () => {
    expect(autoconfigUrls('Example.COM', 'a+b@example.com').map((u) => u.href)).toEqual([
      `${URLS.autoconfig}?emailaddress=a%2Bb%40example.com`,
      URLS.wellKnown,
      `${URLS.httpAutoconfig}?emailaddress=a%2Bb%40example.com`,
      URLS.httpWellKnown,
    ])
    expect(autoconfigUrls('evil.com/x?', 'a@b.c')).toEqual([])
    expect(autoconfigUrls('localhost', 'a@b.c')).toEqual([])
  })

  it.each(['corp.internal', 'xn--zz.com', '10.0.0.1', 'foo.localhost'])(
    'records %s, a name the guard refuses, as one FETCH_BLOCKED attempt without fetching',
    async (domain) => {
      const found = await fetchAutoconfig(domain, `a@${domain}`, {
        httpGet,
        signal: new AbortController().signal,
      })
      expect(found).toEqual([])
      expect(seen).toEqual([])
      const attempts: AutoconfigAttempt[] = []
      await fetchAutoconfig(domain, `a@${domain}`, {
        httpGet,
        signal: new AbortController().signal,
        onAttempt: (attempt) => attempts.push(attempt),
      })
      expect(attempts).toEqual([
        { url: domain, code: 'FETCH_BLOCKED', detail: expect.stringContaining(domain) },
      ])
    },
  )

  it('takes a valid https document and stops there (trusted)', async () => {
    server.use(http.get(URLS.autoconfig, xml(VALID)))
    const [found, ...rest] = await run()
    expect(rest).toEqual([])
    expect(found?.source).toEqual({
      type: 'autoconfig',
      url: `${URLS.autoconfig}?emailaddress=a%40example.com`,
      trusted: true,
    })
    expect(
      found?.doc.servers.map((s) => `${s.protocol}:${s.host}:${s.port}:${s.security}`),
    ).toEqual(['imap:imap.163.com:993:tls', 'smtp:smtp.163.com:465:tls'])
    expect(codes(found?.attempts ?? [])).toEqual([null])
    expect(seen).toEqual([`${URLS.autoconfig}?emailaddress=a%40example.com`])
  })

  it('falls back to the http form when only it answers, and marks the result untrusted', async () => {
    server.use(
      ...notFound(URLS.autoconfig, URLS.wellKnown),
      http.get(URLS.httpAutoconfig, xml(VALID, 'text/plain')),
    )
    const [found] = await run()
    expect(found?.source.trusted).toBe(false)
    expect(found?.source.url).toMatch(/^http:\/\/autoconfig\.example\.com\//)
    expect(codes(found?.attempts ?? [])).toEqual(['FETCH_STATUS', 'FETCH_STATUS', null])
  })

  it('skips a text/html answer with FETCH_BAD_TYPE and tries the next URL', async () => {
    server.use(
      http.get(URLS.autoconfig, xml(VALID, 'text/html; charset=utf-8')),
      http.get(URLS.wellKnown, xml(VALID, 'text/xml')),
    )
    const [found] = await run()
    expect(found?.source).toEqual({ type: 'autoconfig', url: URLS.wellKnown, trusted: true })
    expect(found?.attempts[0]).toMatchObject({
      code: 'FETCH_BAD_TYPE',
      detail: expect.stringContaining('text/html'),
    })
  })

  it('gives FETCH_TOO_LARGE for a 2 MB body without reading it all', async () => {
    let pulled = 0
    const twoMb = () =>
      new ReadableStream<Uint8Array>({
        async pull(controller) {
          await new Promise((resolve) => setImmediate(resolve))
          if (++pulled > 32) controller.close()
          else controller.enqueue(new Uint8Array(64 * 1024).fill(0x20))
        },
      })
    server.use(
      http.get(
        URLS.autoconfig,
        () => new HttpResponse(twoMb(), { headers: { 'content-type': 'text/xml' } }),
      ),
      ...notFound(URLS.wellKnown, URLS.httpAutoconfig, URLS.httpWellKnown),
    )
    const attempts: AutoconfigAttempt[] = []
    expect(await run((a) => attempts.push(a))).toEqual([])
    expect(codes(attempts)).toEqual([
      'FETCH_TOO_LARGE',
      'FETCH_STATUS',
      'FETCH_STATUS',
      'FETCH_STATUS',
    ])
    expect(pulled).toBeLessThan(32)
  })

  it('refuses an XXE attempt with XML_FORBIDDEN and never fetches the entity', async () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE clientConfig [
  <!ENTITY meta SYSTEM "http://169.254.169.254/latest/meta-data/iam/">
  <!ENTITY leak SYSTEM "https://config.example.net/collect">
]>
<clientConfig><emailProvider id="x"><displayName>&meta;&leak;</displayName>
<incomingServer type="imap"><hostname>imap.example.com</hostname><port>993</port><socketType>SSL</socketType></incomingServer>
</emailProvider></clientConfig>`
    server.use(
      http.get(URLS.autoconfig, xml(xxe)),
      http.get('https://config.example.net/collect', () => HttpResponse.text('entity fetched')),
      ...notFound(URLS.wellKnown, URLS.httpAutoconfig, URLS.httpWellKnown),
    )
    const attempts: AutoconfigAttempt[] = []
    expect(await run((a) => attempts.push(a))).toEqual([])
    expect(attempts[0]?.code).toBe('XML_FORBIDDEN')
    expect(seen.some((url) => url.includes('config.example.net') || url.includes('169.254'))).toBe(
      false,
    )
  })

  it('refuses a redirect to the metadata address with FETCH_BLOCKED and moves on', async () => {
    server.use(
      http.get(
        URLS.autoconfig,
        () =>
          new HttpResponse(null, {
            status: 302,
            headers: { location: 'http://169.254.169.254/latest/meta-data/' },
          }),
      ),
      http.get(URLS.wellKnown, xml(VALID)),
    )
    const [found] = await run()
    expect(codes(found?.attempts ?? [])).toEqual(['FETCH_BLOCKED', null])
    expect(found?.attempts[0]?.detail).toContain('169.254.169.254')
    expect(seen.some((url) => url.includes('169.254'))).toBe(false)
  })

  it('follows a redirect to a public host and reports the final URL', async () => {
    server.use(
      http.get(
        URLS.autoconfig,
        () =>
          new HttpResponse(null, {
            status: 301,
            headers: { location: 'https://config.example.net/v1.1/example.com' },
          }),
      ),
      http.get('https://config.example.net/v1.1/example.com', xml(VALID)),
    )
    const [found] = await run()
    expect(found?.source).toEqual({
      type: 'autoconfig',
      url: 'https://config.example.net/v1.1/example.com',
      trusted: true,
    })
  })

  it('marks a document untrusted when an https URL redirects to http', async () => {
    server.use(
      http.get(
        URLS.autoconfig,
        () =>
          new HttpResponse(null, {
            status: 302,
            headers: { location: 'http://config.example.net/x.xml' },
          }),
      ),
      http.get('http://config.example.net/x.xml', xml(VALID)),
    )
    const [found] = await run()
    expect(found?.source.trusted).toBe(false)
  })

  it('gives FETCH_TIMEOUT for a 5-second stall within the deadline, then tries the rest', async () => {
    server.use(
      http.get(URLS.autoconfig, async () => {
        await delay(5_000)
        return xml(VALID)()
      }),
      ...notFound(URLS.wellKnown, URLS.httpAutoconfig),
      http.get(URLS.httpWellKnown, xml(VALID)),
    )
    const [found] = await run()
    expect(codes(found?.attempts ?? [])).toEqual([
      'FETCH_TIMEOUT',
      'FETCH_STATUS',
      'FETCH_STATUS',
      null,
    ])
  })

  it('reports a host that does not resolve as FETCH_FAILED', async () => {
    const attempts: AutoconfigAttempt[] = []
    const result = await fetchAutoconfig('nowhere.example.org', 'a@nowhere.example.org', {
      httpGet,
      signal: new AbortController().signal,
      onAttempt: (a) => attempts.push(a),
    })
    expect(result).toEqual([])
    expect(codes(attempts)).toEqual([
      'FETCH_FAILED',
      'FETCH_FAILED',
      'FETCH_FAILED',
      'FETCH_FAILED',
    ])
    expect(seen).toEqual([])
  })

  it('stops trying once the caller aborts', async () => {
    server.use(
      http.get(URLS.autoconfig, () =>
        delay(5_000).then(() => new HttpResponse(null, { status: 404 })),
      ),
    )
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 20)
    const attempts: AutoconfigAttempt[] = []
    const result = await fetchAutoconfig('example.com', 'a@example.com', {
      httpGet,
      signal: controller.signal,
      onAttempt: (a) => attempts.push(a),
    })
    expect(result).toEqual([])
    expect(codes(attempts)).toEqual(['FETCH_TIMEOUT'])
  })
})
