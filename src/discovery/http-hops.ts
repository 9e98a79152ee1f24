/**
 * @module
 * The redirect loop of every HttpGet adapter, around the transport's single request: each hop's
 * URL is checked (scheme, port, no credentials), its host resolved and pinned by the target
 * guard, the redirects counted up to the limit, all under one deadline. An adapter gives only
 * its one request (node:http on the pinned address, or fetch with `redirect: 'manual'`).
 */
import type { PinnedTarget, TargetGuard } from '../security/target-guard.ts'
import type { Deadline } from '../util/deadline.ts'
import { DiscoveryError } from './discovery-error.ts'
import {
  type HttpGet,
  type HttpResponse,
  FETCH_TIMEOUT_MS,
  MAX_REDIRECTS,
  checkFetchUrl,
  fetchDeadline,
  nextUrl,
  pinHop,
} from './http.ts'

/** What one request came back with: the answer, or where a redirect points. */
export type Hop =
  { kind: 'response'; response: HttpResponse } | { kind: 'redirect'; location: string }

export interface HopRequest {
  url: URL
  /** The guard's answer for the URL's host: connect there, or at least only after it. */
  target: PinnedTarget
  /** The whole fetch's deadline: its signal ends the request. */
  deadline: Deadline
  maxBytes: number
  accept: string
}

/** One GET of one URL, following no redirect; rejects with a DiscoveryError. */
export type RequestOnce = (hop: HopRequest) => Promise<Hop>

export interface FollowOptions {
  guard: Pick<TargetGuard, 'resolve'>
  timeoutMs?: number
  maxRedirects?: number
}

/**
 * @example
 * const httpGet = followRedirects({ guard }, ({ url, target, deadline }) => requestOnce(url, target, deadline))
 */
export const followRedirects = (options: FollowOptions, requestOnce: RequestOnce): HttpGet => {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS

  return async function httpGet(url, { signal, maxBytes, accept }) {
    const deadline = fetchDeadline(timeoutMs, signal)
    try {
      let current = new URL(url)
      for (let redirects = 0; ; redirects++) {
        checkFetchUrl(current)
        const target = await pinHop(options.guard, current.hostname, deadline)
        const hop = await requestOnce({ url: current, target, deadline, maxBytes, accept })
        if (hop.kind === 'response') return hop.response
        if (redirects >= maxRedirects) {
          throw new DiscoveryError(
            'FETCH_REDIRECT_LIMIT',
            `more than ${maxRedirects} redirects, last to ${hop.location}`,
          )
        }
        current = nextUrl(hop.location, current)
      }
    } catch (err) {
      if (deadline.signal.aborted) throw deadline.error()
      if (err instanceof DiscoveryError) throw err
      throw new DiscoveryError('FETCH_FAILED', `${url.host}: ${String(err)}`, { cause: err })
    } finally {
      deadline.dispose()
    }
  }
}
