/**
 * @module
 * The address parameter of the autoconfig endpoints, read the same way by each of them.
 */
import type { Context } from 'hono'
import type { ParsedAddress } from '../formats/email-address.ts'
import { FormatAddressSchema } from '../openapi/requests.ts'
import { apiError } from './api-error.ts'

export type AddressParam = { ok: true; address: ParsedAddress } | { ok: false; response: Response }

/**
 * Reads `name` from the query string (the first of `names` present); a missing or invalid
 * address is a 400 naming the parameter.
 *
 * @example
 * const param = addressParam(c, ['emailaddress', 'email'])
 * if (!param.ok) return param.response
 */
export const addressParam = (c: Context, names: readonly [string, ...string[]]): AddressParam => {
  const name = names.find((n) => c.req.query(n) !== undefined) ?? names[0]
  const value = c.req.query(name) ?? ''
  const parsed = FormatAddressSchema.safeParse(value)
  if (parsed.success) return { ok: true, address: parsed.data }
  const message = value.trim() === '' ? `${name} is required` : 'Invalid email address'
  return { ok: false, response: apiError(c, 'INVALID_INPUT', message, name) }
}
