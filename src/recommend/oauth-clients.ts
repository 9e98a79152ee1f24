/**
 * @module
 * The guided mail clients that can sign in through a provider's own web page (OAuth2), which
 * an OAuth-only account needs. One list: the report names them, and the guides (a higher
 * layer) read it to decide which of their clients can set such an account up.
 */
import type { Localized } from './texts.ts'

export interface OAuthClient {
  /** The guide's client id. */
  id: string
  name: Localized
}

/**
 * Thunderbird and Thunderbird for Android list OAuth2 among their authentication methods in
 * their own strings; the Outlooks, Apple Mail and Gmail sign in to Microsoft, Google and Yahoo
 * accounts through those providers' pages. Foxmail and Mail Master are left out: no source
 * showed them doing it.
 */
export const OAUTH_CLIENTS: readonly OAuthClient[] = [
  { id: 'outlook', name: { en: 'Outlook (classic)', 'zh-CN': 'Outlook（经典版）' } },
  { id: 'new-outlook', name: { en: 'the new Outlook', 'zh-CN': '新版 Outlook' } },
  { id: 'thunderbird', name: { en: 'Thunderbird', 'zh-CN': 'Thunderbird' } },
  { id: 'apple-mail', name: { en: 'Mail on the Mac', 'zh-CN': 'Mac 上的邮件 App' } },
  { id: 'ios-mail', name: { en: 'iPhone/iPad Mail', 'zh-CN': 'iPhone/iPad 上的邮件 App' } },
  { id: 'gmail-android', name: { en: 'Gmail for Android', 'zh-CN': 'Android 版 Gmail' } },
  {
    id: 'thunderbird-android',
    name: { en: 'Thunderbird for Android', 'zh-CN': 'Android 版 Thunderbird' },
  },
]

/**
 * The clients' names as one list per language, for a text's `{clients}`.
 *
 * @example
 * oauthClientList().en // 'Outlook (classic), the new Outlook, Thunderbird, …'
 */
export const oauthClientList = (): Localized => ({
  en: OAUTH_CLIENTS.map((c) => c.name.en).join(', '),
  'zh-CN': OAUTH_CLIENTS.map((c) => c.name['zh-CN']).join('、'),
})
