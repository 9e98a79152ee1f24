/**
 * @module
 * The address check shared by the format endpoints and the guides. Lenient about the local part
 * (RFC 5322 allows `&`, `'`, `+` and, quoted, `"` or `<`; every renderer escapes them), strict
 * about the domain (a host name, IDN converted to ASCII).
 */
import { isHostName, splitEmail } from '../providers/index.ts'

export interface ParsedAddress {
  /** `local@ascii-domain`. */
  email: string
  localPart: string
  /** ASCII (punycode) form. */
  domain: string
}

// Control characters and whitespace never belong in an address a client would accept.
// eslint-disable-next-line no-control-regex
const BAD_LOCAL = /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/u

/**
 * Parses an address, or returns null when it is not one.
 *
 * @example
 * parseAddress('O\'Brien&Co@Bücher.Example') // { email: "O'Brien&Co@xn--bcher-kva.example", localPart: "O'Brien&Co", domain: 'xn--bcher-kva.example' }
 * parseAddress('no-at-sign') // null
 */
export const parseAddress = (input: string): ParsedAddress | null => {
  const value = input.trim()
  if (value.length > 254) return null
  const at = value.lastIndexOf('@')
  if (at < 1) return null
  const raw = value.slice(0, at)
  if (raw.length > 64 || BAD_LOCAL.test(raw)) return null
  const { localPart, domain } = splitEmail(value)
  if (localPart !== raw || !isHostName(domain)) return null
  return { email: `${localPart}@${domain}`, localPart, domain }
}
