/**
 * @module
 * Kept answers straight from Node's request, before the Hono app: @hono/node-server would build
 * a Web Request, a Response and their headers for bytes that are ready. Only a GET with no
 * Origin (CORS stays with the app), a plain query (known-plain-query.ts) and an answer already
 * kept takes this path; every other request, and the first for each answer, goes to the app,
 * which builds and keeps it. The request costs what it costs through the app (one of the
 * client's `requests`) and is logged the same way.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from '../logger.ts'
import type { CostMeter } from '../security/costs.ts'
import type { KnownAnswers } from './known-answers.ts'

export interface KnownNodeDeps {
  known: KnownAnswers
  costs: CostMeter
  logger: Logger
  /** The client, for the limits, from the forwarded-for header and the peer address. */
  clientKey: (forwardedFor: string | undefined, remoteAddress: string | undefined) => string
  /** X-Request-Id to send: the caller's when sane, else a new one. */
  requestId: (incoming: string | undefined) => string
}

const single = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.join(', ') : value

/**
 * Answers `req` and returns true, or returns false and touches nothing.
 *
 * @example
 * const answerKnown = knownNodeAnswers({ known, costs, logger, clientKey, requestId })
 * createServer((req, res) => answerKnown(req, res) || appListener(req, res))
 */
export const knownNodeAnswers =
  (deps: KnownNodeDeps) =>
  (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url
    if (req.method !== 'GET' || req.headers.origin !== undefined || !url) return false
    const started = performance.now()
    const mark = url.indexOf('?')
    const path = mark === -1 ? url : url.slice(0, mark)
    const answer = deps.known.plain({
      path,
      query: mark === -1 ? '' : url.slice(mark + 1),
      header: (name) => single(req.headers[name]),
    })
    if (!answer) return false
    const client = deps.clientKey(single(req.headers['x-forwarded-for']), req.socket.remoteAddress)
    try {
      // The whole answer is synchronous: no context store to enter for the billing.
      deps.costs.takeFor(client, 'requests')
    } catch {
      return false // the app answers the 429, naming the budget
    }
    const reqId = deps.requestId(single(req.headers['x-request-id']))
    res.writeHead(answer.status, [...answer.head, 'X-Request-Id', reqId])
    res.end(answer.body ?? undefined)
    deps.logger.info('request', {
      reqId,
      method: 'GET',
      path,
      status: answer.status,
      ms: Math.round(performance.now() - started),
    })
    return true
  }
