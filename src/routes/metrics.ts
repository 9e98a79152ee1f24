/**
 * @module
 * `GET /metrics`: the Prometheus text exposition. Off (404) unless MAILSETUP_METRICS=1 or
 * MAILSETUP_METRICS_TOKEN is set; with a token, only `Authorization: Bearer <token>` reads it
 * (401 without one, 403 for a wrong one).
 */
import { type Context, Hono } from 'hono'
import { hashToken, sameHash } from '../diagnose/report-id.ts'
import type { MetricRegistry } from '../metrics/registry.ts'
import { apiError } from './api-error.ts'

export interface MetricsAccess {
  /** MAILSETUP_METRICS=1: served to anyone who can reach it. */
  open: boolean
  /** MAILSETUP_METRICS_TOKEN: served to those who send it. */
  token?: string
}

const BEARER = /^Bearer\s+(\S+)\s*$/i

/**
 * @example
 * app.route('/', metricsRoutes({ registry, access: { open: false, token: 'scrape-secret-1234' } }))
 * // GET /metrics with Authorization: Bearer scrape-secret-1234 → 200 text/plain; version=0.0.4
 */
export const metricsRoutes = (deps: { registry: MetricRegistry; access: MetricsAccess }) => {
  const app = new Hono()
  const { token } = deps.access
  const expected = token ? hashToken(token) : null

  const refusal = async (c: Context) => {
    if (!expected) return null
    const sent = BEARER.exec(c.req.header('authorization') ?? '')?.[1]
    if (!sent) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"')
      return apiError(c, 'UNAUTHORIZED', 'Send Authorization: Bearer <MAILSETUP_METRICS_TOKEN>.')
    }
    if (!sameHash(await hashToken(sent), await expected))
      return apiError(c, 'FORBIDDEN', 'That is not the metrics token.')
    return null
  }

  app.get('/metrics', async function metrics(c) {
    if (!deps.access.open && !expected) return apiError(c, 'NOT_FOUND', 'Metrics are off.')
    const refused = await refusal(c)
    if (refused) return refused
    return c.body(await deps.registry.render(), 200, {
      'Content-Type': deps.registry.contentType,
      'Cache-Control': 'no-store',
    })
  })
  return app
}
