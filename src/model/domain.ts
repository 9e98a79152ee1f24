/**
 * @module
 * The shared domain types of the service: mail protocols, TLS modes, the languages it speaks,
 * and what a user says about how they read mail. The server and web/ import them from here, so
 * each is defined once (the provider schema, the probes, the request schemas and the page all
 * mean the same `Protocol`).
 */

export const PROTOCOLS = ['imap', 'pop3', 'smtp'] as const
export type Protocol = (typeof PROTOCOLS)[number]

/** The protocols a mail client reads with; SMTP only sends. */
export const INCOMING_PROTOCOLS = ['imap', 'pop3'] as const
export type IncomingProtocol = (typeof INCOMING_PROTOCOLS)[number]

/** `tls`: implicit TLS from the first byte; `starttls`: plaintext, then upgraded; `none`: never. */
export const SECURITIES = ['tls', 'starttls', 'none'] as const
export type Security = (typeof SECURITIES)[number]

/**
 * How the username relates to the address: the address itself, its local part, an ID the
 * provider issues that the address does not tell (`account-id`: docomo's d ACCOUNT ID), or
 * something else the user gave.
 */
export const USERNAME_FORMS = ['address', 'local-part', 'account-id', 'other'] as const
export type UsernameForm = (typeof USERNAME_FORMS)[number]

export const LANGS = ['en', 'zh-CN'] as const
export type Lang = (typeof LANGS)[number]

export const isLang = (value: unknown): value is Lang =>
  typeof value === 'string' && (LANGS as readonly string[]).includes(value)

/** What the user told us about how they read mail (POST /api/v1/diagnose `needs`). */
export interface Needs {
  devices?: 'one' | 'several'
  keepOnServer?: boolean
  offline?: boolean
  serverQuotaSmall?: boolean
}
