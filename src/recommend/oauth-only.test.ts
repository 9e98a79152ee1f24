import { describe, expect, it } from 'vitest'
import { probed, server } from '../../test/fake/candidates.ts'
import { recommend } from './recommend.ts'

const oauthSmtp = {
  ...probed(server('smtp', 'smtp.corp.example')),
  auth: ['XOAUTH2', 'OAUTHBEARER'],
  oauthOnly: true,
}
const imap = { ...probed(server('imap', 'imap.corp.example')), auth: ['PLAIN'] }

describe('a server the probe saw offer only OAuth sign-in', () => {
  it('is named in a warning with its mechanisms and the clients that can sign in on the web', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const r = recommend({
        email: 'ann@corp.example',
        candidates: [imap, oauthSmtp],
        provider: null,
        lang,
        probed: true,
      })
      const note = r.warnings.find((w) => w.code === 'SERVER_OAUTH_ONLY')
      expect(note?.text).toContain('smtp.corp.example')
      expect(note?.text).toContain('XOAUTH2, OAUTHBEARER')
      expect(note?.text).toContain('Thunderbird')
      expect(r.credential.kind).toBe('oauth2-only')
    }
  })

  it('no warning when every chosen server takes a password', () => {
    const r = recommend({
      email: 'ann@corp.example',
      candidates: [imap, { ...oauthSmtp, auth: ['PLAIN', 'XOAUTH2'], oauthOnly: undefined }],
      provider: null,
      lang: 'en',
      probed: true,
    })
    expect(r.warnings.map((w) => w.code)).not.toContain('SERVER_OAUTH_ONLY')
    expect(r.credential.kind).toBe('account-password')
  })
})
