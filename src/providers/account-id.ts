/**
 * @module
 * Providers whose login is an ID they issue, which the address does not tell (docomo's d ACCOUNT
 * ID): every face that states a username says "your <the provider's name for it>" instead.
 */
import { localizeAdvice } from './hints.ts'
import type { Provider } from './schema.ts'
import type { Lang } from '../model/domain.ts'

/**
 * What to type as the username, in words, in `lang`; null when the address (or a part of it)
 * is the login.
 *
 * @example
 * accountIdLabel(docomo, 'en') // 'your d ACCOUNT ID (dアカウントID), which need not be your mail address'
 * accountIdLabel(qq, 'en') // null
 */
export const accountIdLabel = (
  provider: Pick<Provider, 'accountId'> | null | undefined,
  lang: Lang,
): string | null => (provider?.accountId ? localizeAdvice(provider.accountId.label, lang) : null)

/**
 * The ID's short name for a client's username field (Mozilla autoconfig's `<username>`,
 * Autodiscover's `LoginName`), in `lang`: the provider's `short` words, else its label; null when
 * the address (or a part of it) is the login.
 *
 * @example
 * accountIdShort(docomo, 'en') // 'd ACCOUNT ID (dアカウントID)'
 */
export const accountIdShort = (
  provider: Pick<Provider, 'accountId'> | null | undefined,
  lang: Lang,
): string | null => {
  const id = provider?.accountId
  return id ? localizeAdvice(id.short ?? id.label, lang) : null
}
