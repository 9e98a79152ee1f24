/**
 * @module
 * Known domains an address's domain is likely a typo of (qq.con → qq.com, gmial.com →
 * gmail.com, 163.cm → 163.com): asked only for a domain that cannot take mail, so a real
 * domain one letter away from a known one is never second-guessed.
 */
import type { ProviderIndex } from './provider-index.ts'

/**
 * The optimal string alignment distance (Levenshtein plus swapping two neighbours), or
 * `max + 1` as soon as it must exceed `max`.
 *
 * @example
 * typoDistance('gmial.com', 'gmail.com', 2) // 1
 */
export const typoDistance = (a: string, b: string, max: number): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let before: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (before[j - 2] ?? 0) + 1)
      }
      current.push(d)
      rowMin = Math.min(rowMin, d)
    }
    if (rowMin > max) return max + 1
    before = previous
    previous = current
  }
  return Math.min(previous[b.length] ?? max + 1, max + 1)
}

/** One edit for short domains, two from ten characters on (hotmial.co.uk). */
const allowedEdits = (domain: string) => (domain.length >= 10 ? 2 : 1)

/**
 * Up to `limit` known domains closest to `domain`, nearest first, each a provider's domain or
 * alias; [] when `domain` is itself known or nothing is close.
 *
 * @example
 * likelyDomains('qq.con', index) // ['qq.com']
 */
export const likelyDomains = (
  domain: string,
  index: Pick<ProviderIndex, 'all' | 'byDomain'>,
  limit = 3,
): string[] => {
  if (index.byDomain(domain)) return []
  const max = allowedEdits(domain)
  const near: Array<{ domain: string; distance: number; rank: number }> = []
  const seen = new Set<string>()
  for (const provider of index.all()) {
    provider.domains.forEach((known, rank) => {
      if (seen.has(known)) return
      seen.add(known)
      const distance = typoDistance(domain, known, max)
      if (distance <= max) near.push({ domain: known, distance, rank })
    })
  }
  // Nearest first; among equals, a provider's main domain before its aliases.
  near.sort(
    (x, y) => x.distance - y.distance || x.rank - y.rank || x.domain.localeCompare(y.domain),
  )
  return near.slice(0, limit).map((n) => n.domain)
}
