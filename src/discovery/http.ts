/**
 * @module
 * The HTTP GET capability the discovery sources need, as a runtime-neutral type. The Node adapter
 * (http-node.ts) implements it behind the target guard; a Workers adapter can implement it with
 * fetch. Sources take an `HttpGet` as an argument and never import a runtime module.
 *
 * Every failure rejects with a DiscoveryError: FETCH_BLOCKED, FETCH_TIMEOUT, FETCH_TOO_LARGE,
 * FETCH_FAILED or FETCH_REDIRECT_LIMIT. Status and content type are the caller's to judge
 * (FETCH_STATUS, FETCH_BAD_TYPE), since only the caller knows what it expects.
 */
import { isProbeError } from '../errors/probe-error.ts'
import type { PinnedTarget, TargetGuard } from '../security/target-guard.ts'
import { type Deadline, createDeadline } from '../util/deadline.ts'
import { DiscoveryError } from './discovery-error.ts'

/** One budget for the whole fetch: every DNS query, connect, TLS handshake, redirect and body read. */
export const FETCH_TIMEOUT_MS = 4_000
/** Redirects followed before FETCH_REDIRECT_LIMIT. */
export const MAX_REDIRECTS = 3

/** The statuses every adapter follows (with a Location), hop by hop through the guard. */
export const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
export const USER_AGENT = 'mailsetup-discovery/0.1 (+autoconfig)'

export interface HttpGetOptions {
  /** Aborts the fetch; the adapter adds its own overall deadline on top. */
  signal: AbortSignal
  /** Most body bytes to accept; one byte more is FETCH_TOO_LARGE, and reading stops there. */
  maxBytes: number
  /** The Accept header to send. */
  accept: string
}

export interface HttpResponse {
  /** The final status, after redirects. */
  status: number
  /** The final URL, after redirects (an https start may end on http: check before trusting it). */
  url: string
  /** The Content-Type header as sent, or null. */
  contentType: string | null
  /** The body decoded as UTF-8; empty for a status outside 200-299 (not read, the socket is dropped). */
  body: string
}

export type HttpGet = (url: URL, options: HttpGetOptions) => Promise<HttpResponse>

/**
 * The header every adapter sends on discovery's own fetches, so that this service's autoconfig
 * route knows a request comes from itself (an organisation's autoconfig.<domain> pointed here)
 * and answers at once from what it already knows instead of discovering again and waiting on
 * itself. Anyone may send it; it only ever makes the answer come from known data alone.
 */
export const SELF_REQUEST_HEADER = 'x-mailsetup-discovery'

const WEB_SCHEMES = new Set(['http:', 'https:'])
/** Web ports only: an autoconfig fetch has no business on a mail, database or admin port. */
const WEB_PORTS = new Set(['', '80', '443'])

/**
 * Throws FETCH_BLOCKED unless the URL is http(s) on port 80 or 443 (or none) without credentials.
 * The redirect loop every adapter runs (http-hops.ts) calls it for the first URL and every hop.
 *
 * @example
 * checkFetchUrl(new URL('https://autoconfig.example.com/mail/config-v1.1.xml')) // ok
 * checkFetchUrl(new URL('http://example.com:8080/'))                           // throws FETCH_BLOCKED
 */
export const checkFetchUrl = (url: URL): void => {
  if (!WEB_SCHEMES.has(url.protocol))
    throw new DiscoveryError('FETCH_BLOCKED', `${url.protocol} URLs are not fetched`)
  // The URL parser turns the scheme's own default port into '', so '' is http:80 or https:443.
  if (!WEB_PORTS.has(url.port))
    throw new DiscoveryError('FETCH_BLOCKED', `port ${url.port} is not a web port`)
  if (url.username || url.password)
    throw new DiscoveryError('FETCH_BLOCKED', 'URL with credentials')
}

/** Resolves a hop's host through the guard (http-hops.ts, every hop); its refusals become discovery codes. */
export const pinHop = async (
  guard: Pick<TargetGuard, 'resolve'>,
  hostname: string,
  deadline: Deadline,
): Promise<PinnedTarget> => {
  try {
    return await deadline.race(guard.resolve(hostname, deadline.signal))
  } catch (err) {
    if (deadline.signal.aborted) throw deadline.error()
    if (!isProbeError(err))
      throw new DiscoveryError('FETCH_FAILED', `${hostname}: ${String(err)}`, { cause: err })
    if (err.code === 'TARGET_BLOCKED')
      throw new DiscoveryError('FETCH_BLOCKED', err.detail, { cause: err })
    if (err.code === 'DNS_TIMEOUT')
      throw new DiscoveryError('FETCH_TIMEOUT', `DNS: ${hostname}`, { cause: err })
    throw new DiscoveryError('FETCH_FAILED', `${err.code}: ${err.detail ?? hostname}`, {
      cause: err,
    })
  }
}

/** The redirect's absolute URL, without a fragment; FETCH_FAILED for a Location that is no URL. */
export const nextUrl = (location: string, from: URL): URL => {
  try {
    const next = new URL(location, from)
    next.hash = ''
    return next
  } catch (err) {
    throw new DiscoveryError('FETCH_FAILED', `${from.href}: bad redirect Location`, { cause: err })
  }
}

/** The caller's signal plus our own timer; either ends the fetch with a DiscoveryError. */
export const fetchDeadline = (timeoutMs: number, parent: AbortSignal): Deadline =>
  createDeadline(timeoutMs, {
    parent,
    timeoutError: () =>
      new DiscoveryError('FETCH_TIMEOUT', `no complete answer within ${timeoutMs} ms`),
    cancelError: (reason) =>
      reason instanceof DiscoveryError
        ? reason
        : new DiscoveryError('FETCH_TIMEOUT', 'cancelled', { cause: reason }),
  })
