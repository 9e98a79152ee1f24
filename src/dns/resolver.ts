/**
 * @module
 * The service's own DNS resolver, as a small interface. The Node adapter (resolver-node.ts)
 * asks the configured servers directly, so a name is looked up once and the answer pinned.
 * Failures reject with a ProbeError: DNS_NXDOMAIN, DNS_NO_ADDRESS, DNS_TIMEOUT or DNS_ERROR.
 */

export interface AddressRecord {
  address: string
  family: 4 | 6
  ttl: number
}

export interface MxRecord {
  exchange: string
  priority: number
}

export interface SrvRecord {
  name: string
  port: number
  priority: number
  weight: number
}

export interface Resolver {
  /** A and AAAA together; rejects with DNS_NO_ADDRESS when the name exists but has neither. */
  addresses(name: string, signal?: AbortSignal): Promise<AddressRecord[]>
  /** MX records, lowest preference first; [] when the domain has none; DNS_NXDOMAIN when it does not exist. */
  mx(name: string, signal?: AbortSignal): Promise<MxRecord[]>
  /** SRV records; [] when there are none (or no such name). A target of "." means "service not offered". */
  srv(name: string, signal?: AbortSignal): Promise<SrvRecord[]>
}
