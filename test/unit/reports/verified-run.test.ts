/**
 * The verified discovery behind the domain-level client endpoints (createClientSettings): for a
 * domain nobody publishes settings for, concurrent requests share one probing run, whose result
 * is kept for the domain; a later request answers from what was kept without probing again.
 */
import { describe, expect, it } from 'vitest'
import { createClientSettings } from '../../../src/diagnose/client-settings.ts'
import { openSqliteReportStore } from '../../../src/diagnose/store-sqlite-node.ts'
import type { DiscoverOptions, DiscoveryService } from '../../../src/discovery/pipeline.ts'
import { createProviderIndex } from '../../../src/providers/provider-index.ts'
import { createCostMeter } from '../../../src/security/costs.ts'
import { createSocketBudget } from '../../../src/security/socket-budget.ts'
import { createNodeContextStore } from '../../../src/util/context-store-node.ts'
import { from, probed, server } from '../../fake/candidates.ts'

const HOUR = 60 * 60 * 1000

/** A discovery that finds nothing without probes, and proves two servers when probing. */
const fakeDiscovery = () => {
  const calls = { probing: 0, plain: 0 }
  let release: () => void = () => undefined
  const gate = new Promise<void>((resolve) => (release = resolve))
  const discovery: DiscoveryService = {
    async discover(address: string, options: DiscoverOptions = {}) {
      const [, domain = ''] = address.split('@')
      const base = { email: address, domain, provider: null, probes: [], sources: [] }
      if (options.probe === false) {
        calls.plain++
        return { ...base, candidates: [] }
      }
      calls.probing++
      await gate
      const username = { username: address }
      return {
        ...base,
        candidates: [
          probed(server('imap', `mail.${domain}`, 'tls', { ...from('guess'), ...username })),
          probed(server('smtp', `mail.${domain}`, 'starttls', { ...from('mx'), ...username })),
        ],
      }
    },
  }
  return { discovery, calls, release: () => release() }
}

describe('the verified run for a domain nobody publishes settings for', () => {
  it('is shared by concurrent requests, kept, and not run again while kept', async () => {
    const { discovery, calls, release } = fakeDiscovery()
    const budget = createSocketBudget(64)
    const store = openSqliteReportStore(':memory:')
    const settings = createClientSettings({
      discovery,
      budget,
      costs: createCostMeter({ store: createNodeContextStore() }),
      sockets: 32,
      storage: {
        store,
        retention: { reportMs: 24 * HOUR, verifiedMs: 24 * HOUR },
        providers: createProviderIndex([]),
        now: () => 1_000_000,
      },
    })
    const addresses = ['ann', 'bob', 'carol', 'dan', 'eve'].map((n) => `${n}@self-hosted.example`)
    const pending = addresses.map((a) => settings(a))
    // Let every request run up to the verified run: they wait on one run, with one reservation.
    await expect.poll(() => calls.probing).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(calls.plain).toBe(addresses.length)
    expect(calls.probing).toBe(1)
    expect(budget.inUse()).toBe(32)
    release()
    const answers = await Promise.all(pending)
    expect(calls.probing).toBe(1)
    expect(budget.inUse()).toBe(0)
    answers.forEach((answer, i) => {
      expect(answer.incoming[0]).toMatchObject({ host: 'mail.self-hosted.example', port: 993 })
      expect(answer.outgoing[0]).toMatchObject({ host: 'mail.self-hosted.example', port: 587 })
      expect(answer.email).toBe(addresses[i])
    })
    const kept = await store.getVerified('self-hosted.example', 1_000_000)
    expect(kept).not.toBeNull()

    // Later: answered from the kept settings, no new probing run.
    const later = await settings('frank@self-hosted.example')
    expect(later.incoming[0]).toMatchObject({ host: 'mail.self-hosted.example' })
    expect(calls.probing).toBe(1)
    store.close()
  })
})
