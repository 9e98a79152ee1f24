import { describe, expect, it } from 'vitest'
import type { CandidateServer } from '../discovery/types.ts'
import { offerable } from './offered.ts'

const server = (
  protocol: CandidateServer['protocol'],
  port: number,
  security: CandidateServer['security'],
): CandidateServer => ({
  protocol,
  host: `${protocol}.example.com`,
  port,
  security,
  username: 'ann@example.com',
  source: { type: 'guess', trusted: true },
  verified: false,
})

describe('offerable', () => {
  it('drops plaintext servers of a protocol that has a secure one, and duplicates', () => {
    const list = [
      server('imap', 143, 'none'),
      server('imap', 993, 'tls'),
      server('imap', 993, 'tls'),
    ]
    expect(offerable(list).map((s) => s.port)).toEqual([993])
  })

  it('keeps a plaintext-only protocol, but behind every secure server', () => {
    const list = [server('pop3', 110, 'none'), server('imap', 143, 'starttls')]
    expect(offerable(list).map((s) => `${s.protocol}:${s.port}`)).toEqual(['imap:143', 'pop3:110'])
  })
})
