/**
 * The kept answers' hand-checked query (src/routes/known-plain-query.ts) against the routes'
 * own reading of it: on two real HTTP servers over one app, one with the Node fast path in
 * front (as src/node.ts wires it) and one with the app alone, every request line below gets
 * the same status, bytes and headers from both; the fast path answers the plain ones and leaves
 * every other one to the app. A property test checks that whatever the hand reader accepts,
 * the routes' zod schema reads the same way.
 */
import { request } from 'node:http'
import fc from 'fast-check'
import { getQueryParam } from 'hono/utils/url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseAddress } from '../../../src/formats/email-address.ts'
import { LookupQuery } from '../../../src/openapi/requests.ts'
import { plainAutoconfig, plainLookup } from '../../../src/routes/known-plain-query.ts'
import { HOSTILE_ADDRESSES } from '../../support/hostile-addresses.ts'
import { knownNodeServers } from '../../fake/known-node-servers.ts'

interface Got {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/** A raw request line (no URL normalisation, unlike fetch). */
const get = (port: number, path: string, headers: Record<string, string> = {}) =>
  new Promise<Got>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
    })
    req.on('error', reject)
    req.end()
  })

/** What may differ between two answers to one request. */
const PER_RESPONSE = ['date', 'x-request-id', 'connection', 'keep-alive', 'transfer-encoding']
const comparable = (got: Got) => ({
  status: got.status,
  body: got.body.toString('latin1'),
  headers: Object.fromEntries(
    Object.entries(got.headers).filter(([name]) => !PER_RESPONSE.includes(name)),
  ),
})

let servers: Awaited<ReturnType<typeof knownNodeServers>>
let fastPort = 0
let appPort = 0
let fast: string[] = []

beforeAll(async () => {
  servers = await knownNodeServers()
  ;({ fastPort, appPort, fast } = servers)
})
afterAll(() => servers.close())

const LOOKUP = '/api/v1/lookup'
const XML = '/mail/config-v1.1.xml'
const WELL_KNOWN_XML = '/.well-known/autoconfig/mail/config-v1.1.xml'

/** Plain queries: the fast path answers them once the app has kept the domain's answer. */
const PLAIN = [
  `${LOOKUP}?email=ann@qq.com&probe=0`,
  `${LOOKUP}?email=ann%40qq.com`,
  `${LOOKUP}?probe=false&email=Ann.Lee@qq.com&lang=zh-CN`,
  `${LOOKUP}?email=a%2Btag@qq.com&lang=en&region=cn`,
  `${LOOKUP}?email=o'brien@exmail.qq.com&region=intl`,
  `${LOOKUP}?email=a%26b%3Dc@qq.com`,
  `${LOOKUP}?email=x~y!z@bol.com.br`,
  `${LOOKUP}?email=ann@%71q.com`,
  `${XML}?emailaddress=ann@qq.com`,
  `${XML}?emailaddress=o'brien%2Btag%40gmail.com`,
  `${WELL_KNOWN_XML}?emailaddress=Mixed.Case@qq.com`,
]

/** Anything unusual: the app answers (200, 400 or else) and the fast path leaves it alone. */
const UNUSUAL = [
  `${LOOKUP}?email=a+b@qq.com`,
  `${LOOKUP}?email=ann@QQ.com`,
  `${LOOKUP}?email=ann@qq.com.`,
  `${LOOKUP}?email=.ann@qq.com`,
  `${LOOKUP}?email=an..n@qq.com`,
  `${LOOKUP}?email=ann.@qq.com`,
  `${LOOKUP}?email=%22a%22@qq.com`,
  `${LOOKUP}?email=a%00b@qq.com`,
  `${LOOKUP}?email=a%0d%0aX-Injected:%201@qq.com`,
  `${LOOKUP}?email=a%20@qq.com`,
  `${LOOKUP}?email=%20ann@qq.com`,
  `${LOOKUP}?email=ann@qq.com&email=bob@qq.com`,
  `${LOOKUP}?email=ann@qq.com&lang=fr`,
  `${LOOKUP}?email=ann@qq.com&lang=zh-cn`,
  `${LOOKUP}?email=ann@qq.com&region=xx`,
  `${LOOKUP}?email=ann@qq.com&probe=2`,
  `${LOOKUP}?email=ann@qq.com&probe`,
  `${LOOKUP}?email=ann@qq.com&`,
  `${LOOKUP}?email=ann@qq.com&foo=bar`,
  `${LOOKUP}?email=%E7%94%A8%E6%88%B7@qq.com`,
  `${LOOKUP}?email=ann%40qq.com%00`,
  `${LOOKUP}?email=%ZZ@qq.com`,
  `${LOOKUP}?email=%E7@qq.com`,
  `${LOOKUP}?email=`,
  LOOKUP,
  `${LOOKUP}?`,
  `${LOOKUP}?%65mail=ann@qq.com`,
  `${LOOKUP}?email=a@b@qq.com`,
  `${LOOKUP}?email=${'a'.repeat(65)}@qq.com`,
  `${LOOKUP}?email=${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}.qq.com`,
  `${LOOKUP}?email=ann@xn--zz.com`,
  `${LOOKUP}?email=ann@mail.qq.com`,
  `${LOOKUP}?email=ann@unknown-domain.example`,
  `${LOOKUP}/?email=ann@qq.com`,
  `/api/v1/%6Cookup?email=ann@qq.com`,
  `//api/v1/lookup?email=ann@qq.com`,
  `${LOOKUP}?email=ann@qq.com&probe=0#frag`,
  ...HOSTILE_ADDRESSES.map((address) => `${LOOKUP}?email=${encodeURIComponent(address)}`),
  ...HOSTILE_ADDRESSES.map((address) => `${XML}?emailaddress=${encodeURIComponent(address)}`),
  `${XML}?emailaddress=ann@qq.com&extra=1`,
  `${XML}?emailaddress=%22quoted%20part%22@qq.com`,
  `${XML}?emailaddress=a+b@qq.com`,
  `${XML}?emailaddress=`,
  XML,
  `${XML}?emailAddress=ann@qq.com`,
]

describe('the plain path before the app (Node)', () => {
  it('answers a plain query with the app’s status, bytes and headers', async () => {
    for (const path of PLAIN) {
      const languages: Record<string, string>[] = [{}, { 'accept-language': 'zh-CN,zh;q=0.9' }]
      for (const headers of languages) {
        await get(appPort, path, headers) // the first for each answer builds and keeps it
        fast.length = 0
        const ours = await get(fastPort, path, headers)
        expect(fast, path).toEqual([path])
        const theirs = await get(appPort, path, headers)
        expect(comparable(ours), path).toEqual(comparable(theirs))
        expect(ours.status).toBe(200)
        const etag = { ...headers, 'if-none-match': String(ours.headers.etag) }
        const cached = await get(fastPort, path, etag)
        expect(comparable(cached)).toEqual(comparable(await get(appPort, path, etag)))
        expect(cached.status).toBe(304)
      }
    }
  })

  it('leaves anything unusual to the app, which answers it as it would alone', async () => {
    // The domains' answers are kept: only the query's spelling keeps the fast path away.
    for (const path of [...PLAIN, ...UNUSUAL]) await get(appPort, path)
    const statuses = new Set<number>()
    for (const path of UNUSUAL) {
      fast.length = 0
      const ours = await get(fastPort, path)
      expect(fast, path).toEqual([])
      expect(comparable(ours), path).toEqual(comparable(await get(appPort, path)))
      statuses.add(ours.status)
    }
    // Both kinds are in the list: ones the routes answer in full, ones they refuse.
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 400]))
  })

  it('sends the same X-Request-Id rule as the app: the caller’s when sane, else a new one', async () => {
    const path = PLAIN[0]!
    await get(appPort, path)
    for (const id of ['abc-1', 'x'.repeat(65), 'a/b', 'a,b']) {
      const ours = await get(fastPort, path, { 'x-request-id': id })
      const theirs = await get(appPort, path, { 'x-request-id': id })
      expect(ours.headers['x-request-id'] === id).toBe(theirs.headers['x-request-id'] === id)
      expect(ours.headers['x-request-id']).toMatch(/^[A-Za-z0-9._-]{1,64}$/)
    }
  })
})

/** Query characters, the delimiters and escapes included, and the address's own. */
const QUERY_CHARS = [...'aZ09.@-_~+%&=!$\'*^`{|}"() #/?:;,\\<>'].concat(['%40', '%2B', '%20'])
/** A local part as a query spells it: mostly plain characters, some of anything else. */
const localPart = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...'aZ09.-_') },
      { weight: 1, arbitrary: fc.constantFrom(...QUERY_CHARS) },
    ),
    { maxLength: 12 },
  )
  .map((chars) => chars.join(''))

describe('the hand reader agrees with the routes’ schema', () => {
  it('reads a lookup query it accepts as LookupQuery and parseAddress do', () => {
    const value = localPart
    const query = fc
      .tuple(value, fc.constantFrom('qq.com', 'QQ.com', 'qq.com.', 'b.c', ''))
      .chain(([local, domain]) =>
        fc
          .subarray(['lang=zh-CN', 'lang=en', 'region=cn', 'probe=0', 'probe=1', 'probe=false'])
          .map((extra) => [`email=${local}@${domain}`, ...extra].join('&')),
      )
    let accepted = 0
    fc.assert(
      fc.property(query, (q) => {
        const plain = plainLookup(q)
        if (!plain) return
        accepted++
        const full = LookupQuery.safeParse(getQueryParam(`http://localhost/?${q}`))
        expect(full.success, q).toBe(true)
        if (!full.success) return
        expect(full.data.probe).toBe(false)
        expect(full.data.lang).toBe(plain.lang)
        expect(full.data.region).toBe(plain.region)
        expect(parseAddress(full.data.email)).toMatchObject(plain.address)
      }),
      { numRuns: 3_000, seed: 15 },
    )
    // Not a property that holds for want of cases: many queries are plain.
    expect(accepted).toBeGreaterThan(100)
  })

  it('reads an autoconfig query it accepts as the route does', () => {
    const local = localPart
    let accepted = 0
    fc.assert(
      fc.property(local, (l) => {
        const q = `emailaddress=${l}@qq.com`
        const plain = plainAutoconfig(q)
        if (!plain) return
        accepted++
        const email = getQueryParam(`http://localhost/?${q}`, 'emailaddress')
        expect(parseAddress(String(email))).toMatchObject(plain)
      }),
      { numRuns: 3_000, seed: 15 },
    )
    expect(accepted).toBeGreaterThan(100)
  })
})
