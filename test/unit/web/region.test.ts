import { describe, expect, it } from 'vitest'
import { regionFromTimeZone } from '../../../web/lib/region.ts'

describe('the page’s default answer to "Where do you read your mail?"', () => {
  it('is mainland China for the mainland time zones, elsewhere for the rest', () => {
    for (const zone of ['Asia/Shanghai', 'Asia/Urumqi', 'PRC'])
      expect(regionFromTimeZone(zone)).toBe('cn')
    for (const zone of [
      'Asia/Hong_Kong',
      'Asia/Taipei',
      'Europe/Berlin',
      'America/New_York',
      'UTC',
    ])
      expect(regionFromTimeZone(zone)).toBe('intl')
  })
})
