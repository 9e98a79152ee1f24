/**
 * @module
 * The UI strings per language and a formatter. Texts from the API (reasons, hints, guides)
 * arrive already in the requested language; these tables hold only what the page itself says.
 */
import { en, type MessageKey } from './messages-en.ts'
import { zhCN } from './messages-zh-cn.ts'
import { type Lang, isLang } from '../../src/model/domain.ts'

export type { MessageKey } from './messages-en.ts'

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { en, 'zh-CN': zhCN }

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string

/**
 * @example
 * translator('zh-CN')('progress.done', { seconds: 2.1 }) // '完成，用时 2.1 秒。'
 */
export const translator =
  (lang: Lang): Translate =>
  (key, vars) =>
    MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      vars && name in vars ? String(vars[name]) : whole,
    )

/** `?lang=` first, then the browser's languages: zh* → zh-CN, anything else → en. */
export const pickLang = (query: string | null, languages: readonly string[]): Lang => {
  if (isLang(query)) return query
  if (query && /^zh/i.test(query)) return 'zh-CN'
  if (query && /^en/i.test(query)) return 'en'
  const first = languages.find((l) => /^(zh|en)/i.test(l))
  return first && /^zh/i.test(first) ? 'zh-CN' : 'en'
}
