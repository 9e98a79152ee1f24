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
 * The real SettingsSource: a domain the operator overlay or the provider database knows is
 * answered from them at once (no traffic: an organisation's autoconfig host may well be this
 * service); any other domain goes through discovery (autoconfig, MX, SRV) without probes. The
 * recommended servers come first.
 *
 * @example
 * const settings = settingsFromDiscovery(createDiscovery(deps), providerIndex)
 */
export const settingsFromDiscovery = (
  discovery: DiscoveryService,
  index: ProviderIndex,
): SettingsSource => {
  const known = settingsFromProviders(index)
  return async function discoveredSettings(input, signal) {
    const address = parseAddress(input)
    if (!address) throw new TypeError('not an email address')
    const found = index.byDomain(address.domain)
      ? await known(input, signal)
      : await discovery.discover(address.email, { probe: false, signal }).then((d) => ({
          email: address.email,
          domain: address.domain,
          displayName: d.provider ? providerName(d.provider, 'en') : address.domain,
          provider: d.provider,
          incoming: d.candidates.filter((c) => c.protocol !== 'smtp'),
          outgoing: d.candidates.filter((c) => c.protocol === 'smtp'),
        }))
    if (found.incoming.length + found.outgoing.length === 0)
      return emptySettings(address.email, address.domain)
    const rec = recommend({
      email: found.email,
      candidates: [...found.incoming, ...found.outgoing],
      provider: found.provider,
      lang: 'en',
      probed: false,
    })
    return {
      ...found,
      incoming: leading(found.incoming, rec.recommended.incoming),
      outgoing: leading(found.outgoing, rec.recommended.outgoing),
    }
  }
}
