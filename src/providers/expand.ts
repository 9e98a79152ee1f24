/**
 * @module
 * Pure expansion of a provider's templates (%EMAILADDRESS%, %EMAILLOCALPART%, %EMAILDOMAIN%) for
 * one address. Which server to recommend is src/recommend's job.
 */
import { normalizeDomain } from './domain.ts'

/** Splits an address at its last '@'; the domain is normalised (IDN → punycode). */
export const splitEmail = (email: string): { localPart: string; domain: string } => {
  const at = email.lastIndexOf('@')
  return { localPart: email.slice(0, at).trim(), domain: normalizeDomain(email.slice(at + 1)) }
}

/**
 * The username an address gives in one of the two forms it alone determines.
 * @example
 * usernameInForm('ann@126.com', 'local-part') // 'ann'
 */
export const usernameInForm = (email: string, form: 'address' | 'local-part'): string => {
  const { localPart, domain } = splitEmail(email)
  return form === 'address' ? `${localPart}@${domain}` : localPart
}

/**
 * Replaces %EMAILADDRESS%, %EMAILLOCALPART% and %EMAILDOMAIN% for one address.
 * @example
 * expandPlaceholders('%EMAILLOCALPART%', 'ann@126.com') // 'ann'
 */
export const expandPlaceholders = (template: string, email: string): string => {
  const { localPart, domain } = splitEmail(email)
  return template
    .replaceAll('%EMAILADDRESS%', `${localPart}@${domain}`)
    .replaceAll('%EMAILLOCALPART%', localPart)
    .replaceAll('%EMAILDOMAIN%', domain)
}
