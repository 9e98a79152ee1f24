/**
 * The redirect loop both HttpGet adapters run (Node and Workers), with a scripted single request:
 * every hop checked and pinned through the guard before it is requested, relative Locations
 * resolved, the hop limit, and redirects to targets the guard or the URL check refuses.
 */
import { describe, expect, it } from 'vitest'
import { type Hop, type HopRequest, followRedirects } from '../../../src/discovery/http-hops.ts'
import { PUBLIC_A, PUBLIC_B, mapGuard } from '../../fake/discovery-deps.ts'

const guard = mapGuard({
  'autoconfig.example.com': PUBLIC_A,
  'moved.example.net': PUBLIC_B,
  'inside.example.com': '10.0.0.8',
})

/** A transport answering each URL from a script; a URL it has no answer for is a 404. */
const scripted = (answers: Record<string, (hop: HopRequest) => Hop>) => {
  const asked: HopRequest[] = []
  const requestOnce = async (hop: HopRequest): Promise<Hop> => {
    asked.push(hop)
    const answer = answers[hop.url.href]
    if (answer) return answer(hop)
    return {
      kind: 'response',
      response: { status: 404, url: hop.url.href, contentType: null, body: '' },
    }
  }
  return { asked, requestOnce }
}
const to = (location: string) => (): Hop => ({ kind: 'redirect', location })
const ok = (hop: HopRequest): Hop => ({
  kind: 'response',
  response: { status: 200, url: hop.url.href, contentType: 'text/xml', body: '<ok/>' },
})
const get = (httpGet: ReturnType<typeof followRedirects>, url: string) =>
  httpGet(new URL(url), { signal: new AbortController().signal, maxBytes: 1_000, accept: '*/*' })
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (err: { code?: string }) => err.code ?? String(err),
  )

const START = 'https://autoconfig.example.com/mail/config-v1.1.xml'

describe('followRedirects', () => {
  it('pins every hop through the guard and follows relative and absolute Locations', async () => {
    const { asked, requestOnce } = scripted({
      [START]: to('/moved.xml#part'),
      'https://autoconfig.example.com/moved.xml': to('https://moved.example.net/final.xml'),
      'https://moved.example.net/final.xml': ok,
    })
    const res = await get(followRedirects({ guard }, requestOnce), START)
    expect(res).toMatchObject({ status: 200, url: 'https://moved.example.net/final.xml' })
    expect(asked.map((h) => [h.url.href, h.target.address])).toEqual([
      [START, PUBLIC_A],
      ['https://autoconfig.example.com/moved.xml', PUBLIC_A],
      ['https://moved.example.net/final.xml', PUBLIC_B],
    ])
  })

  it('follows at most maxRedirects redirects, then FETCH_REDIRECT_LIMIT', async () => {
    const loop = scripted({
      [START]: to('https://moved.example.net/a'),
      'https://moved.example.net/a': to(START),
    })
    expect(
      await codeOf(get(followRedirects({ guard, maxRedirects: 2 }, loop.requestOnce), START)),
    ).toBe('FETCH_REDIRECT_LIMIT')
    // The first request and two redirects followed: three requests, no fourth.
    expect(loop.asked).toHaveLength(3)
    const two = scripted({
      [START]: to('https://moved.example.net/a'),
      'https://moved.example.net/a': to('https://moved.example.net/b'),
      'https://moved.example.net/b': ok,
    })
    expect(
      await get(followRedirects({ guard, maxRedirects: 2 }, two.requestOnce), START),
    ).toMatchObject({
      status: 200,
    })
  })

  it.each([
    ['a name that resolves to a private address', 'https://inside.example.com/x'],
    ['an IP literal inside', 'http://127.0.0.1/x'],
    ['a port that is no web port', 'https://moved.example.net:8443/x'],
    ['another scheme', 'file:///etc/passwd'],
    ['credentials in the URL', 'https://user:pw@moved.example.net/x'],
  ])('refuses a redirect to %s with FETCH_BLOCKED, before any request there', async (_, target) => {
    const { asked, requestOnce } = scripted({ [START]: to(target) })
    expect(await codeOf(get(followRedirects({ guard }, requestOnce), START))).toBe('FETCH_BLOCKED')
    expect(asked.map((h) => h.url.href)).toEqual([START])
  })

  it('a transport that throws something else is FETCH_FAILED; one that stalls ends at the deadline', async () => {
    const broken = followRedirects({ guard }, async () => {
      throw new Error('socket hang up')
    })
    expect(await codeOf(get(broken, START))).toBe('FETCH_FAILED')
    const stalled = followRedirects({ guard, timeoutMs: 50 }, ({ deadline }) =>
      deadline.race(new Promise<Hop>(() => undefined)),
    )
    expect(await codeOf(get(stalled, START))).toBe('FETCH_TIMEOUT')
  })
})
