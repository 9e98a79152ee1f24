/**
 * @module
 * Which secret goes into the password field, and which form of username the server expects.
 */
import type { CandidateServer } from '../discovery/types.ts'
import { splitEmail } from '../providers/expand.ts'
import { localizeAdvice } from '../providers/hints.ts'
import type { Provider } from '../providers/schema.ts'
import { oauthClientList } from './oauth-clients.ts'
import { say, type TextCode } from './texts.ts'
import type { Recommendation } from './types.ts'
import type { Lang } from '../model/domain.ts'

const CREDENTIAL_TEXT: Record<Provider['credential'], TextCode> = {
  'account-password': 'CREDENTIAL_ACCOUNT_PASSWORD',
  'app-password': 'CREDENTIAL_APP_PASSWORD',
  'authorization-code': 'CREDENTIAL_AUTHORIZATION_CODE',
  'oauth2-only': 'CREDENTIAL_OAUTH2_ONLY',
  unknown: 'CREDENTIAL_UNKNOWN',
}

/**
 * The secret to type: the provider's known credential, else the account password. With a
 * provider, also its own credential hints (`hint`: "only a 16-character 授权码 works") and the page
 * where access is switched on or the code made (`url`), for the password field of the login test.
 *
 * @example
 * credentialFor(qq, 'zh-CN') // { kind: 'authorization-code', text: '请输入在网页版邮箱设置中生成的授权码，…', hint: '自2022年11月1日起…', url: 'https://service.mail.qq.com/…' }
 */
export const credentialFor = (
  provider: (Pick<Provider, 'credential'> & Partial<Pick<Provider, 'hints' | 'enable'>>) | null,
  lang: Lang,
): Recommendation['credential'] => {
  const kind = provider?.credential ?? 'account-password'
  const params = kind === 'oauth2-only' ? { clients: oauthClientList() } : undefined
  const text = say({ code: CREDENTIAL_TEXT[kind], params }, lang).text
  const hint = (provider?.hints ?? [])
    .filter((h) => h.kind === 'credential')
    .map((h) => localizeAdvice(h.text, lang))
    .join(' ')
  const url = provider?.enable?.url
  return { kind, text, ...(hint ? { hint } : {}), ...(url ? { url } : {}) }
}

/**
 * The username form of a server compared with the address: the full address, its local part
 * (case-insensitively, and with the domain in Unicode or punycode) or something else. With
 * `accountId` (the provider's name for the ID it logs in with, in the user's language) it is
 * that ID, whatever the server's template says: the address does not tell it.
 *
 * @example
 * usernameFor('ann@web.de', { ...imap, username: 'ann' }) // { form: 'local-part', value: 'ann' }
 * usernameFor('ann@docomo.ne.jp', imap, 'your d ACCOUNT ID (dアカウントID)') // { form: 'account-id', value: 'your d ACCOUNT ID (dアカウントID)' }
 */
export const usernameFor = (
  email: string,
  server: Pick<CandidateServer, 'username'> | null,
  accountId: string | null = null,
): Recommendation['username'] => {
  if (!server) return null
  if (accountId) return { form: 'account-id', value: accountId }
  const value = server.username
  const wanted = value.trim().toLowerCase()
  if (wanted === email.trim().toLowerCase()) return { form: 'address', value }
  if (!email.includes('@')) return { form: 'other', value }
  const { localPart, domain } = splitEmail(email)
  if (wanted === `${localPart}@${domain}`.toLowerCase()) return { form: 'address', value }
  if (wanted === localPart.toLowerCase()) return { form: 'local-part', value }
  return { form: 'other', value }
}
