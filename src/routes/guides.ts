/**
 * @module
 * `GET /api/v1/guides` (the clients) and `GET /api/v1/guides/:client?email=&lang=&protocol=&region=`
 * (one client's setup guide for an address, as JSON the web page renders).
 */
import { resolveRegion } from '../model/region.ts'
import { type Context, Hono } from 'hono'
import type { SettingsSource } from '../diagnose/account-settings.ts'
import { CLIENT_IDS, type ClientId, message, renderGuide } from '../guides/index.ts'
import { apiError, invalidInput } from './api-error.ts'
import { GuideListQuery, GuideQuery, langFromHeader } from '../openapi/requests.ts'

const isClientId = (id: string): id is ClientId => (CLIENT_IDS as readonly string[]).includes(id)

/** The `:client` path parameter; unknown: 404 UNKNOWN_CLIENT naming the known ones. */
export const clientParam = (
  c: Context,
): { ok: true; id: ClientId } | { ok: false; response: Response } => {
  const id = c.req.param('client') ?? ''
  if (isClientId(id)) return { ok: true, id }
  return {
    ok: false,
    response: apiError(
      c,
      'UNKNOWN_CLIENT',
      `Unknown client; known clients: ${CLIENT_IDS.join(', ')}.`,
      'client',
    ),
  }
}

/**
 * Mount at `/api/v1/guides`. Unknown client: 404 UNKNOWN_CLIENT naming the known ones;
 * bad email: 400 naming `email`. `lang` defaults from Accept-Language.
 *
 * @example
 * app.route('/api/v1/guides', guidesRoutes({ settings }))
 * // GET /api/v1/guides/thunderbird?email=ann@qq.com&lang=zh-CN → { client, steps: [{ text, values }], errors, … }
 */
export const guidesRoutes = (deps: { settings: SettingsSource }): Hono => {
  const app = new Hono()

  app.get('/', (c) => {
    const query = GuideListQuery.safeParse(c.req.query())
    if (!query.success) return invalidInput(c, query.error, 'lang')
    const lang = query.data.lang ?? langFromHeader(c.req.header('accept-language'))
    return c.json({
      clients: CLIENT_IDS.map((id) => ({ id, name: message(lang, `client.${id}`) })),
    })
  })

  app.get('/:client', async (c) => {
    const client = clientParam(c)
    if (!client.ok) return client.response
    const query = GuideQuery.safeParse(c.req.query())
    if (!query.success) return invalidInput(c, query.error, 'email')
    const address = query.data.email
    const lang = query.data.lang ?? langFromHeader(c.req.header('accept-language'))
    const settings = await deps.settings(address.email, c.req.raw.signal)
    const { protocol } = query.data
    const { region, regionFrom } = resolveRegion(query.data)
    return c.json(renderGuide(client.id, settings, { lang, protocol, region, regionFrom }))
  })

  return app
}
