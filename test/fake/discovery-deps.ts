/** Discovery dependencies for msw tests: a guard over a fixed name → address map, no real DNS. */
import type { AddressRecord, Resolver } from '../../src/dns/resolver.ts'
import { ProbeError } from '../../src/errors/probe-error.ts'
import { type Cidr, parseCidrList } from '../../src/security/address-policy.ts'
import { type TargetGuard, createTargetGuard } from '../../src/security/target-guard.ts'

/**
 * Public-looking addresses (not in any documentation or reserved range, which the guard refuses).
 * No packet is sent to them: msw answers in-process, and the tests check that no socket connects.
 */
export const PUBLIC_A = '93.184.215.14'
export const PUBLIC_B = '93.184.215.15'

/** A resolver that knows only `names`; every other name is NXDOMAIN. */
export const mapResolver = (names: Record<string, string>): Resolver => ({
  addresses: async (name) => {
    const address = names[name]
    if (!address) throw new ProbeError('DNS_NXDOMAIN', name)
    const record: AddressRecord = { address, family: address.includes(':') ? 6 : 4, ttl: 60 }
    return [record]
  },
  mx: async () => [],
  srv: async () => [],
})

export const mapGuard = (
  names: Record<string, string>,
  allow: Cidr[] = parseCidrList(''),
): TargetGuard => createTargetGuard({ resolver: mapResolver(names), allow, ports: [] })
