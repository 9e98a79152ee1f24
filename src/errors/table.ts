/**
 * @module
 * The one table of every code the service reports: probe codes, discovery codes, login-test
 * codes and API codes,
 * each with its kind, its message in en and zh-CN, and its HTTP status or default probe status
 * where it has one. The UI, the i18n layer, the README and API clients key on the code, never
 * on a message. A code appears once: the parts below may not share a key.
 */
import { API_CODES } from './api-codes.ts'
import { DISCOVERY_CODES } from './discovery-codes.ts'
import type { ErrorEntry, ErrorMessage } from './entry.ts'
import { LOGIN_CODES } from './login-codes.ts'
import { PROBE_CODES } from './probe-codes.ts'

export const ERRORS = {
  ...PROBE_CODES,
  ...DISCOVERY_CODES,
  ...LOGIN_CODES,
  ...API_CODES,
} as const satisfies Record<string, ErrorEntry>

export type ErrorCode = keyof typeof ERRORS
export type ProbeCode = keyof typeof PROBE_CODES
export type DiscoveryCode = keyof typeof DISCOVERY_CODES
export type LoginCode = keyof typeof LOGIN_CODES
/** What a login test's result may say: its own codes, or the probe engine's network and TLS codes. */
export type LoginResultCode = LoginCode | ProbeCode
/** A code an API error body may carry: every row with an HTTP status. */
export type ApiCode = {
  [K in ErrorCode]: (typeof ERRORS)[K] extends { http: number } ? K : never
}[ErrorCode]

export const PROBE_CODE_LIST = Object.keys(PROBE_CODES) as [ProbeCode, ...ProbeCode[]]
export const LOGIN_RESULT_CODE_LIST = [...Object.keys(LOGIN_CODES), ...PROBE_CODE_LIST] as [
  LoginResultCode,
  ...LoginResultCode[],
]
export const API_CODE_LIST = (Object.keys(ERRORS) as ErrorCode[]).filter(
  (code): code is ApiCode => 'http' in ERRORS[code],
) as [ApiCode, ...ApiCode[]]

/** A probe result's message when nothing is wrong. */
export const OK_MESSAGE: ErrorMessage = {
  en: 'The server answered correctly and the connection is secure.',
  'zh-CN': '服务器响应正常，连接安全。',
}

/**
 * The message for a code in both languages, or the all-good text when there is no code.
 *
 * @example
 * messageFor('TCP_REFUSED').en // 'The server refused the connection: …'
 */
export const messageFor = (code: ErrorCode | null): ErrorMessage =>
  code ? { ...ERRORS[code].message } : { ...OK_MESSAGE }
