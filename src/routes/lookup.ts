/**
 * @module
 * `GET /api/v1/lookup?email=…&lang=…&probe=0|1`: the fast answer from the provider database,
 * DNS (MX, SRV) and autoconfig; it probes the candidates only with `probe=1`. Same report as
 * POST /api/v1/diagnose.
 */
import { Hono } from 'hono'
import { invalidInput } from './api-error.ts'
import type { AppEnv } from './app-env.ts'
import { type DiagnoseDeps, diagnoseResponse } from './diagnose.ts'
import { LookupQuery, langFromHeader } from '../openapi/requests.ts'

/**
 * @example
 * app.route('/api/v1/lookup', lookupRoutes({ discovery, budget }))
 * // GET /api/v1/lookup?email=ann@163.com&lang=zh-CN
 */
export const lookupRoutes = (deps: DiagnoseDeps) => {
  const app = new Hono<AppEnv>()
  app.get('/', async (c) => {
    const query = LookupQuery.safeParse(c.req.query())
    if (!query.success) return invalidInput(c, query.error, 'email')
    const lang = query.data.lang ?? langFromHeader(c.req.header('accept-language'))
    const { email, probe, region, timeZone } = query.data
    return diagnoseResponse(c, deps, { email, probe, lang, region, timeZone })
  })
  return app
}
