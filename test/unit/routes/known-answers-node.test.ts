/**
 * The kept answers straight from Node's request (src/routes/known-answers-node.ts), on a real
 * HTTP server in front of the app as src/node.ts wires it: the same bytes and headers as the
 * app's, only once the app has kept the answer, never for a CORS request, and a spent budget
 * still gets the app's 429.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { knownNodeServers } from '../../fake/known-node-servers.ts'

const running: { close: () => void }[] = []
afterEach(() => running.splice(0).forEach((s) => s.close()))

const serve = async (options: Parameters<typeof knownNodeServers>[0] = {}) => {
  const servers = await knownNodeServers(options)
  running.push(servers)
  return { base: `http://127.0.0.1:${servers.fastPort}`, fast: servers.fast, lines: servers.lines }
}

const URL_PATH = '/api/v1/lookup?email=ann%40qq.com&probe=0'
const XML_PATH = '/mail/config-v1.1.xml?emailaddress=ann%40qq.com'

describe('kept answers before the app (Node)', () => {
  it('answers what the app answered, once the app has kept it, and logs the request', async () => {
    const { base, fast, lines } = await serve()
    for (const path of [URL_PATH, XML_PATH]) {
      const first = await fetch(`${base}${path}`)
      const second = await fetch(`${base}${path}`, { headers: { 'x-request-id': 'abc-1' } })
      expect(fast).toEqual([path])
      fast.length = 0
      expect(second.status).toBe(200)
      expect(await second.text()).toBe(await first.text())
      for (const name of ['content-type', 'etag', 'cache-control', 'vary'])
        expect(second.headers.get(name)).toBe(first.headers.get(name))
      expect(second.headers.get('x-request-id')).toBe('abc-1')
      const cached = await fetch(`${base}${path}`, {
        headers: { 'if-none-match': second.headers.get('etag')! },
      })
      expect(cached.status).toBe(304)
      expect(fast).toEqual([path])
      fast.length = 0
    }
    expect(lines.some((l) => l.includes('"reqId":"abc-1"') && l.includes('"status":200'))).toBe(
      true,
    )
  })

  it('leaves a request with an Origin, a stream or probes to the app', async () => {
    const { base, fast } = await serve()
    await fetch(`${base}${URL_PATH}`)
    await fetch(`${base}${URL_PATH}`, { headers: { origin: 'https://elsewhere.example' } })
    await fetch(`${base}${URL_PATH}`, { headers: { accept: 'text/event-stream' } })
    await fetch(`${base}/api/v1/lookup?email=ann%40qq.com&probe=1`)
    expect(fast).toEqual([])
  })

  it('a client whose requests budget is spent gets the app’s 429', async () => {
    const { base, fast } = await serve({ limits: { requests: 3 } })
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await fetch(`${base}${URL_PATH}`)).status)
    expect(statuses).toEqual([200, 200, 200, 429, 429])
    expect(fast).toHaveLength(2)
  })
})
