/**
 * OAuth-only detection from what a real probe captured: the scripted fake SMTP server offers
 * only XOAUTH2 and OAUTHBEARER after TLS; the candidate, the recommendation and the guide say it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { withProbe } from '../../../src/discovery/candidates.ts'
import { recommend } from '../../../src/recommend/index.ts'
import { type MailServer, startMailServer } from '../../fake/mail-server.ts'
import { probeFake } from '../../fake/probe-fake.ts'
import { server } from '../../fake/candidates.ts'

let fake: MailServer | null = null
afterEach(async () => {
  await fake?.close()
  fake = null
})

const probeWith = async (ehlo: string) => {
  fake = await startMailServer('smtp', { implicitTls: true, secure: { EHLO: ehlo } })
  const { result } = await probeFake(fake.port, 'smtp', 'tls')
  return withProbe(server('smtp', 'smtp.corp.example'), result)
}

describe('SASL mechanisms captured by the SMTP probe', () => {
  it('XOAUTH2 and OAUTHBEARER only: the candidate is OAuth-only and the report warns', async () => {
    const c = await probeWith('250-fake.test\n250-AUTH XOAUTH2 OAUTHBEARER\n250 8BITMIME')
    expect(c).toMatchObject({ verified: true, auth: ['XOAUTH2', 'OAUTHBEARER'], oauthOnly: true })
    const r = recommend({
      email: 'ann@corp.example',
      candidates: [c],
      provider: null,
      lang: 'en',
      probed: true,
    })
    expect(r.warnings.map((w) => w.code)).toContain('SERVER_OAUTH_ONLY')
    expect(r.credential.kind).toBe('oauth2-only')
  })

  it('PLAIN beside XOAUTH2: a password works, no OAuth-only mark', async () => {
    const c = await probeWith('250-fake.test\n250-AUTH PLAIN XOAUTH2\n250 8BITMIME')
    expect(c.auth).toEqual(['PLAIN', 'XOAUTH2'])
    expect(c.oauthOnly).toBeUndefined()
  })
})
