/**
 * @module
 * Which IP addresses the service may connect to: public unicast only, unless an operator's
 * CIDR allows more. IPv6 forms that carry an IPv4 address (IPv4-mapped, NAT64, 6to4, Teredo)
 * are judged by the IPv4 address inside them. Ranges come from ipaddr.js, not from hand-written checks.
 */
import ipaddr from 'ipaddr.js'
import { splitCommaList } from '../util/comma-list.ts'

export type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number]

export interface AddressVerdict {
  allowed: boolean
  /** ipaddr.js's range name for a refused address, e.g. 'private', 'loopback', 'linkLocal'. */
  range: string
}

/** Parses `10.0.0.0/8, fd00::/8` into CIDRs; throws on a bad entry (config validation names it). */
export const parseCidrList = (value: string): Cidr[] =>
  splitCommaList(value).map((entry) =>
    entry.includes('/') ? ipaddr.parseCIDR(entry) : toHostCidr(entry),
  )

const toHostCidr = (address: string): Cidr => {
  const parsed = ipaddr.parse(address)
  return [parsed, parsed.kind() === 'ipv4' ? 32 : 128]
}

const inAllowList = (address: ipaddr.IPv4 | ipaddr.IPv6, allow: readonly Cidr[]): boolean =>
  allow.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits))

const ipv4FromBits = (high: number, low: number): ipaddr.IPv4 =>
  new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff])

/** The IPv4 addresses an IPv6 transition address stands for; null for a plain IPv6 address. */
const embeddedIpv4 = (address: ipaddr.IPv6): ipaddr.IPv4[] | null => {
  const p = address.parts as number[]
  const part = (i: number) => p[i] ?? 0
  switch (address.range()) {
    case 'ipv4Mapped':
    case 'rfc6145':
      return [ipv4FromBits(part(6), part(7))]
    case 'rfc6052':
      // 64:ff9b::/96 keeps the IPv4 address in the last 32 bits; the /48 local-use prefix
      // (RFC 8215) may put it elsewhere, so it is refused as a whole below.
      return part(2) === 0 ? [ipv4FromBits(part(6), part(7))] : [new ipaddr.IPv4([0, 0, 0, 0])]
    case '6to4':
      return [ipv4FromBits(part(1), part(2))]
    case 'teredo':
      // Server address in bits 32-63, client address (inverted) in bits 96-127.
      return [ipv4FromBits(part(2), part(3)), ipv4FromBits(~part(6) & 0xffff, ~part(7) & 0xffff)]
    default:
      return null
  }
}

/**
 * @example
 * judgeAddress('10.0.0.1', []) // { allowed: false, range: 'private' }
 * judgeAddress('10.0.0.1', parseCidrList('10.0.0.0/8')) // { allowed: true, range: 'private' }
 */
export const judgeAddress = (address: string, allow: readonly Cidr[]): AddressVerdict => {
  if (!ipaddr.isValid(address)) return { allowed: false, range: 'invalid' }
  const parsed = ipaddr.parse(address)
  if (inAllowList(parsed, allow)) return { allowed: true, range: parsed.range() }
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6
    const inner = embeddedIpv4(v6)
    if (inner) {
      const refused = inner.find((v4) => !inAllowList(v4, allow) && v4.range() !== 'unicast')
      return refused
        ? { allowed: false, range: `${v6.range()}:${refused.range()}` }
        : { allowed: true, range: v6.range() }
    }
  }
  const range = parsed.range()
  return { allowed: range === 'unicast', range }
}
