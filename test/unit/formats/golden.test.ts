import { XMLValidator } from 'fast-xml-parser'
import { parse as parsePlist } from 'plist'
import { describe, expect, it } from 'vitest'
import { renderAutoconfig } from '../../../src/formats/autoconfig.ts'
import { renderAutodiscover } from '../../../src/formats/autodiscover.ts'
import { renderMobileconfig } from '../../../src/formats/mobileconfig.ts'
import { offeredServers } from '../../../src/formats/offered.ts'
import { profileIds } from '../../../src/formats/profile-ids.ts'
import { GOLDEN_ADDRESSES, settings } from './fixture.ts'

const golden = (kind: string, name: string) => `../../golden/formats/${kind}/${name}`

describe.each(Object.entries(GOLDEN_ADDRESSES))('golden files for %s', (stem, email) => {
  it('config-v1.1.xml', async () => {
    const xml = renderAutoconfig(await settings(email))
    expect(xml).not.toBeNull()
    expect(XMLValidator.validate(xml ?? '')).toBe(true)
    await expect(xml).toMatchFileSnapshot(golden('autoconfig', `${stem}.xml`))
  })

  it('autodiscover.xml', async () => {
    const xml = renderAutodiscover(await settings(email))
    expect(XMLValidator.validate(xml ?? '')).toBe(true)
    await expect(xml).toMatchFileSnapshot(golden('autodiscover', `${stem}.xml`))
  })

  it('.mobileconfig', async () => {
    const s = await settings(email)
    const { incoming, outgoing } = offeredServers(s)
    const [imap, smtp] = [incoming[0], outgoing[0]]
    if (!imap || !smtp) throw new Error('fixture without servers')
    const xml = renderMobileconfig(s, imap, smtp, await profileIds(s.email, imap, smtp))
    expect(XMLValidator.validate(xml)).toBe(true)
    const profile = parsePlist(xml) as { PayloadContent: Record<string, unknown>[] }
    expect(profile.PayloadContent[0]?.EmailAddress).toBe(s.email)
    await expect(xml).toMatchFileSnapshot(golden('mobileconfig', `${stem}.mobileconfig`))
  })
})
