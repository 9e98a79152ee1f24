import { describe, expect, it } from 'vitest'
import { emptySettings, type AccountSettings } from '../../../src/diagnose/account-settings.ts'
import { renderAutoconfig } from '../../../src/formats/autoconfig.ts'
import { renderGuide } from '../../../src/guides/index.ts'
import { probed, server } from '../../fake/candidates.ts'

/** A company domain nobody knows, whose servers the probe saw offer only OAuth sign-in. */
const settings: AccountSettings = {
  ...emptySettings('ann@corp.example', 'corp.example'),
  incoming: [
    {
      ...probed(server('imap', 'imap.corp.example')),
      username: 'ann@corp.example',
      auth: ['XOAUTH2'],
      oauthOnly: true,
    },
  ],
  outgoing: [
    {
      ...probed(server('smtp', 'smtp.corp.example')),
      username: 'ann@corp.example',
      auth: ['XOAUTH2', 'OAUTHBEARER'],
      oauthOnly: true,
    },
  ],
}

describe('servers the probe saw offer only OAuth sign-in', () => {
  it('a client that cannot sign in on the web gets no password steps and says so', () => {
    const g = renderGuide('foxmail', settings, { lang: 'zh-CN' })
    expect(g.credential.kind).toBe('oauth2-only')
    expect(g.steps).toEqual([])
    expect(g.notices.join(' ')).toContain('OAuth2')
  })

  it('a client that can is told to sign in on the provider’s page', () => {
    const g = renderGuide('thunderbird', settings, { lang: 'en' })
    expect(g.credential.kind).toBe('oauth2-only')
    expect(g.notices.join(' ')).toMatch(/sign in there instead of typing a password/)
  })

  it('the Mozilla XML offers OAuth2, not a cleartext password', () => {
    const xml = renderAutoconfig(settings) ?? ''
    expect(xml).toContain('<authentication>OAuth2</authentication>')
    expect(xml).not.toContain('password-cleartext')
  })
})
