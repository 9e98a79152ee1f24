/**
 * @module
 * `GET /api/v1/providers?q=` (suggestions) and `GET /api/v1/providers/:domain` (one entry).
 */
import { Hono } from 'hono'
import { providerView, type ProviderIndex } from '../providers/index.ts'
import { apiError, invalidInput } from './api-error.ts'
import { ProviderDomainParam, ProviderSearchQuery } from '../openapi/requests.ts'

/**
 * Routes over the provider index; mount at `/api/v1/providers`.
 *
 * @example
 * app.route('/api/v1/providers', providersRoutes({ providers: index }))
 * // GET /api/v1/providers?q=163 → { providers: [{ id: 'netease-free', name, domains }] }
 */
export const providersRoutes = (deps: { providers: ProviderIndex }): Hono => {
  const app = new Hono()

  app.get('/', (c) => {
    const query = ProviderSearchQuery.safeParse(c.req.query())
    if (!query.success) return invalidInput(c, query.error, 'q')
    const found = deps.providers.search(query.data.q, query.data.limit)
    return c.json({
      providers: found.map((p) => ({
        id: p.id,
        name: p.name,
        domains: p.domains,
        status: p.status,
      })),
    })
  })

  app.get('/:domain', (c) => {
    const param = ProviderDomainParam.safeParse({ domain: c.req.param('domain') })
    if (!param.success) return invalidInput(c, param.error, 'domain')
    // The same rule as an address lookup (fromDatabase): by domain or alias, never by entry id,
    // so this route and a lookup for user@domain always agree.
    const provider = deps.providers.byDomain(param.data.domain)
    if (!provider) {
      return apiError(
        c,
        'PROVIDER_NOT_FOUND',
        `No provider known for ${param.data.domain}`,
        'domain',
      )
    }
    return c.json(providerView(provider))
  })

  return app
}
