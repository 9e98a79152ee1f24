/**
 * @module
 * The Node adapter of the resolver: node:dns's c-ares Resolver, asking the configured servers
 * directly (never the system's getaddrinfo, whose answer the guard could not pin).
 */
import { Resolver as DnsResolver } from 'node:dns/promises'
import type { AddressRecord, Resolver } from './resolver.ts'
import { ProbeError } from '../errors/probe-error.ts'
import { raceSignal } from '../util/race-signal.ts'
import { errorCode } from '../util/error-code.ts'

/** Per-attempt DNS timeout; c-ares retries once more before it gives up. */
export const DNS_ATTEMPT_TIMEOUT_MS = 2_000

export interface NodeResolverOptions {
  /** `ip` or `ip:port` entries; empty means the system's configured servers. */
  servers?: string[]
  attemptTimeoutMs?: number
}

const NO_RECORDS = new Set(['ENODATA', 'ENOTFOUND'])

const toProbeError = (err: unknown, name: string): ProbeError => {
  if (err instanceof ProbeError) return err
  const code = errorCode(err)
  if (code === 'ENOTFOUND') return new ProbeError('DNS_NXDOMAIN', name)
  if (code === 'ENODATA') return new ProbeError('DNS_NO_ADDRESS', name)
  if (code === 'ETIMEOUT') return new ProbeError('DNS_TIMEOUT', name)
  return new ProbeError('DNS_ERROR', `${name}: ${code || String(err)}`)
}

export const createNodeResolver = (options: NodeResolverOptions = {}): Resolver => {
  const dns = new DnsResolver({
    timeout: options.attemptTimeoutMs ?? DNS_ATTEMPT_TIMEOUT_MS,
    tries: 2,
  })
  if (options.servers?.length) dns.setServers(options.servers)

  const query = async <T>(
    run: () => Promise<T>,
    name: string,
    signal?: AbortSignal,
  ): Promise<T> => {
    try {
      return signal ? await raceSignal(run(), signal) : await run()
    } catch (err) {
      throw toProbeError(err, name)
    }
  }

  /** Resolves to [] for "no such records" so A and AAAA can be combined. */
  const orEmpty = async <T>(run: () => Promise<T[]>): Promise<{ records: T[]; error: unknown }> => {
    try {
      return { records: await run(), error: null }
    } catch (err) {
      return { records: [], error: err }
    }
  }

  return {
    async addresses(name, signal) {
      const lookups = Promise.all([
        orEmpty(() => dns.resolve4(name, { ttl: true })),
        orEmpty(() => dns.resolve6(name, { ttl: true })),
      ])
      const [v4, v6] = await query(() => lookups, name, signal)
      const records: AddressRecord[] = [
        ...v4.records.map((r) => ({ address: r.address, ttl: r.ttl, family: 4 as const })),
        ...v6.records.map((r) => ({ address: r.address, ttl: r.ttl, family: 6 as const })),
      ]
      if (records.length > 0) return records
      const errors = [v4.error, v6.error].map(errorCode)
      if (errors.every((code) => code === 'ENOTFOUND')) throw new ProbeError('DNS_NXDOMAIN', name)
      if (errors.every((code) => NO_RECORDS.has(code))) throw new ProbeError('DNS_NO_ADDRESS', name)
      throw toProbeError(
        v4.error && !NO_RECORDS.has(errorCode(v4.error)) ? v4.error : v6.error,
        name,
      )
    },
    async mx(name, signal) {
      try {
        const records = await query(() => dns.resolveMx(name), name, signal)
        return records.sort((a, b) => a.priority - b.priority)
      } catch (err) {
        // No MX records at a name that exists: [] (RFC 5321 falls back to the A record).
        // A name that does not exist stays an error: the address's domain is wrong.
        if (err instanceof ProbeError && err.code === 'DNS_NO_ADDRESS') return []
        throw err
      }
    },
    async srv(name, signal) {
      try {
        return await query(() => dns.resolveSrv(name), name, signal)
      } catch (err) {
        if (
          err instanceof ProbeError &&
          (err.code === 'DNS_NO_ADDRESS' || err.code === 'DNS_NXDOMAIN')
        )
          return []
        throw err
      }
    },
  }
}
