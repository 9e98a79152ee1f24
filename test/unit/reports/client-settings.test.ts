/**
 * The domain-level client endpoints for a domain nobody publishes settings for: they answer from
 * the newest verified settings kept for the domain, expanded for each address, until those expire.
 */
import { describe, expect, it } from 'vitest'
import { testRuntime } from '../../fake/test-runtime.ts'
import type { VerifiedSettings } from '../../../src/diagnose/verified-settings.ts'
import { GuideSchema } from '../../../src/openapi/schemas.ts'
import { createTestApp } from '../../fake/test-app.ts'

const HOUR = 60 * 60 * 1000

const verified: VerifiedSettings = {
  providerId: null,
  servers: [
    {
      protocol: 'pop3',
      host: 'pop.self-hosted.example',
      port: 995,
      security: 'tls',
      username: 'local-part',
      source: 'guess',
    },
    {
      protocol: 'smtp',
      host: 'smtp.self-hosted.example',
      port: 465,
      security: 'tls',
      username: 'address',
      source: 'mx',
    },
  ],
}

describe('client endpoints from verified settings', () => {
  it('answer the kept settings for any address at the domain, until they expire', async () => {
    let clock = 1_000_000
    const reports = testRuntime.reports()
    await reports.saveVerified({
      domain: 'self-hosted.example',
      createdAt: clock,
      expiresAt: clock + 24 * HOUR,
      settings: verified,
    })
    const { app } = createTestApp({ reports, now: () => clock })

    const xml = await app.request('/mail/config-v1.1.xml?emailaddress=bob@self-hosted.example')
    expect(xml.status).toBe(200)
    const text = await xml.text()
    expect(text).toContain('<hostname>pop.self-hosted.example</hostname>')
    expect(text).toContain('<username>%EMAILLOCALPART%</username>')
    expect(text).toContain('<hostname>smtp.self-hosted.example</hostname>')

    const guide = GuideSchema.parse(
      await (
        await app.request('/api/v1/guides/thunderbird?email=carol@self-hosted.example&lang=en')
      ).json(),
    )
    expect(guide.incoming).toMatchObject({ host: 'pop.self-hosted.example', username: 'carol' })
    expect(guide.outgoing).toMatchObject({ username: 'carol@self-hosted.example' })

    const profile = await app.request('/mobileconfig?emailaddress=dan@self-hosted.example')
    expect(profile.status).toBe(200)
    expect(await profile.text()).toContain('<string>pop.self-hosted.example</string>')

    clock += 24 * HOUR
    // Expired, and with no DNS in this test nothing else knows the domain.
    const later = await app.request('/mail/config-v1.1.xml?emailaddress=bob@self-hosted.example')
    expect(later.status).toBe(404)
  })
})
