/**
 * @module
 * Which secret goes into the password field, and which form of username the server expects.
 */
import type { CandidateServer } from '../discovery/types.ts'
import { splitEmail } from '../providers/expand.ts'
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
 * The secret to type: the provider's known credential, else the account password.
 *
 * @example
 * credentialFor(qq, 'zh-CN') // { kind: 'authorization-code', text: '请输入在网页版邮箱设置中生成的授权码，…' }
 */
export const credentialFor = (
  provider: Pick<Provider, 'credential'> | null,
  lang: Lang,
): Recommendation['credential'] => {
  const kind = provider?.credential ?? 'account-password'
  const params = kind === 'oauth2-only' ? { clients: oauthClientList() } : undefined
  return { kind, text: say({ code: CREDENTIAL_TEXT[kind], params }, lang).text }
}

/**
 * The username form of a server compared with the address: the full address, its local part
 * (case-insensitively, and with the domain in Unicode or punycode) or something else.
 *
 * @example
 * usernameFor('ann@web.de', { ...imap, username: 'ann' }) // { form: 'local-part', value: 'ann' }
 */
export const usernameFor = (
  email: string,
  server: Pick<CandidateServer, 'username'> | null,
): Recommendation['username'] => {
  if (!server) return null
  const value = server.username
  const wanted = value.trim().toLowerCase()
  if (wanted === email.trim().toLowerCase()) return { form: 'address', value }
  if (!email.includes('@')) return { form: 'other', value }
  const { localPart, domain } = splitEmail(email)
  if (wanted === `${localPart}@${domain}`.toLowerCase()) return { form: 'address', value }
  if (wanted === localPart.toLowerCase()) return { form: 'local-part', value }
  return { form: 'other', value }
}
