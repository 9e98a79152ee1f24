/**
 * @module
 * The email address and language inputs every account route shares.
 */
import { z } from 'zod'
import { LANGS, type Lang, isHostName, splitEmail } from '../providers/index.ts'

/** A plausible address: a local part without spaces or specials that need quoting, and a host name. */
export const isEmail = (value: string): boolean => {
  const at = value.lastIndexOf('@')
  if (at < 1 || at > 64) return false
  const local = value.slice(0, at)
  if (/[\s@<>()[\]\\,;:"]/.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return false
  }
  return isHostName(splitEmail(value).domain)
}

export const EmailSchema = z
  .string()
  .trim()
  .min(1, 'email is required')
  .max(254, 'email is longer than 254 characters')
  .refine(isEmail, 'Invalid email address')

export const LangSchema = z.enum(LANGS)

/** zh* in Accept-Language → zh-CN, anything else → en. */
export const langFromHeader = (header: string | undefined): Lang => (/^\s*zh/i.test(header ?? '') ? 'zh-CN' : 'en')
