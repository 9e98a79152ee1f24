import { describe, expect, it } from 'vitest'
import { loadBuiltInProviders } from './built-in.ts'
import { describeSource, providerView } from './data-sources.ts'

describe('describeSource', () => {
  it('names ISPDB as a database with its file at the snapshot commit and its licence', () => {
    expect(describeSource('ISPDB thunderbird/autoconfig ispdb/163.com.xml')).toEqual({
      name: 'Thunderbird ISPDB (Mozilla autoconfig database)',
      url: 'https://github.com/thunderbird/autoconfig/blob/c6ad79659b5fc321d1593ec4c277815b83e5dec5/ispdb/163.com.xml',
      licence: 'MPL-2.0',
    })
  })

  it('names the Delta Chat provider-db as a data source, keeping what the reference adds', () => {
    expect(
      describeSource(
        'DeltaChat deltachat/provider-db _providers/hey.com.md (status BROKEN, no IMAP)',
      ),
    ).toEqual({
      name: 'Delta Chat provider database (provider-db)',
      url: 'https://github.com/deltachat/provider-db/blob/5c14381dcfd97827fc966a40e51f720380767530/_providers/hey.com.md',
      licence: 'MPL-2.0',
      detail: 'status BROKEN, no IMAP',
    })
  })

  it('credits MailCore2 (BSD) and FairEmail (GPL, facts only)', () => {
    expect(describeSource("MailCore2 resources/providers.json entry 'gmail'")).toMatchObject({
      name: 'MailCore2 providers.json',
      licence: 'BSD-3-Clause',
      detail: "entry 'gmail'",
    })
    expect(
      describeSource(
        "FairEmail M66B/FairEmail@3374c2dc4b9f app/src/main/res/xml/providers.xml provider 'NetEase' (GPL-3.0; facts only, file not copied)",
      ),
    ).toMatchObject({
      name: 'FairEmail providers.xml',
      url: 'https://github.com/M66B/FairEmail/blob/3374c2dc4b9f/app/src/main/res/xml/providers.xml',
      licence: 'GPL-3.0 (facts only; nothing copied)',
    })
  })

  it('credits the fact snapshots of K-9 Mail and Nylas at their commits, facts only', () => {
    expect(
      describeSource(
        "K-9 thunderbird/thunderbird-android@36a33fdf0f218c51659911cff4a6f8eb39345e25 app/core/src/main/res/xml/providers.xml entry 'KolabNow.com' (Apache-2.0; facts only, file not copied)",
      ),
    ).toEqual({
      name: 'K-9 Mail (Thunderbird for Android) providers.xml',
      url: 'https://github.com/thunderbird/thunderbird-android/blob/36a33fdf0f218c51659911cff4a6f8eb39345e25/app/core/src/main/res/xml/providers.xml',
      licence: 'Apache-2.0 (facts only; nothing copied)',
      detail: "entry 'KolabNow.com'",
    })
    expect(
      describeSource(
        "Nylas nylas/sync-engine@01fe1e929b3579318d39088ea248215dd9724dd8 inbox/providers.py entry 'yahoo' (AGPL-3.0; facts only, file not copied)",
      ),
    ).toMatchObject({
      name: 'Nylas sync-engine providers.py',
      licence: 'AGPL-3.0 (facts only; nothing copied)',
    })
  })

  it('turns a cited page into its host, address and what it says', () => {
    expect(
      describeSource('https://support.apple.com/102525 (iCloud Mail server settings)'),
    ).toEqual({
      name: 'support.apple.com',
      url: 'https://support.apple.com/102525',
      detail: 'iCloud Mail server settings',
    })
    expect(
      describeSource('Yahoo Mail domains (https://help.yahoo.com/kb/SLN4075.html: one setting)'),
    ).toMatchObject({
      name: 'help.yahoo.com',
      url: 'https://help.yahoo.com/kb/SLN4075.html',
    })
  })
})

describe('providerView over the built-in data', () => {
  const views = loadBuiltInProviders().map(providerView)

  it('gives every provider at least one source, none named like an app speaking to the user', () => {
    for (const v of views) {
      expect(v.sources.length, v.id).toBeGreaterThan(0)
      for (const s of v.sources) {
        expect(s.name, v.id).not.toMatch(/^DeltaChat\b/)
        if (s.name.startsWith('Delta Chat') || s.name.startsWith('Thunderbird ISPDB')) {
          expect(s.licence).toBe('MPL-2.0')
          expect(s.url).toMatch(/^https:\/\/github\.com\//)
        }
      }
    }
  })

  it('lists a file cited with and without its commit once', () => {
    const yahoo = views.find((v) => v.id === 'yahoo')
    const ispdb = yahoo?.sources.filter((s) => s.url?.endsWith('ispdb/yahoo.com.xml')) ?? []
    expect(ispdb).toHaveLength(1)
  })
})
