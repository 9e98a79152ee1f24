/**
 * @module
 * The query of a kept-answer request read by hand, without zod: only the plain form a mail
 * client or a page sends (known names, each once, an atom-only local part, a lower-case ASCII
 * domain). Whatever else a query holds, or however it is spelt, the reader says null and the
 * request goes to the routes, which parse it in full. Whatever the reader accepts, the routes
 * accept too and read the same way (test/unit/routes/known-plain.test.ts compares the two).
 */
import type { Lang } from '../model/domain.ts'
import { REGIONS, type Region } from '../providers/schema.ts'

/** RFC 5322 atext, dot-separated: what every address check in the service lets through as is. */
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/
/** Lower-case ASCII labels: a database domain's spelling, the only one a kept answer is found by. */
const PLAIN_DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/
/**
 * A value as a query shows it: no `+` (a space to the routes' reader), no stray `%`, none of the
 * query's own delimiters; percent-escapes are decoded as the routes decode them.
 */
const PLAIN_VALUE = /^(?:[A-Za-z0-9._~!$'*^`{|}@-]|%[0-9A-Fa-f]{2})*$/

export interface PlainAddress {
  localPart: string
  domain: string
}

/** The parameters as given, or null when any is unknown, repeated, bare or spelt unusually. */
const readParams = (query: string, names: readonly string[]): Map<string, string> | null => {
  const params = new Map<string, string>()
  if (query === '') return params
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=')
    if (eq === -1) return null
    const name = pair.slice(0, eq)
    const raw = pair.slice(eq + 1)
    if (!names.includes(name) || params.has(name) || !PLAIN_VALUE.test(raw)) return null
    let value = raw
    if (raw.includes('%')) {
      try {
        value = decodeURIComponent(raw)
      } catch {
        return null
      }
    }
    params.set(name, value)
  }
  return params
}

/** `local@domain` in the plain form, or null. */
export const plainAddress = (value: string | undefined): PlainAddress | null => {
  if (value === undefined || value.length > 254) return null
  const at = value.indexOf('@')
  if (at < 1 || at > 64 || value.indexOf('@', at + 1) !== -1) return null
  const localPart = value.slice(0, at)
  const domain = value.slice(at + 1)
  return DOT_ATOM.test(localPart) && PLAIN_DOMAIN.test(domain) ? { localPart, domain } : null
}

export interface PlainLookup {
  address: PlainAddress
  lang?: Lang
  region?: Region
}

const LOOKUP_NAMES = ['email', 'lang', 'region', 'probe']
const LANGS: readonly string[] = ['en', 'zh-CN']

/**
 * The lookup's query (`email`, `lang`, `region`, `probe`) when it is plain and asks for no
 * probes, else null.
 *
 * @example
 * plainLookup('email=ann%40qq.com&probe=0') // { address: { localPart: 'ann', domain: 'qq.com' } }
 * plainLookup('email=ann@qq.com&probe=1')   // null (probes: the routes)
 */
export const plainLookup = (query: string): PlainLookup | null => {
  const params = readParams(query, LOOKUP_NAMES)
  if (!params) return null
  const probe = params.get('probe')
  if (probe !== undefined && probe !== '0' && probe !== 'false') return null
  const lang = params.get('lang')
  const region = params.get('region')
  if (lang !== undefined && !LANGS.includes(lang)) return null
  if (region !== undefined && !(REGIONS as readonly string[]).includes(region)) return null
  const address = plainAddress(params.get('email'))
  if (!address) return null
  return {
    address,
    ...(lang === undefined ? {} : { lang: lang as Lang }),
    ...(region === undefined ? {} : { region: region as Region }),
  }
}

/**
 * The autoconfig query (`emailaddress` alone, as Thunderbird sends it) when it is plain, else null.
 *
 * @example
 * plainAutoconfig('emailaddress=ann%40qq.com') // { localPart: 'ann', domain: 'qq.com' }
 */
export const plainAutoconfig = (query: string): PlainAddress | null =>
  plainAddress(readParams(query, ['emailaddress'])?.get('emailaddress'))
