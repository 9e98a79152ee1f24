/**
 * @module
 * The hints a user sees for a provider, in one language, most important first.
 */
import type { Hint, Lang, LocalizedText, Provider } from './schema.ts'

const ORDER: Record<Hint['kind'], number> = {
  status: 0,
  security: 1,
  credential: 2,
  enable: 3,
  unknown: 4,
  quirk: 5,
}

/** The text in `lang`, falling back to English when there is no translation. */
export const localize = (text: LocalizedText, lang: Lang): string =>
  lang === 'zh-CN' ? (text['zh-CN'] ?? text.en) : text.en

/** The provider's display name in `lang`. */
export const providerName = (p: Pick<Provider, 'name'>, lang: Lang): string =>
  lang === 'zh-CN' ? (p.name['zh-CN'] ?? p.name.en) : p.name.en

/**
 * Hint strings for a provider in `lang`: status, security and credential hints first, then how
 * to enable access (with its link), then quirks. Duplicates are dropped.
 */
export const hintsFor = (p: Provider, lang: Lang): string[] => {
  // Untranslated hints come from Delta Chat's database and are written for that app ("an
  // app-specific password for Delta Chat"); where curated, translated advice exists it
  // supersedes them, and showing both would contradict it (e.g. QQ's 授权码).
  const curated = p.enable !== undefined || p.hints.some((h) => h.text['zh-CN'] !== undefined)
  const hints = [...p.hints]
    .filter((h) => !curated || h.text['zh-CN'] !== undefined)
    .sort((a, b) => ORDER[a.kind] - ORDER[b.kind])
  const out: string[] = []
  for (const h of hints) {
    if (h.kind === 'enable' || h.kind === 'unknown' || h.kind === 'quirk') break
    out.push(localize(h.text, lang))
  }
  if (p.enable) {
    const steps = localize(p.enable.steps, lang)
    out.push(p.enable.url ? `${steps} (${p.enable.url})` : steps)
  }
  for (const h of hints) {
    if (h.kind === 'enable' || h.kind === 'unknown' || h.kind === 'quirk') {
      out.push(localize(h.text, lang))
    }
  }
  return [...new Set(out)]
}
