/**
 * @module
 * Why nothing was found, from what the domain's DNS said: a mistyped domain, a domain without
 * mail, DNS that could not be asked, or mail hosted somewhere no source knows. "No server was
 * found" alone leaves the person guessing whether the address, the service or the domain is at
 * fault; these say which, and what to do next, with the likely intended address when the
 * domain looks like a typo of a known one.
 */
import { domainMailState } from '../discovery/domain-state.ts'
import type { SourceReport } from '../discovery/sources.ts'
import { problemMessage } from './labels.ts'
import type { Draft } from './texts.ts'

/**
 * The explanations a report with no server in some direction should carry (none, one, or one
 * and the suggested addresses). `sources` are the discovery's source reports, `domain` the
 * address's domain, `didYouMean` the addresses the typo check suggests.
 *
 * @example
 * nothingFoundNotes('exmaple.com', [{ type: 'mx', name: 'exmaple.com', status: 'error', servers: 0, code: 'DNS_NXDOMAIN' }])
 * // [{ code: 'DOMAIN_NOT_FOUND', params: { domain: 'exmaple.com' } }]
 */
export const nothingFoundNotes = (
  domain: string,
  sources: readonly SourceReport[],
  didYouMean: readonly string[] = [],
): Draft[] => {
  const state = domainMailState(domain, sources)
  const meant: Draft[] =
    didYouMean.length > 0
      ? [{ code: 'DID_YOU_MEAN', params: { emails: didYouMean.join(', ') } }]
      : []
  switch (state?.kind) {
    case 'nxdomain':
      return [{ code: 'DOMAIN_NOT_FOUND', params: { domain } }, ...meant]
    case 'no-mx':
      return [{ code: 'DOMAIN_NO_MX', params: { domain } }, ...meant]
    case 'dns-failed':
      return [
        { code: 'DOMAIN_DNS_FAILED', params: { domain, problem: problemMessage(state.code) } },
      ]
    case 'mx-unknown':
      return [{ code: 'DOMAIN_MX_UNKNOWN', params: { domain, mx: state.mx } }]
    case 'mx-private':
      return [{ code: 'DOMAIN_MX_PRIVATE', params: { domain, mx: state.mx } }]
    default:
      return []
  }
}
