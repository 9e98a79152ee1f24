/**
 * @module
 * In-memory index over the provider entries: hash lookups by domain, alias, MX host and id.
 */
import { hostSuffixes, normalizeDomain } from './domain.ts'
import type { Provider } from './schema.ts'
import { registrableDomain } from '../util/registrable-domain.ts'

export interface ProviderIndex {
  /**
   * The provider for an address domain or alias (normalised first), if known; without an exact
   * match, the provider claiming the longest parent domain in `domainSuffixes`.
   */
  byDomain(domain: string): Provider | undefined
  /**
   * The provider hosting a domain whose MX host is `mxHost`: the longest MX-suffix pattern
   * that matches wins; otherwise the MX host's registrable domain looked up as a domain
   * (asynchronous: the Public Suffix List is loaded on the first such question).
   */
  byMx(mxHost: string): Promise<Provider | undefined>
  /** Providers whose name, id or a domain matches `q`, best first (for suggestions). */
  search(q: string, limit?: number): Provider[]
  get(id: string): Provider | undefined
  /** True when the entry comes from the operator's file (MAILSETUP_PROVIDERS_FILE). */
  isOverlay(id: string): boolean
  all(): readonly Provider[]
  readonly size: number
}

const searchKey = (p: Provider) =>
  [p.id, p.name.en, p.name['zh-CN'] ?? '', ...p.domains].join('\n').toLowerCase()

/**
 * Builds the index. Overlay entries win: an overlay entry with a built-in id replaces it, and
 * its domains and MX patterns take precedence over any built-in entry claiming the same.
 *
 * @example
 * const index = createProviderIndex(loadBuiltInProviders(), loadOverlayFile(path))
 * index.byDomain('QQ.com.')?.id // 'qq'
 */
export const createProviderIndex = (
  builtIn: readonly Provider[],
  overlay: readonly Provider[] = [],
): ProviderIndex => {
  const byId = new Map<string, Provider>()
  for (const p of builtIn) byId.set(p.id, p)
  for (const p of overlay) byId.set(p.id, p)

  const domains = new Map<string, Provider>()
  const suffixes = new Map<string, Provider>()
  const mx = new Map<string, Provider>()
  const claim = (map: Map<string, Provider>, key: string, p: Provider, force: boolean) => {
    if (force || !map.has(key)) map.set(key, p)
  }
  const overlayIds = new Set(overlay.map((p) => p.id))
  for (const p of byId.values()) {
    if (overlayIds.has(p.id)) continue
    for (const d of p.domains) claim(domains, d, p, false)
    for (const d of p.domainSuffixes) claim(suffixes, d, p, false)
    for (const m of p.mx) claim(mx, m, p, false)
  }
  for (const p of overlay) {
    for (const d of p.domains) claim(domains, d, p, true)
    for (const d of p.domainSuffixes) claim(suffixes, d, p, true)
    for (const m of p.mx) claim(mx, m, p, true)
  }

  const entries = [...byId.values()]
  const keys = entries.map(searchKey)

  const byDomain = (input: string): Provider | undefined => {
    const domain = normalizeDomain(input)
    const exact = domains.get(domain)
    if (exact || !domain) return exact
    // Parents only (slice(1)): a suffix entry claims the subdomains, not the name itself.
    for (const parent of hostSuffixes(domain).slice(1)) {
      const hit = suffixes.get(parent)
      if (hit) return hit
    }
    return undefined
  }

  return {
    byDomain,
    isOverlay: (id) => overlayIds.has(id),
    async byMx(mxHost) {
      const host = normalizeDomain(mxHost)
      if (!host) return undefined
      for (const suffix of hostSuffixes(host)) {
        const hit = mx.get(suffix)
        if (hit) return hit
      }
      const registrable = await registrableDomain(host)
      return registrable ? byDomain(registrable) : undefined
    },
    search(q, limit = 10) {
      const needle = q.trim().toLowerCase()
      if (!needle) return []
      const ascii = normalizeDomain(needle)
      const scored: { p: Provider; score: number }[] = []
      entries.forEach((p, i) => {
        const key = keys[i] ?? ''
        let score: number
        if (ascii && p.domains.includes(ascii)) score = 0
        else if (p.id === needle) score = 1
        else if (key.split('\n').some((part) => part.startsWith(needle))) score = 2
        else if (key.includes(needle)) score = 3
        else return
        scored.push({ p, score })
      })
      return scored
        .sort((a, b) => a.score - b.score || a.p.id.localeCompare(b.p.id))
        .slice(0, Math.max(0, limit))
        .map((s) => s.p)
    },
    get: (id) => byId.get(id),
    all: () => entries,
    get size() {
      return entries.length
    },
  }
}
