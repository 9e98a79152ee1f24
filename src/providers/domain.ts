/**
 * @module
 * Domain and host name normalisation shared by the index, the overlay loader and the importer.
 */
import { checkHostName } from '../security/host-name.ts'
import { toAsciiDomain } from '../util/idn.ts'

/**
 * Normalises a domain or host name for hash lookups: trims, lower-cases, drops one trailing
 * dot and converts IDN labels to punycode. Returns '' when the input is not a usable name.
 *
 * @example
 * normalizeDomain(' Example.COM. ') // 'example.com'
 * normalizeDomain('例子.中国') // 'xn--fsqu00a.xn--fiqs8s'
 */
export const normalizeDomain = (input: string): string => {
  let name = input.trim().toLowerCase()
  if (name.endsWith('.')) name = name.slice(0, -1)
  if (name === '' || name.startsWith('.') || name.includes('..')) return ''
  // toAsciiDomain returns '' for names it cannot convert (bad characters, empty labels).
  return /^[a-z0-9.-]+$/.test(name) ? name : toAsciiDomain(name)
}

/**
 * True when `name` (already normalised) is a host name the target guard accepts: the guard's one
 * rule (security/host-name.ts), so an address or domain that passes here never fails there
 * (no IP literal, no `.local`/`.internal`/`.localhost`…, no numeric top label, valid punycode).
 */
export const isHostName = (name: string): boolean => {
  const checked = checkHostName(name)
  return checked.kind === 'name' && checked.host === name
}

/** Every suffix of a host name, longest first: `a.b.c` → `a.b.c`, `b.c`, `c`. */
export const hostSuffixes = (host: string): string[] => {
  const labels = host.split('.')
  return labels.map((_, i) => labels.slice(i).join('.'))
}
