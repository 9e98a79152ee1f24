/**
 * @module
 * What the app answers for a path it serves, read from its own route table: 405 with `Allow`
 * for a method it does not serve there, and 415 for a JSON route sent another content type.
 * Both look at every route registered on the app, so a route added later is covered as it lands.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { apiError } from './api-error.ts'

/** The part of a Hono route the table needs (`app.routes`). */
export interface RouteEntry {
  method: string
  path: string
}

/** Methods that carry a request body; on a JSON route that body must be JSON. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH'])

/** `:name`, `:name{regex}`, `:name?` → one segment; `*` → anything; the rest literally. */
const patternOf = (path: string): RegExp => {
  const trimmed = path.length > 1 ? path.replace(/\/$/, '') : path
  const source = trimmed
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*'
      if (segment.startsWith(':')) return segment.endsWith('?') ? '[^/]*' : '[^/]+'
      return segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')
    })
    .join('/')
  return new RegExp(`^${source}/?$`)
}

export interface MethodTable {
  /** The methods served at `path` (HEAD wherever GET is), sorted; empty for an unknown path. */
  allowed(path: string): string[]
  /** The answer for a request no route took: 405 with Allow when the path is served, else null. */
  notAllowed(c: Context): Response | null
  /** Middleware: 415 for a body method on a served route without a JSON content type. */
  requireJson: MiddlewareHandler
}

/**
 * `routes` is read on first use, once every route is registered; the catch-all routes (`*`,
 * `/api/*` fallbacks, middleware) do not make a path "served".
 *
 * @example
 * const methods = methodTable(() => app.routes)
 * app.use('/api/*', methods.requireJson)
 * app.notFound((c) => methods.notAllowed(c) ?? apiError(c, 'NOT_FOUND'))
 */
export const methodTable = (routes: () => readonly RouteEntry[]): MethodTable => {
  let table: { pattern: RegExp; method: string }[] | null = null
  const entries = () =>
    (table ??= routes()
      .filter((r) => r.method !== 'ALL' && !/^\/?(\*|[^:]*\/\*)$/.test(r.path))
      .map((r) => ({ pattern: patternOf(r.path), method: r.method.toUpperCase() })))

  const allowed = (path: string) => {
    const methods = new Set(
      entries()
        .filter((e) => e.pattern.test(path))
        .map((e) => e.method),
    )
    if (methods.has('GET')) methods.add('HEAD')
    return [...methods].sort()
  }

  return {
    allowed,
    notAllowed(c) {
      const methods = allowed(c.req.path)
      if (methods.length === 0 || methods.includes(c.req.method)) return null
      c.header('Allow', methods.join(', '))
      return apiError(
        c,
        'METHOD_NOT_ALLOWED',
        `${c.req.method} is not allowed on ${c.req.path}; use ${methods.join(', ')}.`,
      )
    },
    requireJson: async function requireJson(c, next) {
      if (
        BODY_METHODS.has(c.req.method) &&
        allowed(c.req.path).includes(c.req.method) &&
        !isJsonContentType(c.req.header('content-type'))
      ) {
        return apiError(
          c,
          'UNSUPPORTED_MEDIA_TYPE',
          'Send the body as JSON, with Content-Type: application/json.',
          'content-type',
        )
      }
      await next()
    },
  }
}

/** application/json (or a `+json` type), with no charset or UTF-8. */
export const isJsonContentType = (header: string | undefined): boolean => {
  if (!header) return false
  const [type = '', ...params] = header.split(';').map((p) => p.trim().toLowerCase())
  if (type !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) return false
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replaceAll('"', '')
  return charset === undefined || charset === 'utf-8' || charset === 'utf8'
}
