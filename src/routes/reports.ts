/**
 * @module
 * Stored reports: `GET` and `DELETE /api/v1/reports/{id}`, and what a report renders to:
 * `/guides/{client}?lang=&protocol=`, `/mobileconfig?protocol=` and `/config-v1.1.xml`. All of
 * them read the stored report only: no probe, no discovery.
 */
import { type Context, Hono } from 'hono'
import { settingsFromReport } from '../diagnose/account-settings.ts'
import { isReportId, hashToken, sameHash } from '../diagnose/report-id.ts'
import { type ReportStorage, savedReport } from '../diagnose/saved-report.ts'
import type { Report } from '../diagnose/report.ts'
import { renderGuide } from '../guides/index.ts'
import { apiError, invalidInput } from './api-error.ts'
import type { AppEnv } from './app-env.ts'
import { autoconfigResponse } from './autoconfig.ts'
import { clientParam } from './guides.ts'
import { type ProfileSigning, mobileconfigResponse, protocolParam } from './mobileconfig.ts'
import { ReportGuideQuery, ReportQuery, langFromHeader } from '../openapi/requests.ts'

export interface ReportsDeps {
  storage: ReportStorage
  profile: ProfileSigning
}

const BEARER = /^Bearer\s+([A-Za-z0-9_-]{1,128})\s*$/i

type Loaded = { ok: true; report: Report } | { ok: false; response: Response }

/**
 * Mount at `/api/v1/reports`. A malformed id is a 400 naming `id`; an unknown or expired one a
 * 404 REPORT_NOT_FOUND. DELETE needs `Authorization: Bearer <deleteToken>`: 401 without it,
 * 403 with a wrong one (the report stays), 204 when deleted.
 *
 * @example
 * app.route('/api/v1/reports', reportsRoutes({ storage, profile: { sign } }))
 * // GET /api/v1/reports/q3Jx0b7VhYtH2c9pZ1mA4w → { id, url, createdAt, email, recommended, … }
 */
export const reportsRoutes = (deps: ReportsDeps) => {
  const app = new Hono<AppEnv>()
  const { storage } = deps

  const find = async (c: Context) => {
    const id = c.req.param('id') ?? ''
    if (!isReportId(id)) {
      return {
        ok: false as const,
        response: apiError(c, 'INVALID_INPUT', 'id is not a report id', 'id'),
      }
    }
    const stored = await storage.store.get(id, storage.now())
    if (!stored) {
      return {
        ok: false as const,
        response: apiError(c, 'REPORT_NOT_FOUND', 'No such report; it may have expired.'),
      }
    }
    return { ok: true as const, stored }
  }

  const load = async (c: Context): Promise<Loaded> => {
    const found = await find(c)
    return found.ok
      ? { ok: true, report: savedReport(found.stored, { providers: storage.providers }) }
      : found
  }

  app.get('/:id', async (c) => {
    const query = ReportQuery.safeParse(c.req.query())
    if (!query.success) return invalidInput(c, query.error, 'lang')
    const found = await find(c)
    if (!found.ok) return found.response
    c.header('Cache-Control', 'private, no-store')
    const { lang } = query.data
    return c.json(savedReport(found.stored, { lang, providers: storage.providers }))
  })

  app.delete('/:id', async (c) => {
    const found = await find(c)
    if (!found.ok) return found.response
    const header = c.req.header('authorization')
    if (!header) {
      c.header('WWW-Authenticate', 'Bearer')
      return apiError(c, 'UNAUTHORIZED', 'Send Authorization: Bearer <deleteToken>.')
    }
    const token = BEARER.exec(header)?.[1]
    if (!token || !sameHash(await hashToken(token), found.stored.deleteTokenHash)) {
      return apiError(c, 'FORBIDDEN', 'This token may not delete this report.')
    }
    await storage.store.delete(found.stored.id)
    return c.body(null, 204)
  })

  app.get('/:id/guides/:client', async (c) => {
    const client = clientParam(c)
    if (!client.ok) return client.response
    const query = ReportGuideQuery.safeParse(c.req.query())
    if (!query.success) return invalidInput(c, query.error, 'lang')
    const loaded = await load(c)
    if (!loaded.ok) return loaded.response
    const { report } = loaded
    const lang = query.data.lang ?? langFromHeader(c.req.header('accept-language'))
    const settings = settingsFromReport(report, storage.providers)
    const protocol = query.data.protocol ?? report.protocol ?? undefined
    return c.json(
      renderGuide(client.id, settings, {
        lang,
        protocol,
        region: report.region ?? undefined,
        hostChoice: report.hostChoice,
        stability: report.stability?.hosts,
      }),
    )
  })

  app.get('/:id/mobileconfig', async (c) => {
    const protocol = protocolParam(c)
    if (!protocol.ok) return protocol.response
    const loaded = await load(c)
    if (!loaded.ok) return loaded.response
    const { report } = loaded
    const settings = settingsFromReport(report, storage.providers)
    const wanted = protocol.wanted ?? report.protocol ?? undefined
    return mobileconfigResponse(c, settings, wanted, deps.profile)
  })

  app.get('/:id/config-v1.1.xml', async (c) => {
    const loaded = await load(c)
    if (!loaded.ok) return loaded.response
    return autoconfigResponse(c, settingsFromReport(loaded.report, storage.providers))
  })

  for (const path of ['/:id', '/:id/guides/:client', '/:id/mobileconfig', '/:id/config-v1.1.xml'])
    app.all(path, (c) => {
      c.header('Allow', path === '/:id' ? 'GET, DELETE' : 'GET')
      return apiError(c, 'METHOD_NOT_ALLOWED', `${c.req.method} is not allowed here.`)
    })
  return app
}
