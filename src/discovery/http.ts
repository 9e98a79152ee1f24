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
import { DiscoveryError } from './discovery-error.ts'

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
 * Every adapter calls it for the first URL and for every redirect hop.
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
