/**
 * @module
 * Where the user reads mail, and its default: mainland China when the browser's time zone is one
 * of the mainland's, elsewhere otherwise. Shared by the service (a request may send only the
 * time zone) and the page (its form's default answer).
 */

/** `cn`: mainland China; `intl`: elsewhere. */
export const REGIONS = ['cn', 'intl'] as const
export type Region = (typeof REGIONS)[number]

/** Where a report's region came from: the user's answer, or the browser's time zone. */
export const REGION_SOURCES = ['answer', 'time-zone'] as const
export type RegionSource = (typeof REGION_SOURCES)[number]

/** Time zones of mainland China (Asia/Shanghai and the legacy names that alias it). */
export const MAINLAND_TIME_ZONES: readonly string[] = [
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
export const regionFromTimeZone = (zone: string): Region =>
  MAINLAND_TIME_ZONES.includes(zone) ? 'cn' : 'intl'

/**
 * The region to choose hosts by: the answer when there is one, else the time zone's, else none.
 *
 * @example
 * resolveRegion({ timeZone: 'Asia/Shanghai' }) // { region: 'cn', regionFrom: 'time-zone' }
 */
export const resolveRegion = (input: {
  region?: Region
  timeZone?: string
}): { region?: Region; regionFrom?: RegionSource } =>
  input.region
    ? { region: input.region, regionFrom: 'answer' }
    : input.timeZone
      ? { region: regionFromTimeZone(input.timeZone), regionFrom: 'time-zone' }
      : {}
