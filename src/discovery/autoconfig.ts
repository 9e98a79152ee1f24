/**
 * @module
 * The domain's own autoconfig, as Thunderbird looks for it: autoconfig.{domain}, then the
 * domain's /.well-known/ path, each over https first and then over http (untrusted: anyone on
 * the path could have written it). URLs are tried in order; the first valid document wins.
 */
import { checkHostName } from '../security/host-name.ts'
import { type AutoconfigDoc, parseAutoconfigXml } from './autoconfig-xml.ts'
import type { DiscoveryCode } from '../errors/table.ts'
import { DiscoveryError } from './discovery-error.ts'
import type { HttpGet } from './http.ts'

/** A real config-v1.1.xml is a few KB; anything past this is not one. */
export const AUTOCONFIG_MAX_BYTES = 256 * 1024
/**
 * Budget of one URL. A host that answers at all answers fast; a stalled one (wildcard DNS to a
 * silent server is common) must not hold the next URL, or the probes, for long.
 */
export const AUTOCONFIG_ATTEMPT_MS = 2_000

const ACCEPT = 'application/xml, text/xml;q=0.9, text/plain;q=0.5'
/** text/plain too: some servers send .xml files as plain text, and Thunderbird accepts them. */
const CONTENT_TYPES = new Set(['text/xml', 'application/xml', 'text/plain'])

export interface AutoconfigSource {
  type: 'autoconfig'
  /** The URL that answered (the final one, after redirects). */
  url: string
  /** False when the document came over plain http at any point. */
  trusted: boolean
}

export interface AutoconfigAttempt {
  url: string
  /** Null for the attempt that gave the document. */
  code: DiscoveryCode | null
  detail: string | null
}

export interface AutoconfigResult {
  source: AutoconfigSource
  doc: AutoconfigDoc
  /** Every URL tried, in order, the successful one last. */
  attempts: AutoconfigAttempt[]
}

export interface FetchAutoconfigOptions {
  httpGet: HttpGet
  signal: AbortSignal
  /** Called after each URL, so a caller sees what was tried even when nothing is found. */
  onAttempt?: (attempt: AutoconfigAttempt) => void
}

/**
 * The four URLs, in the order they are tried; none for a domain the guard's host-name rule
 * refuses (an IP literal, `.internal`, invalid punycode…): nothing would be fetched anyway.
 *
 * @example
 * autoconfigUrls('example.com', 'a@example.com')[0].href
 * // 'https://autoconfig.example.com/mail/config-v1.1.xml?emailaddress=a%40example.com'
 */
export const autoconfigUrls = (domain: string, email: string): URL[] => {
  const checked = checkHostName(domain)
  if (checked.kind !== 'name') return []
  const query = new URLSearchParams({ emailaddress: email }).toString()
  const forms = (scheme: string) => [
    `${scheme}://autoconfig.${checked.host}/mail/config-v1.1.xml?${query}`,
    `${scheme}://${checked.host}/.well-known/autoconfig/mail/config-v1.1.xml`,
  ]
  return [...forms('https'), ...forms('http')].map((href) => new URL(href))
}

/**
 * Resolves to [] when no URL gives a valid document (the attempts went to `onAttempt`), or to one
 * result. Never throws for what a domain or a web server does: a `domain` the host-name rule
 * refuses is one FETCH_BLOCKED attempt, fetch and XML failures are attempts too.
 *
 * @example
 * const [found] = await fetchAutoconfig('example.com', 'a@example.com', { httpGet, signal })
 * found?.source // { type: 'autoconfig', url: 'https://autoconfig.example.com/...', trusted: true }
 */
export const fetchAutoconfig = async (
  domain: string,
  email: string,
  options: FetchAutoconfigOptions,
): Promise<AutoconfigResult[]> => {
  const attempts: AutoconfigAttempt[] = []
  const record = (attempt: AutoconfigAttempt) => {
    attempts.push(attempt)
    options.onAttempt?.(attempt)
  }
  const checked = checkHostName(domain)
  if (checked.kind !== 'name') {
    const reason = checked.kind === 'ip' ? 'an IP address, not a domain name' : checked.reason
    record({ url: domain, code: 'FETCH_BLOCKED', detail: `${domain}: ${reason}` })
    return []
  }
  for (const url of autoconfigUrls(checked.host, email)) {
    if (options.signal.aborted) break
    try {
      const { doc, finalUrl } = await fetchOne(url, options)
      record({ url: url.href, code: null, detail: null })
      const trusted = url.protocol === 'https:' && finalUrl.startsWith('https:')
      return [{ source: { type: 'autoconfig', url: finalUrl, trusted }, doc, attempts }]
    } catch (err) {
      if (!(err instanceof DiscoveryError)) throw err
      record({ url: url.href, code: err.code, detail: err.detail ?? null })
    }
  }
  return []
}

const fetchOne = async (
  url: URL,
  options: FetchAutoconfigOptions,
): Promise<{ doc: AutoconfigDoc; finalUrl: string }> => {
  const res = await options.httpGet(url, {
    signal: AbortSignal.any([options.signal, AbortSignal.timeout(AUTOCONFIG_ATTEMPT_MS)]),
    maxBytes: AUTOCONFIG_MAX_BYTES,
    accept: ACCEPT,
  })
  if (res.status !== 200) throw new DiscoveryError('FETCH_STATUS', `${res.url}: HTTP ${res.status}`)
  const type = res.contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
  if (!CONTENT_TYPES.has(type))
    throw new DiscoveryError('FETCH_BAD_TYPE', `${res.url}: ${type || 'no content type'}`)
  return { doc: await parseAutoconfigXml(res.body), finalUrl: res.url }
}
