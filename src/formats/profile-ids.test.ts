import { describe, expect, it } from 'vitest'
import type { CandidateServer } from '../discovery/types.ts'
import { profileIds, uuidV5 } from './profile-ids.ts'

const imap: CandidateServer = {
  protocol: 'imap',
  host: 'imap.qq.com',
  port: 993,
  security: 'tls',
  username: 'ann@qq.com',
  source: { type: 'provider-db', trusted: true },
  verified: false,
}
const smtp: CandidateServer = { ...imap, protocol: 'smtp', host: 'smtp.qq.com', port: 465 }

describe('profile identifiers', () => {
  it("computes RFC 9562 version-5 UUIDs (the RFC's DNS-namespace example)", async () => {
    expect(await uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    )
  })

  it('gives the same ids for the same request, new UUIDs for new servers, the same identifier', async () => {
    const a = await profileIds('ann@qq.com', imap, smtp)
    expect(await profileIds('ANN@qq.com', imap, smtp)).toEqual(a)
    const b = await profileIds('ann@qq.com', { ...imap, port: 143, security: 'starttls' }, smtp)
    expect(b.profileIdentifier).toBe(a.profileIdentifier)
    expect(b.profileUuid).not.toBe(a.profileUuid)
    expect(a.profileIdentifier).toMatch(/^email\.mailsetup\.profile\.[0-9a-f]{20}$/)
    expect(a.mailUuid).toMatch(
      /^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/,
    )
  })
})
