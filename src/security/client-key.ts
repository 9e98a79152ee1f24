/**
 * @module
 * Which client a peer address is, for the limits: an IPv4 address as it is, an IPv6 address by
 * its /64 (one household or host gets a whole /64, so counting single addresses would let it
 * rotate through them), an IPv4-mapped IPv6 address as the IPv4 one.
 */
import ipaddr from 'ipaddr.js'

/**
 * @example
 * clientKeyOf('2001:db8:1:2::abcd') // '2001:db8:1:2::/64'
 * clientKeyOf('::ffff:198.51.100.7') // '198.51.100.7'
 */
export const clientKeyOf = (address: string): string => {
  if (!ipaddr.isValid(address)) return address
  const v6 = ipaddr.parse(address)
  if (v6 instanceof ipaddr.IPv4) return v6.toString()
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString()
  const prefix = v6.toNormalizedString().split(':').slice(0, 4)
  return `${ipaddr.IPv6.parse(`${prefix.join(':')}::`).toString()}/64`
}
