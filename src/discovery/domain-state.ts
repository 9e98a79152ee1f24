/**
 * @module
 * What the domain's DNS said about its mail, read from the MX source's report: it does not
 * exist, DNS could not be asked, it has no MX, its MX hosts gave nothing, or they lie inside a
 * private network. The recommendation explains a report without servers from it, and the
 * typo check runs only when the domain cannot take mail.
 */
import type { ProviderIndex } from '../providers/provider-index.ts'
import { likelyDomains } from '../providers/typo.ts'
import type { SourceReport } from './sources.ts'

export type DomainMailState =
  | { kind: 'nxdomain' }
  | { kind: 'dns-failed'; code: 'DNS_ERROR' | 'DNS_TIMEOUT' }
  | { kind: 'no-mx' }
  | { kind: 'mx-unknown'; mx: string }
  | { kind: 'mx-private'; mx: string }

/** An autoconfig-of-MX report names a URL; the MX report proper names the domain or its hosts. */
const isUrl = (name: string) => /^https?:\/\//.test(name)

/**
 * The state of `domain`'s mail by its MX report, or null when the MX source found a host (or
 * was not asked).
 *
 * @example
 * domainMailState('exmaple.com', [{ type: 'mx', name: 'exmaple.com', status: 'error', servers: 0, code: 'DNS_NXDOMAIN' }])
 * // { kind: 'nxdomain' }
 */
export const domainMailState = (
  domain: string,
  sources: readonly SourceReport[],
): DomainMailState | null => {
  const mx = sources.filter((s) => s.type === 'mx' && !isUrl(s.name))
  const asked = mx.find((s) => s.name === domain)
  if (asked?.code === 'DNS_NXDOMAIN') return { kind: 'nxdomain' }
  if (asked?.code === 'DNS_ERROR' || asked?.code === 'DNS_TIMEOUT') {
    return { kind: 'dns-failed', code: asked.code }
  }
  if (asked?.status === 'none') return { kind: 'no-mx' }
  const hosts = mx.find((s) => s.status === 'none' && s.name !== domain)
  if (hosts) return { kind: 'mx-unknown', mx: hosts.name }
  // Split-horizon DNS: the MX names a host inside a private network, which is never probed.
  const inside = mx.filter((s) => s.code === 'TARGET_BLOCKED').map((s) => s.name)
  if (inside.length > 0) return { kind: 'mx-private', mx: inside.join(', ') }
  return null
}

/**
 * The addresses the user likely meant, when `domain` cannot take mail (it does not exist or has
 * no MX) and is a typo's distance from a domain the provider data knows; else [].
 *
 * @example
 * didYouMean('ann', 'qq.con', sources, index) // ['ann@qq.com']
 */
export const didYouMean = (
  localPart: string,
  domain: string,
  sources: readonly SourceReport[],
  index: Pick<ProviderIndex, 'all' | 'byDomain'>,
): string[] => {
  const state = domainMailState(domain, sources)?.kind
  if (state !== 'nxdomain' && state !== 'no-mx') return []
  return likelyDomains(domain, index).map((known) => `${localPart}@${known}`)
}
