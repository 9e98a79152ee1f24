/**
 * @module
 * The target guard: every outbound connection asks it first. It resolves the name through the
 * service's own resolver, refuses private, local and reserved addresses and non-mail ports, and
 * hands back the one IP address to connect to, so nothing looks the name up a second time.
 */
import type { Resolver } from '../dns/resolver.ts'
import { ProbeError } from '../errors/probe-error.ts'
import { type Cidr, judgeAddress } from './address-policy.ts'
import { checkHostName } from './host-name.ts'

export interface GuardOptions {
  resolver: Resolver
  /** CIDRs exempt from the public-address rule (MAILSETUP_ALLOW_TARGETS). */
  allow: readonly Cidr[]
  /** Ports that may be connected to (MAILSETUP_PROBE_PORTS). */
  ports: readonly number[]
}

export interface PinnedTarget {
  /** The normalised host name (or IP literal), for SNI and the certificate check. */
  host: string
  /** The checked address to connect to. */
  address: string
  family: 4 | 6
}

export interface TargetGuard {
  /** Throws ProbeError TARGET_BLOCKED, or a DNS_* code when the name does not resolve. */
  resolve(host: string, signal?: AbortSignal): Promise<PinnedTarget>
  /** Throws ProbeError TARGET_BLOCKED for a port that is not a mail port. */
  checkPort(port: number): void
  allowsPort(port: number): boolean
  /**
   * Why `host` is refused before any DNS query (a `.local`/`localhost` name, an IP literal in a
   * private, loopback or reserved range not in MAILSETUP_ALLOW_TARGETS…), or null when only
   * resolving it can tell. Discovery uses it to keep such servers out of client answers.
   */
  refusal(host: string): string | null
}

const blocked = (what: string) => new ProbeError('TARGET_BLOCKED', what)

/**
 * @example
 * const guard = createTargetGuard({ resolver, allow: [], ports: [993, 587] })
 * const { address } = await guard.resolve('imap.example.com') // connect to `address`, SNI with the host
 */
export const createTargetGuard = (options: GuardOptions): TargetGuard => {
  const ports = new Set(options.ports)
  const refusal = (input: string): string | null => {
    const checked = checkHostName(input)
    if (checked.kind === 'refused') return `${checked.host || 'host'}: ${checked.reason}`
    if (checked.kind === 'ip') {
      const verdict = judgeAddress(checked.address, options.allow)
      if (!verdict.allowed) return `${checked.address} is a ${verdict.range} address`
    }
    return null
  }
  return {
    refusal,
    allowsPort: (port) => ports.has(port),
    checkPort(port) {
      if (!ports.has(port)) throw blocked(`port ${port} is not a mail port this service probes`)
    },
    async resolve(input, signal) {
      const refused = refusal(input)
      if (refused) throw blocked(refused)
      const checked = checkHostName(input)
      if (checked.kind === 'refused') throw blocked(checked.reason)
      if (checked.kind === 'ip') {
        return {
          host: checked.host,
          address: checked.address,
          family: checked.address.includes(':') ? 6 : 4,
        }
      }
      const records = await options.resolver.addresses(checked.host, signal)
      // One refused address refuses the name: a name that points inside is not a public server.
      for (const record of records) {
        const verdict = judgeAddress(record.address, options.allow)
        if (!verdict.allowed) {
          throw blocked(`${checked.host} resolves to ${record.address}, a ${verdict.range} address`)
        }
      }
      const chosen = records.find((r) => r.family === 4) ?? records[0]
      if (!chosen) throw new ProbeError('DNS_NO_ADDRESS', checked.host)
      return { host: checked.host, address: chosen.address, family: chosen.family }
    },
  }
}
