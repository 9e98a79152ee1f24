/**
 * @module
 * `GET /api/v1/lookup?email=…&lang=…`: answers from the provider database, by the address
 * domain and, when that is unknown, by the domain's MX hosts (through the service's resolver).
 * The answer's shape is the one the discovery pipeline will extend.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import type { Resolver } from '../dns/resolver.ts'
import {
  hintsFor,
  isHostName,
  LANGS,
  providerName,
  recommendedFor,
  serversFor,
  splitEmail,
  type Lang,
  type Provider,
  type ProviderIndex,
} from '../providers/index.ts'
import { invalidInput } from './api-error.ts'

/** How long the MX query may take before the lookup answers without it. */
const MX_TIMEOUT_MS = 5_000

const isEmail = (value: string) => {
  const at = value.lastIndexOf('@')
  if (at < 1 || at > 64) return false
  const local = value.slice(0, at)
  if (
    /[\s@<>()[\]\\,;:"]/.test(local) ||
    local.startsWith('.') ||
    local.endsWith('.') ||
    local.includes('..')
  ) {
    return false
  }
  return isHostName(splitEmail(value).domain)
}

const LookupQuery = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'email is required')
    .max(254)
    .refine(isEmail, 'Invalid email address'),
  lang: z.enum(LANGS).optional(),
})

const POP3_ONLY_HINT = {
  en: 'Only POP3 is offered: POP3 downloads mail and may delete it from the server unless the client is set to keep a copy on the server.',
  'zh-CN':
    '该服务商只提供 POP3：POP3 会把邮件下载到本地，若客户端未设置“在服务器上保留副本”，服务器上的邮件可能被删除。',
} as const

/** zh* in Accept-Language → zh-CN, anything else → en. */
export const langFromHeader = (header: string | undefined): Lang =>
  /^\s*zh/i.test(header ?? '') ? 'zh-CN' : 'en'

const byMx = async (
  deps: { providers: ProviderIndex; resolver: Resolver },
  domain: string,
): Promise<Provider | undefined> => {
  try {
    const records = await deps.resolver.mx(domain, AbortSignal.timeout(MX_TIMEOUT_MS))
    const sorted = [...records].sort((a, b) => a.priority - b.priority)
    for (const r of sorted) {
      const hit = deps.providers.byMx(r.exchange)
      if (hit) return hit
    }
  } catch {
    // NXDOMAIN, timeout or a DNS error: the database has no answer; discovery reports DNS.
  }
  return undefined
}

/**
 * The lookup route; mount at `/api/v1/lookup`. The resolver is a dependency so tests can fake it.
 *
 * @example
 * app.route('/api/v1/lookup', lookupRoutes({ providers: index, resolver }))
 * // GET /api/v1/lookup?email=ann@163.com&lang=zh-CN
 */
export const lookupRoutes = (deps: { providers: ProviderIndex; resolver: Resolver }): Hono => {
  const app = new Hono()

  app.get('/', async (c) => {
    const query = LookupQuery.safeParse(c.req.query())
    if (!query.success) return invalidInput(c, query.error, 'email')
    const lang = query.data.lang ?? langFromHeader(c.req.header('accept-language'))
    const { localPart, domain } = splitEmail(query.data.email)
    const email = `${localPart}@${domain}`
    const provider = deps.providers.byDomain(domain) ?? (await byMx(deps, domain))
    if (!provider) {
      return c.json({
        email,
        domain,
        provider: null,
        incoming: [],
        outgoing: [],
        recommended: { incoming: null, outgoing: null },
        hints: [],
      })
    }
    const { incoming, outgoing } = serversFor(provider, email)
    const hints = hintsFor(provider, lang)
    if (provider.servers.imap.length === 0 && provider.servers.pop3.length > 0) {
      hints.push(POP3_ONLY_HINT[lang])
    }
    return c.json({
      email,
      domain,
      provider: { id: provider.id, name: providerName(provider, lang) },
      incoming,
      outgoing,
      recommended: recommendedFor(provider, email),
      hints,
    })
  })

  return app
}
