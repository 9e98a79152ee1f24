/**
 * The DoH resolver's cases, run by the Node test (resolver-doh.test.ts) and the workerd one
 * (test/workerd/resolver-doh.test.ts) against the same local DoH server and TEST_ZONE.
 */
import { expect, it } from 'vitest'
import { createDohResolver } from '../../../src/dns/resolver-doh.ts'
import { parseCidrList } from '../../../src/security/address-policy.ts'
import { createTargetGuard } from '../../../src/security/target-guard.ts'

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (err: { code?: string }) => err.code ?? String(err),
  )

export const dohResolverCases = (dohUrl: () => string) => {
  const resolver = () => createDohResolver({ url: dohUrl(), timeoutMs: 1_500 })

  it('answers A and AAAA with their TTLs, following a CNAME', async () => {
    expect(await resolver().addresses('mail.example.org')).toEqual([
      { address: '93.184.215.14', ttl: 300, family: 4 },
      { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', ttl: 120, family: 6 },
    ])
    expect(await resolver().addresses('alias.example.org')).toEqual([
      { address: '93.184.215.14', ttl: 300, family: 4 },
    ])
  })

  it('carries the AD flag of a DNSSEC-validated answer', async () => {
    expect((await resolver().query('mail.example.org', 'A')).authenticated).toBe(true)
    expect((await resolver().query('example.org', 'MX')).authenticated).toBe(false)
  })

  it('sorts MX by preference, names without the trailing dot; [] when there is none', async () => {
    expect(await resolver().mx('example.org')).toEqual([
      { priority: 10, exchange: 'mx1.example.org' },
      { priority: 20, exchange: 'mx2.example.org' },
    ])
    expect(await resolver().mx('nomail.example.org')).toEqual([])
  })

  it('reads SRV, keeps "." as "service not offered", and gives [] for no such name', async () => {
    expect(await resolver().srv('_imaps._tcp.example.org')).toEqual([
      { priority: 0, weight: 1, port: 993, name: 'imap.example.org' },
    ])
    expect(await resolver().srv('_pop3._tcp.example.org')).toEqual([
      { priority: 0, weight: 0, port: 0, name: '.' },
    ])
    expect(await resolver().srv('_submission._tcp.example.org')).toEqual([])
  })

  it('joins a TXT record’s strings', async () => {
    expect(await resolver().txt('example.org')).toEqual([
      { text: 'v=spf1 include:_spf.example.org -all', ttl: 600 },
    ])
  })

  it('maps NXDOMAIN, no address, SERVFAIL and a slow server to the DNS codes', async () => {
    expect(await codeOf(resolver().addresses('missing.example.org'))).toBe('DNS_NXDOMAIN')
    expect(await codeOf(resolver().mx('missing.example.org'))).toBe('DNS_NXDOMAIN')
    expect(await codeOf(resolver().addresses('example.org'))).toBe('DNS_NO_ADDRESS')
    expect(await codeOf(resolver().addresses('broken.example.org'))).toBe('DNS_ERROR')
    expect(await codeOf(resolver().addresses('slow.example.org'))).toBe('DNS_TIMEOUT')
  })

  it('the target guard judges its answers unchanged: a name pointing inside is refused', async () => {
    const guard = createTargetGuard({ resolver: resolver(), allow: [], ports: [993] })
    expect(await guard.resolve('mail.example.org')).toEqual({
      host: 'mail.example.org',
      address: '93.184.215.14',
      family: 4,
    })
    expect(await codeOf(guard.resolve('inside.example.org'))).toBe('TARGET_BLOCKED')
    const allowing = createTargetGuard({
      resolver: resolver(),
      allow: parseCidrList('10.0.0.0/8'),
      ports: [993],
    })
    expect((await allowing.resolve('inside.example.org')).address).toBe('10.1.2.3')
  })
}
