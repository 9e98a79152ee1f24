/**
 * @module
 * What the autoconfig endpoints and the guides answer from: one address's account settings,
 * already ordered best first, and the source that produces them (the app wires the real one:
 * overlay, provider database and discovery without probes).
 */
import type { DiscoveryService } from '../discovery/pipeline.ts'
import { providerCandidates } from '../discovery/sources.ts'
import type { CandidateServer } from '../discovery/types.ts'
import type { Provider, ProviderIndex } from '../providers/index.ts'
import { providerName } from '../providers/index.ts'
import { recommend } from '../recommend/index.ts'
import { parseAddress } from './email-address.ts'

export interface AccountSettings {
  /** The address with its domain in ASCII (punycode) form: `local@xn--....`. */
  email: string
  /** The ASCII form of the address's domain. */
  domain: string
  /** What to call the account: the provider's name, else the domain. */
  displayName: string
  provider: Provider | null
  /** IMAP and POP3 servers, best first, usernames expanded for `email`. */
  incoming: CandidateServer[]
  /** SMTP servers, best first. */
  outgoing: CandidateServer[]
}

/**
 * Settings for an address. For a domain nobody knows it resolves with empty lists; it rejects
 * only for a failure of its own (and never differently for two local parts at one domain).
 */
export type SettingsSource = (email: string, signal?: AbortSignal) => Promise<AccountSettings>

/** Settings with no servers, for an unknown domain. */
export const emptySettings = (email: string, domain: string): AccountSettings => ({
  email,
  domain,
  displayName: domain,
  provider: null,
  incoming: [],
  outgoing: [],
})

/**
 * A SettingsSource over the provider index alone (overlay entries win, as in the index).
 * Used by tests and as the fallback when discovery is not wired.
 *
 * @example
 * const settings = settingsFromProviders(createProviderIndex(loadBuiltInProviders()))
 * (await settings('ann@qq.com')).incoming[0]?.host // 'imap.qq.com'
 */
export const settingsFromProviders = (index: ProviderIndex): SettingsSource =>
  async function providerSettings(input) {
    const address = parseAddress(input)
    if (!address) throw new TypeError('not an email address')
    const { email, domain } = address
    const provider = index.byDomain(domain)
    if (!provider) return emptySettings(email, domain)
    const source = {
      type: index.isOverlay(provider.id) ? ('overlay' as const) : ('provider-db' as const),
      url: provider.id,
      trusted: true,
    }
    const servers = providerCandidates(provider, email, source)
    return {
      email,
      domain,
      displayName: providerName(provider, 'en'),
      provider,
      incoming: servers.filter((c) => c.protocol !== 'smtp'),
      outgoing: servers.filter((c) => c.protocol === 'smtp'),
    }
  }

/** Moves `first` (when there is one) to the front of `list`. */
const leading = (list: CandidateServer[], first: CandidateServer | null) =>
  first ? [first, ...list.filter((c) => c !== first)] : list

/**
 * The real SettingsSource: the operator overlay, the provider database and discovery (autoconfig,
 * MX, SRV) without probes, with the recommended servers first.
 *
 * @example
 * const settings = settingsFromDiscovery(createDiscovery(deps))
 */
export const settingsFromDiscovery = (discovery: DiscoveryService): SettingsSource =>
  async function discoveredSettings(input, signal) {
    const address = parseAddress(input)
    if (!address) throw new TypeError('not an email address')
    const found = await discovery.discover(address.email, { probe: false, signal })
    if (found.candidates.length === 0) return emptySettings(address.email, address.domain)
    const rec = recommend({ email: found.email, candidates: found.candidates, provider: found.provider, lang: 'en', probed: false })
    return {
      email: address.email,
      domain: address.domain,
      displayName: found.provider ? providerName(found.provider, 'en') : address.domain,
      provider: found.provider,
      incoming: leading(found.candidates.filter((c) => c.protocol !== 'smtp'), rec.recommended.incoming),
      outgoing: leading(found.candidates.filter((c) => c.protocol === 'smtp'), rec.recommended.outgoing),
    }
  }
