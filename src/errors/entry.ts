/**
 * @module
 * The shape of one row of the error table (table.ts): every code the service reports has a
 * kind, a message in both languages, and, where it applies, an HTTP status and a probe status.
 */

/** How a probe came out; a code's default status is never `ok`. */
export type ProbeStatus = 'ok' | 'warning' | 'error'

/** The HTTP statuses an API error answers with. */
export type ErrorHttpStatus = 400 | 401 | 403 | 404 | 405 | 413 | 415 | 429 | 500 | 501

/** A text in each language the service speaks (the same keys as the `Lang` of the model). */
export interface ErrorMessage {
  en: string
  'zh-CN': string
}

/**
 * Where the code shows up: a probe result, a discovery source report, a login test's result
 * (POST /api/v1/login-test), or an API error body.
 */
export type ErrorKind = 'probe' | 'discovery' | 'login' | 'api'

export interface ProbeEntry {
  kind: 'probe'
  status: Exclude<ProbeStatus, 'ok'>
  /** Set when the API also answers with this code (a refused target is a 403). */
  http?: ErrorHttpStatus
  message: ErrorMessage
}

export interface DiscoveryEntry {
  kind: 'discovery'
  message: ErrorMessage
}

/** A login test's verdict for one server; its `message` is the generic text (login/messages.ts adds the provider's). */
export interface LoginEntry {
  kind: 'login'
  message: ErrorMessage
}

export interface ApiEntry {
  kind: 'api'
  http: ErrorHttpStatus
  message: ErrorMessage
}

export type ErrorEntry = ProbeEntry | DiscoveryEntry | LoginEntry | ApiEntry
