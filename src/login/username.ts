/**
 * @module
 * Which username a login test types: the one the request gives, else the form discovery found
 * (full address or local part); after a plain AUTH_FAILED, the other form once. A provider whose
 * login is an ID it issues (docomo's d ACCOUNT ID) gets the given username only.
 */
import type { UsernameForm } from '../model/domain.ts'
import { splitEmail, usernameInForm } from '../providers/index.ts'

export type { UsernameForm }

export interface UsernameChoice {
  form: UsernameForm
  value: string
}

/**
 * The form of `username` for `email`.
 *
 * @example
 * formOf('ann@example.com', 'ann') // 'local-part'
 */
export const formOf = (email: string, username: string): Exclude<UsernameForm, 'account-id'> => {
  const { localPart, domain } = splitEmail(email)
  const wanted = username.trim().toLowerCase()
  if (wanted === email.trim().toLowerCase() || wanted === `${localPart}@${domain}`.toLowerCase())
    return 'address'
  if (wanted === localPart.toLowerCase()) return 'local-part'
  return 'other'
}

/**
 * The usernames to try, in order: the first choice, then the other form when there is one.
 * At most two, so a request never makes more than two attempts per server. With `accountId`
 * only the request's username is tried (the route refuses a request without one): neither form
 * of the address is the login there.
 *
 * @example
 * usernamesToTry('ann@example.com', { explicit: undefined, discovered: 'ann@example.com' })
 * // [{ form: 'address', value: 'ann@example.com' }, { form: 'local-part', value: 'ann' }]
 */
export const usernamesToTry = (
  email: string,
  input: { explicit?: string; discovered?: string; accountId?: boolean },
): UsernameChoice[] => {
  if (input.accountId) return input.explicit ? [{ form: 'account-id', value: input.explicit }] : []
  const first = input.explicit ?? input.discovered ?? email
  const form = formOf(email, first)
  const chosen = { form, value: form === 'other' ? first : usernameInForm(email, form) }
  if (form === 'other') return [chosen]
  const other = form === 'address' ? 'local-part' : 'address'
  return [chosen, { form: other, value: usernameInForm(email, other) }]
}
