/**
 * @module
 * The page's default answer to "Where do you read your mail?": mainland China when the browser's
 * time zone is one of the mainland's, elsewhere otherwise. The user can change it on the form.
 */
import type { Region } from './types.ts'

/** Time zones of mainland China (Asia/Shanghai and the legacy names that alias it). */
const MAINLAND_ZONES = [
  'Asia/Shanghai',
  'Asia/Chongqing',
  'Asia/Chungking',
  'Asia/Harbin',
  'Asia/Urumqi',
  'PRC',
]

/**
 * @example
 * regionFromTimeZone('Asia/Shanghai') // 'cn'
 * regionFromTimeZone('Europe/Berlin') // 'intl'
 */
export const regionFromTimeZone = (
  zone = Intl.DateTimeFormat().resolvedOptions().timeZone,
): Region => (MAINLAND_ZONES.includes(zone) ? 'cn' : 'intl')
