/**
 * TLS_CERT_NAME advice: a server whose certificate is issued to another host gets that host
 * suggested only when it resolves and answers on the same port with a fitting certificate.
 * One scripted fake IMAP server on 127.0.0.1 answers for both names; the resolver maps them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { certNameCandidates } from '../../../src/discovery/cert-names.ts'
import { keyOf } from '../../../src/discovery/candidates.ts'
import { probeCandidates } from '../../../src/discovery/probe-candidates.ts'
import type { CandidateServer } from '../../../src/discovery/types.ts'
import type { Resolver } from '../../../src/dns/resolver.ts'
import { ProbeError } from '../../../src/errors/probe-error.ts'
import { createHostLimiter } from '../../../src/probes/host-limiter.ts'
import { createNodeConnect } from '../../../src/probes/socket-node.ts'
import { recommend } from '../../../src/recommend/index.ts'
import { parseCidrList } from '../../../src/security/address-policy.ts'
import { createTargetGuard } from '../../../src/security/target-guard.ts'
import { type MailServer, startMailServer } from '../../fake/mail-server.ts'
import { makeSelfSignedCert } from '../../fake/test-cert.ts'

const cert = makeSelfSignedCert('mail.hoster.test')
let imap: MailServer
beforeAll(async () => {
  imap = await startMailServer('imap', { implicitTls: true, cert })
})
afterAll(() => imap.close())

const resolver = (names: Record<string, string>): Resolver => ({
  addresses: async (name) => {
    const address = names[name]
    if (!address) throw new ProbeError('DNS_NXDOMAIN', name)
    return [{ address, family: 4, ttl: 60 }]
  },
  mx: async () => [],
  srv: async () => [],
})

const depsFor = (names: Record<string, string>) => ({
  guard: createTargetGuard({
    resolver: resolver(names),
    allow: parseCidrList('127.0.0.0/8'),
    ports: [imap.port],
  }),
  connect: createNodeConnect({ ca: [cert.cert] }),
  timeoutMs: 2_000,
  nudgeMs: 400,
  limiter: createHostLimiter(8),
})

const corp = (): CandidateServer => ({
  protocol: 'imap',
  host: 'mail.corp.test',
  port: imap.port,
  security: 'tls',
  username: 'ann@corp.test',
  source: { type: 'mx', url: 'mail.corp.test', trusted: true },
  verified: false,
})

const run = async (names: Record<string, string>) => {
  const deps = depsFor(names)
  const results = await probeCandidates([corp()], deps)
  expect(results.get(keyOf(corp()))?.problems).toContain('TLS_CERT_NAME')
  return certNameCandidates([corp()], results, (targets) => probeCandidates(targets, deps))
}

describe('a certificate issued to another host', () => {
  it('suggests that host when it resolves and answers on the same port with a fitting certificate', async () => {
    const found = await run({ 'mail.corp.test': '127.0.0.1', 'mail.hoster.test': '127.0.0.1' })
    expect(found.candidates).toHaveLength(1)
    const alt = found.candidates[0]
    expect(alt).toMatchObject({
      host: 'mail.hoster.test',
      port: imap.port,
      security: 'tls',
      verified: true,
      certNameOf: 'mail.corp.test',
    })
    const r = recommend({
      email: 'ann@corp.test',
      candidates: [
        { ...corp(), status: 'error', code: 'TLS_CERT_NAME', verified: false },
        ...found.candidates,
      ],
      provider: null,
      lang: 'en',
      probed: true,
    })
    expect(r.recommended.incoming?.host).toBe('mail.hoster.test')
    const reason = r.reasons.find((n) => n.code === 'CERT_NAME_HOST')
    expect(reason?.text).toContain('mail.corp.test')
    expect(reason?.text).toContain('mail.hoster.test')
  })

  it('suggests nothing when the certificate’s name does not resolve', async () => {
    const found = await run({ 'mail.corp.test': '127.0.0.1' })
    expect(found.candidates).toEqual([])
    expect(found.probes[0]?.code).toBe('DNS_NXDOMAIN')
  })
})
