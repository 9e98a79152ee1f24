/**
 * @module
 * The texts an Apple profile shows the person installing it (the profile's name and
 * description, the account's description), in English and Simplified Chinese.
 */
import type { Lang } from '../model/domain.ts'
import type { Credential } from '../providers/index.ts'

export interface ProfileTexts {
  /** PayloadDisplayName of the profile. */
  profileName: string
  /** PayloadDescription of the profile. */
  profileDescription: string
  /** PayloadDescription of the mail payload. */
  mailDescription: string
}

const SECRET: Record<Lang, Record<Credential, string>> = {
  en: {
    'account-password': 'the password',
    'app-password': 'an app password (not your normal password)',
    'authorization-code': 'the authorization code (授权码, not your login password)',
    'oauth2-only': 'the password',
    unknown: 'the password',
  },
  'zh-CN': {
    'account-password': '密码',
    'app-password': '应用专用密码（不是平时的登录密码）',
    'authorization-code': '授权码（不是登录密码）',
    'oauth2-only': '密码',
    unknown: '密码',
  },
}

/**
 * `accountId`: the provider's words for the ID it logs in with, which Mail asks for as the user
 * name (the profile leaves it out).
 *
 * @example
 * profileTexts('zh-CN', 'ann@qq.com', 'authorization-code').profileDescription
 * // '设置邮件账户 ann@qq.com。安装描述文件时，邮件 App 会要求输入授权码（不是登录密码）。'
 */
export const profileTexts = (
  lang: Lang,
  email: string,
  credential: Credential,
  accountId: string | null = null,
): ProfileTexts => {
  const secret = SECRET[lang][credential]
  const asked = accountId
    ? lang === 'zh-CN'
      ? `用户名（${accountId}）和${secret}`
      : `the user name (${accountId}) and ${secret}`
    : secret
  return lang === 'zh-CN'
    ? {
        profileName: `邮件：${email}`,
        profileDescription: `设置邮件账户 ${email}。安装描述文件时，邮件 App 会要求输入${asked}。`,
        mailDescription: `邮件账户 ${email}`,
      }
    : {
        profileName: `Mail: ${email}`,
        profileDescription: `Sets up the mail account ${email}. Mail asks for ${asked} when the profile is installed.`,
        mailDescription: `Mail account ${email}`,
      }
}
