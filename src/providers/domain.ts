/**
 * @module
 * Domain and host name normalisation shared by the index, the overlay loader and the importer.
 */
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

/** True when `name` (already normalised) looks like a host name with at least two labels. */
export const isHostName = (name: string): boolean =>
  name.length <= 253 &&
  /^(?=.{1,63}(\.|$))[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\.(?=.{1,63}(\.|$))[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)+$/.test(
    name,
  )

/** Every suffix of a host name, longest first: `a.b.c` → `a.b.c`, `b.c`, `c`. */
export const hostSuffixes = (host: string): string[] => {
  const labels = host.split('.')
  return labels.map((_, i) => labels.slice(i).join('.'))
}
