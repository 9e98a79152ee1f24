/**
 * @module
 * `GET /mobileconfig?emailaddress=…[&protocol=imap|pop3][&lang=en|zh-CN]`: an Apple configuration profile for
 * iOS, iPadOS and macOS Mail, signed when a signer is configured (MAILSETUP_PROFILE_CERT and
 * MAILSETUP_PROFILE_KEY, see formats/sign-node.ts).
 */
import { type Context, Hono } from 'hono'
import { offeredServers } from '../formats/offered.ts'
import { profileIds } from '../formats/profile-ids.ts'
import type { AccountSettings, SettingsSource } from '../diagnose/account-settings.ts'
import { apiError } from './api-error.ts'
import type { Lang } from '../model/domain.ts'
import { LangSchema, langFromHeader } from '../openapi/requests.ts'
import { addressParam } from './format-address.ts'
import type { IncomingProtocol } from '../model/domain.ts'

export const MOBILECONFIG_PATH = '/mobileconfig'

export interface MobileconfigDeps {
  settings: SettingsSource
  /** Signs the profile XML (CMS signedData, DER); unsigned when absent. */
  sign?: (xml: string) => Promise<Uint8Array> | Uint8Array
  /** Reverse-DNS prefix of PayloadIdentifier; default 'email.mailsetup'. */
  identifierPrefix?: string
  /** PayloadOrganization; default 'mailsetup'. */
  organization?: string
}

export type ProfileSigning = Pick<MobileconfigDeps, 'sign' | 'identifierPrefix' | 'organization'>

/** The `protocol` query parameter: absent, imap or pop3; anything else is a 400 naming it. */
export const protocolParam = (
  c: Context,
): { ok: true; wanted?: IncomingProtocol } | { ok: false; response: Response } => {
  const wanted = c.req.query('protocol')
  if (wanted === undefined || wanted === 'imap' || wanted === 'pop3') return { ok: true, wanted }
  return {
    ok: false,
    response: apiError(c, 'INVALID_INPUT', 'protocol must be imap or pop3', 'protocol'),
  }
}

/** The `lang` query parameter: absent (then Accept-Language decides), en or zh-CN; else a 400. */
export const langParam = (
  c: Context,
): { ok: true; lang: Lang } | { ok: false; response: Response } => {
  const value = c.req.query('lang')
  if (value === undefined)
    return { ok: true, lang: langFromHeader(c.req.header('accept-language')) }
  const parsed = LangSchema.safeParse(value)
  if (parsed.success) return { ok: true, lang: parsed.data }
  return {
    ok: false,
    response: apiError(c, 'INVALID_INPUT', 'lang must be en or zh-CN', 'lang'),
  }
}

/**
 * The profile for some settings as a download: 404 NO_SETTINGS when no incoming or no outgoing
 * server is known. Its visible texts are in `lang`, or in the request's language.
 */
export const mobileconfigResponse = async (
  c: Context,
  settings: AccountSettings,
  wanted: IncomingProtocol | undefined,
  deps: ProfileSigning,
  lang?: Lang,
) => {
  const asked = langParam(c)
  const language = lang ?? (asked.ok ? asked.lang : 'en')
  const offered = offeredServers(settings)
  const incoming = wanted
    ? offered.incoming.find((s) => s.protocol === wanted)
    : offered.incoming[0]
  const outgoing = offered.outgoing[0]
  if (!incoming || !outgoing) {
    const what = wanted ? `${wanted.toUpperCase()} settings` : 'settings'
    return apiError(c, 'NO_SETTINGS', `No ${what} are known for ${settings.domain}.`)
  }
  const ids = await profileIds(settings.email, incoming, outgoing, deps.identifierPrefix)
  // plist and its XML builder (50 ms and some MB) load with the first profile, not at start.
  const { renderMobileconfig } = await import('../formats/mobileconfig.ts')
  const xml = renderMobileconfig(settings, incoming, outgoing, ids, {
    organization: deps.organization,
    lang: language,
  })
  // A copy: the signer may hand back a view on a shared buffer, which Response cannot take.
  const body = deps.sign ? new Uint8Array(await deps.sign(xml)) : new TextEncoder().encode(xml)
  return c.body(body, 200, {
    'Content-Type': 'application/x-apple-aspen-config',
    'Content-Disposition': `attachment; filename="${settings.domain}.mobileconfig"`,
    'Cache-Control': 'no-store',
    Vary: 'Accept-Language',
  })
}

/**
 * Mount at `/`. Unknown domain, or no incoming or no outgoing server: 404 NO_SETTINGS (the
 * same for every local part). `protocol=pop3` picks the best POP3 server instead of the best
 * incoming one (400 naming `protocol` for anything but imap or pop3).
 *
 * @example
 * app.route('/', mobileconfigRoutes({ settings, sign }))
 * // GET /mobileconfig?emailaddress=ann@qq.com → 200 application/x-apple-aspen-config, attachment
 */
export const mobileconfigRoutes = (deps: MobileconfigDeps): Hono => {
  const app = new Hono()
  app.get(MOBILECONFIG_PATH, async function mobileconfig(c) {
    const param = addressParam(c, ['emailaddress', 'email'])
    if (!param.ok) return param.response
    const protocol = protocolParam(c)
    if (!protocol.ok) return protocol.response
    const lang = langParam(c)
    if (!lang.ok) return lang.response
    const settings = await deps.settings(param.address.email, c.req.raw.signal)
    return mobileconfigResponse(c, settings, protocol.wanted, deps, lang.lang)
  })
  return app
}
