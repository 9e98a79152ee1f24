/**
 * @module
 * The guide message tables and the one function that reads them.
 */
import { EN } from './messages-en.ts'
import { ZH_CN } from './messages-zh-cn.ts'
import type { Lang } from '../model/domain.ts'

export type MessageKey = keyof typeof EN

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { en: EN, 'zh-CN': ZH_CN }

/** True when `key` names a message (as opposed to a value reference such as 'inHost'). */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(EN, key)

/**
 * The text of `key` in `lang` with `{name}` variables filled in; unknown variables stay as
 * written, so that a test finds them.
 *
 * @example
 * message('en', 'ol.step.type', { protocol: 'IMAP' }) // 'Choose “IMAP”.'
 */
export const message = (
  lang: Lang,
  key: MessageKey,
  vars: Readonly<Record<string, string>> = {},
): string =>
  MESSAGES[lang][key].replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => vars[name] ?? whole)
