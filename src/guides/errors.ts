/**
 * @module
 * The usual errors a guide lists, keyed by probe code and by the login-test codes that the
 * account's credential makes likely (AUTH_FAILED, and e.g. AUTH_AUTHORIZATION_CODE_REQUIRED for
 * QQ Mail: what POST /api/v1/login-test answers is what the guide explains), plus
 * SEND_AUTH_REQUIRED, each with its fix in the client's own words (the encryption choice as the
 * client names it).
 */
import { ERRORS, type LoginCode, type ProbeCode } from '../errors/table.ts'
import type { Credential } from '../providers/index.ts'
import { message } from './messages.ts'
import type { ClientSpec, GuideError } from './types.ts'
import type { Lang } from '../model/domain.ts'

const PROBE_ERRORS = [
  'TCP_TIMEOUT',
  'TCP_REFUSED',
  'GREETING_TIMEOUT',
  'TLS_HANDSHAKE',
  'TLS_CERT_NAME',
  'TLS_CERT_UNTRUSTED',
  'STARTTLS_UNSUPPORTED',
] as const satisfies readonly ProbeCode[]

/** The login-test codes a guide explains, by the credential the provider asks for. */
const LOGIN_ERRORS = {
  'account-password': ['TOO_MANY_FAILURES'],
  'app-password': ['AUTH_APP_PASSWORD_REQUIRED', 'TOO_MANY_FAILURES'],
  'authorization-code': [
    'AUTH_AUTHORIZATION_CODE_REQUIRED',
    'SERVICE_NOT_ENABLED',
    'TOO_MANY_FAILURES',
  ],
  'oauth2-only': ['AUTH_OAUTH_ONLY'],
  unknown: ['SERVICE_NOT_ENABLED', 'TOO_MANY_FAILURES'],
} as const satisfies Readonly<Record<Credential, readonly LoginCode[]>>

/** A login-test code that a guide explains. */
type GuideLoginCode = (typeof LOGIN_ERRORS)[Credential][number]

/**
 * @example
 * usualErrors(CLIENTS.foxmail, 'zh-CN', 'authorization-code', vars, { usesStarttls: false })[0]
 * // { code: 'AUTH_FAILED', symptom: '客户端提示用户名或密码错误…', fix: '在QQ邮箱，这说明没有使用授权码…' }
 */
export const usualErrors = (
  spec: ClientSpec,
  lang: Lang,
  credential: Credential,
  vars: Readonly<Record<string, string>>,
  options: { usesStarttls: boolean },
): GuideError[] => {
  const wording = (code: string): Pick<GuideError, 'clientMessage'> => {
    const own = spec.errorWording?.[code]
    return own && (own.sources[lang] ?? []).length > 0
      ? { clientMessage: message(lang, own.text) }
      : {}
  }
  const probe = PROBE_ERRORS.filter(
    (code) => code !== 'STARTTLS_UNSUPPORTED' || !options.usesStarttls,
  ).map((code): GuideError => ({
    code,
    symptom: ERRORS[code].message[lang],
    ...wording(code),
    fix: message(lang, `error.${code}.fix`, vars),
  }))
  const login = (LOGIN_ERRORS[credential] as readonly GuideLoginCode[]).map((code): GuideError => ({
    code,
    symptom: ERRORS[code].message[lang],
    ...wording(code),
    fix: message(lang, `error.${code}.fix`, vars),
  }))
  return [
    {
      code: 'AUTH_FAILED',
      symptom: message(lang, 'error.AUTH_FAILED.symptom', vars),
      ...wording('AUTH_FAILED'),
      fix: message(lang, `error.AUTH_FAILED.fix.${credential}`, vars),
    },
    ...login,
    {
      code: 'SEND_AUTH_REQUIRED',
      symptom: message(lang, 'error.SEND_AUTH_REQUIRED.symptom', vars),
      fix: message(lang, 'error.SEND_AUTH_REQUIRED.fix', vars),
    },
    ...probe,
  ]
}
