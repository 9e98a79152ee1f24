/**
 * @module
 * Checks a host name or IP literal as a caller typed it, before any DNS query.
 */
import ipaddr from 'ipaddr.js'
import { toAsciiDomain } from '../util/idn.ts'

export type HostCheck =
  | { kind: 'ip'; host: string; address: string }
  | { kind: 'name'; host: string }
  | { kind: 'refused'; host: string; reason: string }

/** Suffixes that never name a public mail server (RFC 6761, RFC 8375, common internal use). */
export const LOCAL_SUFFIXES = [
  'localhost',
  'local',
  'internal',
  'home.arpa',
  'localdomain',
  'lan',
  'arpa',
  'onion',
]

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/
/**
 * Every IPv4 form ipaddr.js parses is made of these characters. Testing first spares the thrown
 * (and caught) error ipaddr.IPv4.isValid costs for every name: it was a third of a
 * known-domain lookup's time under load (docs/benchmarks.md, bench:lookup).
 */
const IPV4_CHARS = /^[0-9a-fx.]+$/

/**
 * @example
 * checkHostName('Mail.Example.COM.') // { kind: 'name', host: 'mail.example.com' }
 * checkHostName('0x7f.1')            // { kind: 'refused', ... } (an IPv4 address in an odd form)
 */
export const checkHostName = (input: string): HostCheck => {
  let host = input.trim().toLowerCase()
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1)
  if (host.endsWith('.')) host = host.slice(0, -1)
  if (host.length === 0 || host.length > 253)
    return { kind: 'refused', host, reason: 'empty or too long' }

  if (ipaddr.IPv6.isValid(host)) {
    if (host.includes('%')) return { kind: 'refused', host, reason: 'IPv6 zone index' }
    return { kind: 'ip', host, address: ipaddr.IPv6.parse(host).toNormalizedString() }
  }
  const ipv4Like = IPV4_CHARS.test(host)
  if (ipv4Like && ipaddr.IPv4.isValidFourPartDecimal(host))
    return { kind: 'ip', host, address: host }
  // Decimal, hex, octal and short forms (2130706433, 0x7f.1, 0177.0.0.1, 127.1) mean different
  // things to different parsers; no mail server needs them, so they are refused outright.
  if (
    (ipv4Like && ipaddr.IPv4.isValid(host)) ||
    /^[0-9.]+$/.test(host) ||
    /^0x[0-9a-f.x]+$/.test(host)
  ) {
    return { kind: 'refused', host, reason: 'an IPv4 address in a non-standard form' }
  }

  const ascii = toAsciiDomain(host)
  if (!ascii) return { kind: 'refused', host, reason: 'not a valid host name' }
  const labels = ascii.split('.')
  if (labels.length < 2) return { kind: 'refused', host: ascii, reason: 'a single-label name' }
  if (!labels.every((label) => LABEL.test(label)))
    return { kind: 'refused', host: ascii, reason: 'not a valid host name' }
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? '')) {
    return { kind: 'refused', host: ascii, reason: 'a numeric top-level label' }
  }
  const local = LOCAL_SUFFIXES.find((suffix) => ascii === suffix || ascii.endsWith(`.${suffix}`))
  if (local) return { kind: 'refused', host: ascii, reason: `a .${local} name` }
  return { kind: 'name', host: ascii }
}
