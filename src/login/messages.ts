/**
 * @module
 * A login verdict in plain words, in both languages, with the provider's own terms: QQ and
 * NetEase call the secret 授权码 and say where to make it, Gmail an app password, Outlook.com
 * takes none. The table's generic message follows the provider's sentence.
 */
import type { ErrorMessage } from '../errors/entry.ts'
import { ERRORS, type LoginResultCode } from '../errors/table.ts'
import type { Lang } from '../model/domain.ts'
import { type Provider, providerName } from '../providers/index.ts'
import type { UsernameForm } from './username.ts'

const OK_TEXT: Record<UsernameForm, ErrorMessage> = {
  address: {
    en: 'The login works, with the full email address as the username.',
    'zh-CN': '登录成功，用户名为完整的邮箱地址。',
  },
  'local-part': {
    en: 'The login works, with the part before the @ as the username.',
    'zh-CN': '登录成功，用户名为 @ 前面的部分。',
  },
  'account-id': {
    en: 'The login works, with the account ID you gave as the username.',
    'zh-CN': '登录成功，用户名为您填写的账户 ID。',
  },
  other: {
    en: 'The login works, with the username you gave.',
    'zh-CN': '登录成功，使用的是您填写的用户名。',
  },
}

/** The provider's sentence about its secret, for the codes where the secret is the likely cause. */
const CREDENTIAL_TEXT: Partial<
  Record<Provider['credential'], (name: string, lang: Lang) => string>
> = {
  'authorization-code': (name, lang) =>
    lang === 'zh-CN'
      ? `${name}在这里要求填写授权码，而不是邮箱登录密码；授权码需要先开启 IMAP/POP3/SMTP 服务后生成。`
      : `${name} wants its authorization code (授权码) here, not your login password; the code is made after switching on IMAP/POP3/SMTP.`,
  'app-password': (name, lang) =>
    lang === 'zh-CN'
      ? `${name}在这里要求填写应用专用密码，而不是账户密码。`
      : `${name} wants an app password here, not your account password.`,
  'oauth2-only': (name, lang) =>
    lang === 'zh-CN'
      ? `${name}不接受邮件程序使用密码登录，只能通过其网页授权（OAuth）登录。`
      : `${name} accepts no password from mail programs: sign in through its own page (OAuth).`,
}

/** Codes where the provider's credential sentence helps. */
const ABOUT_THE_SECRET = new Set<LoginResultCode>([
  'AUTH_FAILED',
  'AUTH_AUTHORIZATION_CODE_REQUIRED',
  'AUTH_APP_PASSWORD_REQUIRED',
  'AUTH_OAUTH_ONLY',
  'SERVICE_NOT_ENABLED',
])

const inLang = (provider: Provider | null, code: LoginResultCode, lang: Lang): string => {
  const generic = ERRORS[code].message[lang]
  if (!provider || !ABOUT_THE_SECRET.has(code)) return generic
  const sentence = CREDENTIAL_TEXT[provider.credential]?.(providerName(provider, lang), lang)
  const steps = provider.enable
    ? `${lang === 'zh-CN' ? '开启方法：' : 'How: '}${provider.enable.steps[lang] ?? provider.enable.steps.en}${provider.enable.url ? ` (${provider.enable.url})` : ''}`
    : ''
  return [sentence, generic, steps].filter(Boolean).join(' ')
}

/**
 * The message of one server's verdict.
 *
 * @example
 * loginMessage('AUTH_FAILED', qq).['zh-CN'] // 'QQ邮箱在这里要求填写授权码，…'
 * loginMessage(null, null, 'local-part').en // 'The login works, with the part before the @ …'
 */
export const loginMessage = (
  code: LoginResultCode | null,
  provider: Provider | null,
  form: UsernameForm = 'address',
): ErrorMessage =>
  code === null
    ? { ...OK_TEXT[form] }
    : { en: inLang(provider, code, 'en'), 'zh-CN': inLang(provider, code, 'zh-CN') }
