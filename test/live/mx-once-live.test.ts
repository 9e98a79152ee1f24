/**
 * Lookups in flight merged (issue 15's P2): a diagnosis of an unknown domain asks the lab's
 * dnsmasq for its MX once, though guessing and the MX source both ask at the same moment.
 * Counted in dnsmasq's own query log (the lab runs it with log-queries), not in our code.
 */
import { randomUUID } from 'node:crypto'
import { Resolver as DnsResolver } from 'node:dns/promises'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { createCachingResolver } from '../../src/dns/caching-resolver.ts'
import type { Resolver } from '../../src/dns/resolver.ts'
import { createNodeResolver } from '../../src/dns/resolver-node.ts'
import { parseCidrList } from '../../src/security/address-policy.ts'
import { createTestApp, postJson } from '../fake/test-app.ts'

const lab = inject('lab')
const log = join(lab.dir, 'dnsmasq.log')
const domain = lab.guessed.domain
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The dnsmasq log from `from` on, once a marker query asked after it shows there too. */
const logSince = async (from: number): Promise<string> => {
  const marker = `marker-${randomUUID()}.lab.test`
  const dns = new DnsResolver({ timeout: 2_000, tries: 1 })
  dns.setServers([lab.dns])
  await dns.resolve4(marker).catch(() => undefined)
  for (let i = 0; i < 50; i++) {
    const text = (await readFile(log, 'utf8')).slice(from)
    if (text.includes(marker)) return text
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`dnsmasq never logged ${marker}`)
}

/** How many MX queries for the domain dnsmasq heard during one diagnosis through `resolver`. */
const mxQueriesOfOneDiagnosis = async (resolver: Resolver): Promise<number> => {
  const { app } = createTestApp({
    resolver,
    allow: parseCidrList(lab.allowCidr),
    ca: [lab.caPem],
    timeoutMs: 5_000,
  })
  const from = (await readFile(log, 'utf8')).length
  const res = await postJson(app, '/api/v1/diagnose', { email: `mia@${domain}`, lang: 'en' })
  expect(res.status).toBe(200)
  const report = (await res.json()) as { sources: Array<{ type: string; status: string }> }
  // The diagnosis did use the MX record (its source found the MX host, no provider behind it).
  expect(report.sources).toContainEqual(
    expect.objectContaining({ type: 'mx', name: lab.guessed.mx, status: 'none' }),
  )
  const heard = await logSince(from)
  return heard.match(new RegExp(`query\\[MX\\] ${escaped(domain)} from`, 'gi'))?.length ?? 0
}

describe('an unknown-domain diagnosis through the lab DNS', () => {
  it('asks the MX once through the caching resolver, where the bare resolver asks more often', async () => {
    const bare = await mxQueriesOfOneDiagnosis(createNodeResolver({ servers: [lab.dns] }))
    expect(bare).toBeGreaterThan(1)
    const merged = await mxQueriesOfOneDiagnosis(
      createCachingResolver(createNodeResolver({ servers: [lab.dns] })),
    )
    expect(merged).toBe(1)
  })
})
