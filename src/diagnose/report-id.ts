/**
 * @module
 * Report ids and delete tokens: random, URL-safe (base64url), from the Web Crypto API so every
 * runtime has them. An id carries 128 random bits, a token 256; only a token's SHA-256 is stored.
 */

const ID_BYTES = 16
const TOKEN_BYTES = 32

/** 16 bytes in base64url: 22 characters of A–Z, a–z, 0–9, `-`, `_`. */
export const REPORT_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')

const random = (n: number) => base64url(crypto.getRandomValues(new Uint8Array(n)))

/** @example newReportId() // 'q3Jx0b7VhYtH2c9pZ1mA4w' */
export const newReportId = (): string => random(ID_BYTES)

export const newDeleteToken = (): string => random(TOKEN_BYTES)

export const isReportId = (id: string): boolean => REPORT_ID_PATTERN.test(id)

/** SHA-256 of the token, hex. */
export const hashToken = async (token: string): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** Compares two hex hashes without an early exit (their length is fixed and public). */
export const sameHash = (a: string, b: string): boolean => {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}
