/**
 * The kept answers straight from Node's request as src/node.ts wires them: a real HTTP server
 * with the fast path in front of the app, and one with the same app alone, for comparing the
 * two. Records which request lines the fast path answered and the log lines it wrote.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import { requestIdFor } from '../../src/app.ts'
import { knownNodeAnswers } from '../../src/routes/known-answers-node.ts'
import { type TestAppOptions, createTestApp } from './test-app.ts'

const listen = async (server: ReturnType<typeof createServer>) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

/**
 * @example
 * const servers = await knownNodeServers()
 * await fetch(`http://127.0.0.1:${servers.fastPort}/api/v1/lookup?email=ann@qq.com`)
 * servers.fast // the request lines the fast path answered
 * servers.close()
 */
export const knownNodeServers = async (options: TestAppOptions = {}) => {
  const { app, known, costs } = createTestApp(options)
  const lines: string[] = []
  const logger = {
    debug: () => {},
    info: (msg: string, fields?: object) => lines.push(JSON.stringify({ msg, ...fields })),
    warn: () => {},
    error: () => {},
    child: () => logger,
  }
  const answerKnown = knownNodeAnswers({
    known,
    costs,
    logger,
    clientKey: () => 'test',
    requestId: requestIdFor,
  })
  const fast: string[] = []
  const listener = getRequestListener(app.fetch)
  const withFastPath = createServer((req, res) => {
    if (answerKnown(req, res)) fast.push(req.url ?? '')
    else void listener(req, res)
  })
  const appAlone = createServer((req, res) => void listener(req, res))
  return {
    fastPort: await listen(withFastPath),
    appPort: await listen(appAlone),
    fast,
    lines,
    close: () => [withFastPath, appAlone].forEach((server) => server.close()),
  }
}
