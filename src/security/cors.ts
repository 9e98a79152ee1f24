/**
 * @module
 * CORS for the embeddable widget: pages on the operator's allowed origins
 * (MAILSETUP_WIDGET_ORIGINS) may call `/api/*` from the browser; any other foreign origin is
 * refused with 403 and gets no CORS headers. Requests without an Origin header (curl, servers)
 * and from the service's own pages pass untouched. "Own" is the configured public origin
 * (MAILSETUP_PUBLIC_URL), never the request's Host header: a page on a rebinding domain sends
 * its own Host, and must not pass for the service.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { type ApiErrorBody, apiErrorBody } from '../errors/api-body.ts'
import { splitCommaList } from '../util/comma-list.ts'

/** How long a browser may cache a preflight answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600
const ALLOWED_METHODS = 'GET, POST, OPTIONS'
/** Request headers the widget sends beyond the CORS-safelisted ones. */
const ALLOWED_HEADERS = ['content-type', 'accept', 'accept-language', 'x-request-id']
const EXPOSED_HEADERS = 'Retry-After, X-Request-Id'

export type InvalidOriginError = TypeError & { code: 'ERR_INVALID_ORIGIN' }

const invalidOrigin = (entry: string): InvalidOriginError =>
  Object.assign(new TypeError(`not an origin (scheme://host[:port]): ${entry}`), {
    code: 'ERR_INVALID_ORIGIN' as const,
  })

/**
 * Parses a comma-separated list of origins into their serialised form; throws an
 * InvalidOriginError for anything that is not exactly an http(s) origin (no path, no `*`).
 *
 * @example
 * parseOriginList('https://help.example.com, http://localhost:3000')
 * // ['https://help.example.com', 'http://localhost:3000']
 */
export const parseOriginList = (value: string): string[] =>
  splitCommaList(value).map((entry) => {
    let url: URL
    try {
      url = new URL(entry)
    } catch {
      throw invalidOrigin(entry)
    }
    const bare = entry.replace(/\/$/, '').toLowerCase()
    if (
      (url.protocol !== 'https:' && url.protocol !== 'http:') ||
      url.origin.toLowerCase() !== bare
    ) {
      throw invalidOrigin(entry)
    }
    return url.origin
  })

const refuse = (c: Context, origin: string) => {
  const { status, body } = apiErrorBody(
    'ORIGIN_NOT_ALLOWED',
    `Pages on ${origin} may not call this API; the operator can add the origin to MAILSETUP_WIDGET_ORIGINS.`,
  )
  return c.json<ApiErrorBody>(body, status)
}

/**
 * Mount on `/api/*` before the other API middleware, so refusals cost nothing and every
 * answer (errors and 429s included) carries the CORS headers an allowed page needs to read it.
 *
 * @example
 * app.use('/api/*', widgetCors(config.MAILSETUP_WIDGET_ORIGINS, config.MAILSETUP_PUBLIC_URL))
 */
export const widgetCors = (origins: readonly string[], ownOrigin: string): MiddlewareHandler => {
  const allowed = new Set(origins)
  return async function widgetCors(c, next) {
    const origin = c.req.header('origin')
    if (origin === undefined || origin === ownOrigin) {
      await next()
      return
    }
    c.header('Vary', 'Origin', { append: true })
    if (!allowed.has(origin)) return refuse(c, origin)

    const preflight =
      c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined
    if (preflight) {
      const asked = splitCommaList(c.req.header('access-control-request-headers')).map((name) =>
        name.toLowerCase(),
      )
      const headers = asked.filter((name) => ALLOWED_HEADERS.includes(name))
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': ALLOWED_METHODS,
        ...(headers.length > 0 ? { 'Access-Control-Allow-Headers': headers.join(', ') } : {}),
        'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
      })
    }
    c.header('Access-Control-Allow-Origin', origin)
    c.header('Access-Control-Expose-Headers', EXPOSED_HEADERS)
    await next()
    // A handler that built its own Response skipped c.header(); add the headers there too.
    if (!c.res.headers.has('Access-Control-Allow-Origin')) {
      c.res.headers.set('Access-Control-Allow-Origin', origin)
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS)
      c.res.headers.append('Vary', 'Origin')
    }
  }
}
