/**
 * @module
 * The email address and language inputs every account route shares.
 */
import { z } from 'zod'
import { parseAddress } from '../formats/email-address.ts'
import { LANGS, type Lang } from '../model/domain.ts'

/**
 * A plausible address for the API: what the format endpoints accept (parseAddress), and a local
 * part without the specials that need quoting and without stray dots.
 */
export const isEmail = (value: string): boolean => {
  const local = parseAddress(value)?.localPart
  if (local === undefined) return false
  return !(
    /[\s@<>()[\]\\,;:"]/.test(local) ||
    local.startsWith('.') ||
    local.endsWith('.') ||
    local.includes('..')
  )
}

export const EmailSchema = z
  .string()
  .trim()
  .min(1, 'email is required')
  .max(254, 'email is longer than 254 characters')
  .refine(isEmail, 'Invalid email address')

export const LangSchema = z.enum(LANGS)

/** zh* in Accept-Language → zh-CN, anything else → en. */
export const langFromHeader = (header: string | undefined): Lang =>
  /^\s*zh/i.test(header ?? '') ? 'zh-CN' : 'en'
