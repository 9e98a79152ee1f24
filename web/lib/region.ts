/**
 * @module
 * The page's default answer to "Where do you read your mail?": mainland China when the browser's
 * time zone is one of the mainland's, elsewhere otherwise (the rule is the service's own,
 * src/model/region.ts). The user can change it on the form.
 */
import { regionFromTimeZone as fromZone } from '../../src/model/region.ts'
import type { Region } from './types.ts'

/** The browser's IANA time zone, or undefined where it shows none. */
export const browserTimeZone = (): string | undefined => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  return zone && /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone) ? zone : undefined
}

/**
 * @example
 * regionFromTimeZone('Asia/Shanghai') // 'cn'
 * regionFromTimeZone('Europe/Berlin') // 'intl'
 */
export const regionFromTimeZone = (zone = browserTimeZone() ?? 'UTC'): Region => fromZone(zone)
