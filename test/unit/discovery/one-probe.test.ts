/**
 * One probe per (protocol, host, port, security) per diagnosis: a server named twice (by two
 * sources, or the MX host that is also a guessed name) is connected to once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probeCandidates } from '../../../src/discovery/probe-candidates.ts'
import { guessTargets } from '../../../src/discovery/sources.ts'
import type { CandidateServer } from '../../../src/discovery/types.ts'
import { createHostLimiter } from '../../../src/probes/host-limiter.ts'
import { type MailServer, startMailServer } from '../../fake/mail-server.ts'
import { loopbackDeps } from '../../fake/probe-deps.ts'

let pop3: MailServer
beforeAll(async () => {
  pop3 = await startMailServer('pop3', { greeting: '+OK ready', plain: { CAPA: '+OK\nUSER\n.' } })
})
afterAll(() => pop3.close())

const candidate = (source: CandidateServer['source']['type']): CandidateServer => ({
  protocol: 'pop3',
  host: '127.0.0.1',
  port: pop3.port,
  security: 'none',
  username: 'ann@example.org',
  source: { type: source, trusted: true },
  verified: false,
})

describe('one probe per endpoint', () => {
  it('the MX host that is also mail.<domain> is guessed once, not twice', () => {
    const hosts = guessTargets('example.org', ['MAIL.example.org.']).map((t) => t.host)
    expect(hosts).toEqual([
      'imap.example.org',
      'pop.example.org',
      'pop3.example.org',
      'smtp.example.org',
      'mail.example.org',
      'example.org',
    ])
    expect(guessTargets('example.org', ['mx.example.net']).map((t) => t.host)).toContain(
      'mx.example.net',
    )
  })

  it('the same server from two sources is connected to once, and both get its result', async () => {
    const before = pop3.accepted()
    const deps = { ...loopbackDeps([pop3.port]), limiter: createHostLimiter(8) }
    const heard: string[] = []
    const results = await probeCandidates([candidate('mx'), candidate('guess')], deps, {
      onResult: (r) => heard.push(`${r.host}:${r.port}`),
    })
    expect(pop3.accepted() - before).toBe(1)
    expect(heard).toHaveLength(1)
    expect([...results.values()]).toHaveLength(1)
    expect([...results.values()][0]?.status).not.toBe('error')
  })
})
