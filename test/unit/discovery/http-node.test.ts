/**
 * The Node HttpGet behind the target guard, with msw answering in-process (no network):
 * ports and schemes, private targets and redirects into them, the deadline, the size limit,
 * and the pinned lookup. A spy on net.Socket#connect shows that no real socket ever connects.
 */
import http from 'node:http'
import { HttpResponse as MswResponse, delay, http as mswHttp, passthrough } from 'msw'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DiscoveryError } from '../../../src/discovery/discovery-error.ts'
import { SELF_REQUEST_HEADER, checkFetchUrl } from '../../../src/discovery/http.ts'
import { createNodeHttpGet, pinnedLookup } from '../../../src/discovery/http-node.ts'
import { parseCidrList } from '../../../src/security/address-policy.ts'
import { PUBLIC_A, PUBLIC_B, mapGuard } from '../../fake/discovery-deps.ts'
import { useOfflineMsw } from '../../fake/offline-msw.ts'

const { server, seen, connectSpy } = useOfflineMsw()

const guard = mapGuard({
  'autoconfig.example.com': PUBLIC_A,
  'moved.example.net': PUBLIC_B,
  'inside.example.com': '10.0.0.8',
})
const options = () => ({
  signal: new AbortController().signal,
  maxBytes: 1024,
  accept: 'application/xml',
})

/** Resolves to the DiscoveryError a promise rejects with (fails the test if it resolves). */
const failure = async (promise: Promise<unknown>): Promise<DiscoveryError> => {
  const err: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(DiscoveryError)
  return err as DiscoveryError
}

describe('createNodeHttpGet', () => {
  const httpGet = createNodeHttpGet({ guard, timeoutMs: 300 })

  it('fetches through msw with the pinned request and reports status, type and body', async () => {
    server.use(
      mswHttp.get('https://autoconfig.example.com/mail/config-v1.1.xml', ({ request }) =>
        MswResponse.text('<ok/>', {
          headers: {
            'content-type': 'text/xml; charset=utf-8',
            'x-accept': request.headers.get('accept') ?? '',
          },
        }),
      ),
    )
    const res = await httpGet(
      new URL('https://autoconfig.example.com/mail/config-v1.1.xml'),
      options(),
    )
    expect(res).toEqual({
      status: 200,
      url: 'https://autoconfig.example.com/mail/config-v1.1.xml',
      contentType: 'text/xml; charset=utf-8',
      body: '<ok/>',
    })
    expect(seen).toEqual(['https://autoconfig.example.com/mail/config-v1.1.xml'])
  })

  it('marks every request as this service’s own, so its autoconfig route answers at once', async () => {
    let marker: string | null = null
    server.use(
      mswHttp.get('https://autoconfig.example.com/mail/config-v1.1.xml', ({ request }) => {
        marker = request.headers.get(SELF_REQUEST_HEADER)
        return MswResponse.text('<ok/>', { headers: { 'content-type': 'text/xml' } })
      }),
    )
    await httpGet(new URL('https://autoconfig.example.com/mail/config-v1.1.xml'), options())
    expect(marker).toBe('1')
  })

  it('refuses other schemes and ports before any request', async () => {
    for (const href of [
      'ftp://autoconfig.example.com/x',
      'http://autoconfig.example.com:8080/',
      'https://autoconfig.example.com:25/',
      'http://u:p@autoconfig.example.com/',
    ]) {
      expect((await failure(httpGet(new URL(href), options()))).code).toBe('FETCH_BLOCKED')
    }
    expect(seen).toEqual([])
  })

  it('refuses a host that resolves inside, with the guard reason', async () => {
    const err = await failure(httpGet(new URL('http://inside.example.com/'), options()))
    expect(err.code).toBe('FETCH_BLOCKED')
    expect(err.detail).toContain('10.0.0.8')
    expect(seen).toEqual([])
  })

  it('reports an unknown name as FETCH_FAILED with the DNS code', async () => {
    const err = await failure(httpGet(new URL('https://nowhere.example.org/'), options()))
    expect(err.code).toBe('FETCH_FAILED')
    expect(err.detail).toContain('DNS_NXDOMAIN')
  })

  it('refuses a redirect to a private address without requesting it', async () => {
    server.use(
      mswHttp.get(
        'https://autoconfig.example.com/x',
        () =>
          new MswResponse(null, {
            status: 302,
            headers: { location: 'http://169.254.169.254/latest/meta-data/' },
          }),
      ),
      mswHttp.get('http://169.254.169.254/*', () => MswResponse.text('secret')),
    )
    const err = await failure(httpGet(new URL('https://autoconfig.example.com/x'), options()))
    expect(err.code).toBe('FETCH_BLOCKED')
    expect(seen).toEqual(['https://autoconfig.example.com/x'])
  })

  it('follows a redirect to a public host, relative or absolute', async () => {
    server.use(
      mswHttp.get(
        'https://autoconfig.example.com/a',
        () => new MswResponse(null, { status: 301, headers: { location: '/b' } }),
      ),
      mswHttp.get(
        'https://autoconfig.example.com/b',
        () =>
          new MswResponse(null, {
            status: 307,
            headers: { location: 'https://moved.example.net/c' },
          }),
      ),
      mswHttp.get('https://moved.example.net/c', () => MswResponse.xml('<done/>')),
    )
    const res = await httpGet(new URL('https://autoconfig.example.com/a'), options())
    expect(res.url).toBe('https://moved.example.net/c')
    expect(res.body).toBe('<done/>')
    expect(seen).toHaveLength(3)
  })

  it('stops after three redirects', async () => {
    server.use(
      mswHttp.get(
        'https://autoconfig.example.com/loop/:n',
        ({ params }) =>
          new MswResponse(null, {
            status: 302,
            headers: { location: `/loop/${Number(params.n) + 1}` },
          }),
      ),
    )
    const err = await failure(httpGet(new URL('https://autoconfig.example.com/loop/0'), options()))
    expect(err.code).toBe('FETCH_REDIRECT_LIMIT')
    expect(seen).toHaveLength(4)
  })

  it('gives FETCH_TIMEOUT when the server stalls', async () => {
    server.use(
      mswHttp.get('https://autoconfig.example.com/slow', async () => {
        await delay(5_000)
        return MswResponse.xml('<late/>')
      }),
    )
    const err = await failure(httpGet(new URL('https://autoconfig.example.com/slow'), options()))
    expect(err.code).toBe('FETCH_TIMEOUT')
  })

  it('gives FETCH_TIMEOUT when the caller aborts', async () => {
    server.use(
      mswHttp.get('https://autoconfig.example.com/slow', async () => {
        await delay(5_000)
        return MswResponse.xml('<late/>')
      }),
    )
    const controller = new AbortController()
    const pending = httpGet(new URL('https://autoconfig.example.com/slow'), {
      ...options(),
      signal: controller.signal,
    })
    setTimeout(() => controller.abort(), 20)
    expect((await failure(pending)).code).toBe('FETCH_TIMEOUT')
  })

  it('returns an error status without reading the body', async () => {
    server.use(
      mswHttp.get('https://autoconfig.example.com/missing', () =>
        MswResponse.text('x'.repeat(5000), { status: 404 }),
      ),
    )
    const res = await httpGet(new URL('https://autoconfig.example.com/missing'), options())
    expect(res).toMatchObject({ status: 404, body: '' })
  })
})

describe('the size limit', () => {
  const httpGet = createNodeHttpGet({ guard, timeoutMs: 2_000 })
  const CHUNK = 64 * 1024
  const TOTAL = 2 * 1024 * 1024

  /** A 2 MB body produced on demand, one chunk per pull, so the test sees how much was read. */
  const bigBody = (counter: { pulled: number }) =>
    new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setImmediate(resolve))
        counter.pulled++
        if (counter.pulled * CHUNK > TOTAL) controller.close()
        else controller.enqueue(new Uint8Array(CHUNK).fill(0x61))
      },
    })

  it('stops a streamed body as soon as it passes maxBytes', async () => {
    const counter = { pulled: 0 }
    server.use(
      mswHttp.get(
        'https://autoconfig.example.com/big',
        () => new MswResponse(bigBody(counter), { headers: { 'content-type': 'text/xml' } }),
      ),
    )
    const err = await failure(
      httpGet(new URL('https://autoconfig.example.com/big'), {
        ...options(),
        maxBytes: 256 * 1024,
      }),
    )
    expect(err.code).toBe('FETCH_TOO_LARGE')
    expect(counter.pulled * CHUNK).toBeLessThan(TOTAL)
  })

  it('refuses a declared Content-Length over the limit before the body', async () => {
    const counter = { pulled: 0 }
    server.use(
      mswHttp.get(
        'https://autoconfig.example.com/big',
        () =>
          new MswResponse(bigBody(counter), {
            headers: { 'content-type': 'text/xml', 'content-length': String(TOTAL) },
          }),
      ),
    )
    const err = await failure(
      httpGet(new URL('https://autoconfig.example.com/big'), {
        ...options(),
        maxBytes: 256 * 1024,
      }),
    )
    expect(err.code).toBe('FETCH_TOO_LARGE')
    expect(err.detail).toContain('Content-Length')
    expect(counter.pulled * CHUNK).toBeLessThan(TOTAL)
  })
})

describe('checkFetchUrl', () => {
  it('allows http(s) on 80 and 443 only', () => {
    for (const ok of [
      'http://a.example/',
      'https://a.example/',
      'http://a.example:443/',
      'https://a.example:80/',
    ]) {
      expect(() => checkFetchUrl(new URL(ok))).not.toThrow()
    }
    for (const bad of [
      'file:///etc/passwd',
      'gopher://a.example/',
      'https://a.example:8443/',
      'data:text/xml,<a/>',
    ]) {
      expect(() => checkFetchUrl(new URL(bad))).toThrow(DiscoveryError)
    }
  })
})

describe('pinnedLookup', () => {
  const lookup = pinnedLookup({ host: 'autoconfig.example.com', address: PUBLIC_A, family: 4 })

  it('answers with the pinned address in both callback forms', async () => {
    const one = await new Promise((resolve) =>
      lookup('autoconfig.example.com', {}, (...args) => resolve(args)),
    )
    expect(one).toEqual([null, PUBLIC_A, 4])
    const all = await new Promise((resolve) =>
      lookup('autoconfig.example.com', { all: true }, (...args) => resolve(args)),
    )
    expect(all).toEqual([null, [{ address: PUBLIC_A, family: 4 }]])
  })

  it('refuses any other name', async () => {
    const [err] = await new Promise<unknown[]>((resolve) =>
      lookup('evil.example.com', {}, (...args) => resolve(args)),
    )
    expect(err).toMatchObject({ code: 'ENOTFOUND' })
  })
})

describe('the pinned address on a real socket (msw passthrough)', () => {
  // A name that exists in no DNS (.invalid, RFC 6761): reaching the local server proves the
  // connection used the guard's address through `lookup`, not a fresh lookup of the name.
  const pinned = createNodeHttpGet({
    guard: mapGuard({ 'pinned.mailsetup.invalid': '127.0.0.1' }, parseCidrList('127.0.0.0/8')),
    timeoutMs: 2_000,
  })
  let local: http.Server | null = null

  beforeAll(async () => {
    const candidate = http.createServer((req, res) =>
      res.writeHead(200, { 'content-type': 'text/xml' }).end(`<host>${req.headers.host}</host>`),
    )
    local = await new Promise((resolve) => {
      candidate.once('error', () => resolve(null)) // port 80 needs privileges; the test is skipped then
      candidate.listen(80, '127.0.0.1', () => resolve(candidate))
    })
  })
  afterAll(() => local?.close())

  it('connects to the pinned address and sends the real Host header', async (ctx) => {
    if (!local) return ctx.skip()
    server.use(mswHttp.get('http://pinned.mailsetup.invalid/*', () => passthrough()))
    const res = await pinned(
      new URL('http://pinned.mailsetup.invalid/mail/config-v1.1.xml'),
      options(),
    )
    expect(res.body).toBe('<host>pinned.mailsetup.invalid</host>')
    expect(seen).toEqual(['http://pinned.mailsetup.invalid/mail/config-v1.1.xml'])
    connectSpy.mockClear() // this one test connects for real, on purpose
  })
})
