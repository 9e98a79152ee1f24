/**
 * @module
 * Usernames written back as the placeholders Mozilla's format expects, so that one answer
 * serves every address and clients expand them themselves.
 */
import { splitEmail } from '../providers/index.ts'

/**
 * `%EMAILADDRESS%` when the username is the address (either domain form, any case),
 * `%EMAILLOCALPART%` when it is the local part, else the username itself.
 *
 * @example
 * usernameTemplate('ann@qq.com', 'ann@qq.com') // '%EMAILADDRESS%'
 * usernameTemplate('ann', 'ann@icloud.com') // '%EMAILLOCALPART%'
 */
export const usernameTemplate = (username: string, email: string): string => {
  const { localPart, domain } = splitEmail(email)
  const wanted = username.trim()
  const at = wanted.lastIndexOf('@')
  if (at > 0) {
    const sameLocal = wanted.slice(0, at).toLowerCase() === localPart.toLowerCase()
    if (sameLocal && splitEmail(wanted).domain === domain) return '%EMAILADDRESS%'
  }
  if (wanted.toLowerCase() === localPart.toLowerCase()) return '%EMAILLOCALPART%'
  return username
}
