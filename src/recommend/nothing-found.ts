/**
 * @module
 * Why nothing was found, from what the domain's DNS said: a mistyped domain, a domain without
 * mail, DNS that could not be asked, or mail hosted somewhere no source knows. "No server was
 * found" alone leaves the person guessing whether the address, the service or the domain is at
 * fault; these say which, and what to do next.
 */
import type { SourceReport } from '../discovery/sources.ts'
import { problemMessage } from './labels.ts'
import type { Draft } from './texts.ts'

const LOOKUP_FAILURES = { DNS_ERROR: true, DNS_TIMEOUT: true } as const
const isLookupFailure = (code: string | undefined): code is keyof typeof LOOKUP_FAILURES =>
  code !== undefined && Object.hasOwn(LOOKUP_FAILURES, code)

/** An autoconfig-of-MX report names a URL; the MX report proper names the domain or its hosts. */
const isUrl = (name: string) => /^https?:\/\//.test(name)

/**
 * The one explanation a report with no server in some direction should carry, or none.
 * `sources` are the discovery's source reports, `domain` the address's domain.
 *
 * @example
 * nothingFoundNote('exmaple.com', [{ type: 'mx', name: 'exmaple.com', status: 'error', servers: 0, code: 'DNS_NXDOMAIN' }])
 * // { code: 'DOMAIN_NOT_FOUND', params: { domain: 'exmaple.com' } }
 */
export const nothingFoundNote = (
  domain: string,
  sources: readonly SourceReport[],
): Draft | null => {
  const mx = sources.filter((s) => s.type === 'mx' && !isUrl(s.name))
  const asked = mx.find((s) => s.name === domain)
  if (asked?.code === 'DNS_NXDOMAIN') return { code: 'DOMAIN_NOT_FOUND', params: { domain } }
  if (isLookupFailure(asked?.code)) {
    return { code: 'DOMAIN_DNS_FAILED', params: { domain, problem: problemMessage(asked.code) } }
  }
  if (asked?.status === 'none') return { code: 'DOMAIN_NO_MX', params: { domain } }
  const hosts = mx.find((s) => s.status === 'none' && s.name !== domain)
  if (hosts) return { code: 'DOMAIN_MX_UNKNOWN', params: { domain, mx: hosts.name } }
  // Split-horizon DNS: the MX names a host inside a private network, which is never probed.
  const inside = mx.filter((s) => s.code === 'TARGET_BLOCKED').map((s) => s.name)
  if (inside.length > 0) {
    return { code: 'DOMAIN_MX_PRIVATE', params: { domain, mx: inside.join(', ') } }
  }
  return null
}
