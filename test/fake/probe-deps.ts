/** Probe dependencies for tests against servers on 127.0.0.1. */
import { createNodeConnect } from '../../src/probes/socket-node.ts'
import type { ProbeDeps } from '../../src/probes/probe.ts'
import { parseCidrList } from '../../src/security/address-policy.ts'
import { createTargetGuard } from '../../src/security/target-guard.ts'
import type { Resolver } from '../../src/dns/resolver.ts'
import { ProbeError } from '../../src/errors/probe-error.ts'

/** A resolver for tests that must not query DNS: every name is NXDOMAIN. */
export const noDns: Resolver = {
  addresses: async (name) => {
    throw new ProbeError('DNS_NXDOMAIN', name)
  },
  mx: async () => [],
  srv: async () => [],
}

export const loopbackDeps = (ports: number[], extra: Partial<ProbeDeps> = {}): ProbeDeps => ({
  guard: createTargetGuard({ resolver: noDns, allow: parseCidrList('127.0.0.0/8'), ports }),
  connect: createNodeConnect(),
  timeoutMs: 2_000,
  nudgeMs: 500,
  ...extra,
})
