/**
 * @module
 * Keeps the secret out of everything a login test hands back. Libraries and servers may echo
 * what they were sent (a server that repeats the username, a library that puts the command in
 * its error), so every text leaving an attempt passes through `hide`: the password, its base64
 * forms (AUTH PLAIN and LOGIN send them) and the usernames become `***`.
 */

export const HIDDEN = '***'

const base64 = (text: string): string => {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/**
 * A function that masks every form of the given secrets in a text.
 *
 * @example
 * const hide = secretMasker({ password: 'hunter2', usernames: ['bob@lab.test', 'bob'] })
 * hide('NO [AUTHENTICATIONFAILED] bob@lab.test hunter2') // 'NO [AUTHENTICATIONFAILED] *** ***'
 */
export const secretMasker = (secrets: { password: string; usernames: string[] }) => {
  const { password, usernames } = secrets
  // Exact forms of the secret (case matters in a password and in base64) and, case-insensitive,
  // the usernames; usernames shorter than 3 characters would mask ordinary words in a reply.
  const exact = new Set<string>()
  if (password) {
    exact.add(password)
    exact.add(base64(password))
    for (const user of usernames) {
      exact.add(base64(`\0${user}\0${password}`))
      exact.add(base64(`${user}\0${user}\0${password}`))
    }
  }
  const patterns = [
    ...[...exact].map((form) => ({ form, flags: 'gu' })),
    ...usernames.filter((user) => user.length >= 3).map((form) => ({ form, flags: 'giu' })),
  ]
    // Longest first, so that a username inside an address is not masked half-way.
    .sort((a, b) => b.form.length - a.form.length)
    .map(({ form, flags }) => new RegExp(escapeRegExp(form), flags))
  return (text: string): string =>
    patterns.reduce((out, pattern) => out.replace(pattern, HIDDEN), text)
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
