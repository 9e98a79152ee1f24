/**
 * @module
 * `GET /mail/config-v1.1.xml?emailaddress=…` and
 * `GET /.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=…`: Mozilla autoconfig, so
 * this service can be a domain's autoconfig server (autoconfig.<domain> pointed at it).
 */
import { Hono, type Context } from 'hono'
import { SELF_REQUEST_HEADER } from '../discovery/http.ts'
import { renderAutoconfig } from '../formats/autoconfig.ts'
import type { AccountSettings, SettingsSource } from '../diagnose/account-settings.ts'
import { apiError } from './api-error.ts'
import { addressParam } from './format-address.ts'

/** The paths Thunderbird and other clients ask (on autoconfig.<domain> and on <domain>). */
export const AUTOCONFIG_PATHS = [
  '/mail/config-v1.1.xml',
  '/.well-known/autoconfig/mail/config-v1.1.xml',
] as const

/** The config-v1.1.xml answer for some settings; 404 NO_SETTINGS when no incoming server is known. */
export const autoconfigResponse = (c: Context, settings: AccountSettings) => {
  const xml = renderAutoconfig(settings)
  if (xml === null)
    return apiError(c, 'NO_SETTINGS', `No settings are known for ${settings.domain}.`)
  c.header('Cache-Control', 'private, max-age=300')
  return c.body(xml, 200, { 'Content-Type': 'text/xml; charset=utf-8' })
}

export interface AutoconfigDeps {
  /** The full source: operator overlay, provider database, then discovery. */
  settings: SettingsSource
  /**
   * What is known without discovery (overlay and provider database), for a request that comes
   * from this service's own discovery (SELF_REQUEST_HEADER): discovering again would only wait
   * on itself until the autoconfig timeout.
   */
  known: SettingsSource
}

/**
 * Mount at `/`. An unknown domain answers 404 NO_SETTINGS (clients go on to their next method);
 * the answer depends on the domain only, never on the local part.
 *
 * @example
 * app.route('/', autoconfigRoutes({ settings, known: settingsFromProviders(index) }))
 * // GET /mail/config-v1.1.xml?emailaddress=ann@qq.com → 200 text/xml <clientConfig version="1.1">…
 */
export const autoconfigRoutes = (deps: AutoconfigDeps): Hono => {
  const app = new Hono()
  const handler = async function autoconfig(c: Context) {
    const param = addressParam(c, ['emailaddress'])
    if (!param.ok) return param.response
    const source = c.req.header(SELF_REQUEST_HEADER) ? deps.known : deps.settings
    return autoconfigResponse(c, await source(param.address.email, c.req.raw.signal))
  }
  for (const path of AUTOCONFIG_PATHS) app.get(path, handler)
  return app
}
