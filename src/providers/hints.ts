/**
 * @module
 * The hints a user sees for a provider, in one language, most important first.
 */
import type { Hint, LocalizedText, Provider } from './schema.ts'
import type { Lang } from '../model/domain.ts'

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

/**
 * Advice text in `lang`. English stands in for a missing Chinese text (an operator's file may give
 * only English) and then says so, so a zh-CN answer is Chinese or marked English, never unmarked.
 */
export const localizeAdvice = (text: LocalizedText, lang: Lang): string =>
  lang === 'zh-CN' && !text['zh-CN'] ? `（英文）${text.en}` : localize(text, lang)

/** The provider's display name in `lang`. */
export const providerName = (p: Pick<Provider, 'name'>, lang: Lang): string =>
  lang === 'zh-CN' ? (p.name['zh-CN'] ?? p.name.en) : p.name.en

/**
 * Hint strings for a provider in `lang`: status, security and credential hints first, then how
 * to enable access (with its link), then quirks. Duplicates are dropped.
 */
export const hintsFor = (p: Provider, lang: Lang): string[] => {
  const hints = [...p.hints].sort((a, b) => ORDER[a.kind] - ORDER[b.kind])
  const late = (h: Hint) => h.kind === 'enable' || h.kind === 'unknown' || h.kind === 'quirk'
  const out = hints.filter((h) => !late(h)).map((h) => localizeAdvice(h.text, lang))
  if (p.enable) {
    const steps = localizeAdvice(p.enable.steps, lang)
    out.push(p.enable.url ? `${steps} (${p.enable.url})` : steps)
  }
  out.push(...hints.filter(late).map((h) => localizeAdvice(h.text, lang)))
  return [...new Set(out)]
}
