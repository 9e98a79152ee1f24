/**
 * @module
 * A resolver over DNS-over-HTTPS, the JSON API (`accept: application/dns-json`, as Cloudflare's
 * and Google's resolvers answer it), for runtimes without UDP: Cloudflare Workers. The URL is
 * MAILSETUP_DOH_URL (default Cloudflare's). It only needs `fetch`, so it runs on Node too and is
 * tested there and in workerd against a local DoH server (test/fake/doh-server.ts). The target
 * guard judges its answers exactly as it judges the Node resolver's.
 *
 * JSON format: https://developers.cloudflare.com/1.1.1.1/encryption/dns-over-https/make-api-requests/dns-json/
 * (Status is the RCODE: 0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN, 5 REFUSED; AD the DNSSEC flag.)
 */
import * as z from 'zod'
import { ProbeError } from '../errors/probe-error.ts'
import { type Deadline, createDeadline } from '../util/deadline.ts'
import type { Slots } from '../util/slots.ts'
import type { AddressRecord, MxRecord, Resolver, SrvRecord } from './resolver.ts'

/** Cloudflare's DoH endpoint (MAILSETUP_DOH_URL's default). */
export const DEFAULT_DOH_URL = 'https://cloudflare-dns.com/dns-query'
/** One budget per query, the HTTP round trip included. */
export const DOH_TIMEOUT_MS = 3_000
/** A DoH JSON answer is small; a bigger body is not one. */
const MAX_ANSWER_BYTES = 64 * 1024

const TYPES = { A: 1, AAAA: 28, MX: 15, SRV: 33, TXT: 16 } as const
export type DohType = keyof typeof TYPES

const AnswerSchema = z.object({
  Status: z.number().int(),
  AD: z.boolean().optional(),
  Answer: z
    .array(
      z.object({ name: z.string(), type: z.number().int(), TTL: z.number(), data: z.string() }),
    )
    .optional(),
})

export interface DohRecord {
  /** The record's data as the JSON API gives it (MX: "10 mx.example.com.", TXT quoted). */
  data: string
  ttl: number
}

/** One query's answer: the records of the asked type (CNAMEs on the way left out) and the AD flag. */
export interface DohAnswer {
  records: DohRecord[]
  /** True when the resolver validated the answer with DNSSEC. */
  authenticated: boolean
}

export interface DohResolver extends Resolver {
  /** One query of any supported type; NXDOMAIN rejects with DNS_NXDOMAIN, no records is []. */
  query(name: string, type: DohType, signal?: AbortSignal): Promise<DohAnswer>
  /** TXT records, each one string (its quoted parts joined). */
  txt(name: string, signal?: AbortSignal): Promise<Array<{ text: string; ttl: number }>>
}

export interface DohResolverOptions {
  url?: string
  /** Defaults to the global fetch. */
  fetch?: typeof fetch
  timeoutMs?: number
  /** Outbound connections of this invocation (Cloudflare Workers counts fetches too). */
  outbound?: Slots
}

const withoutDot = (name: string) => (name.endsWith('.') && name !== '.' ? name.slice(0, -1) : name)

/** `"v=spf1 " "include:x"` → `v=spf1 include:x` (RFC 1035 character-strings, \" and \\ escapes). */
const txtText = (data: string): string => {
  const parts = [...data.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? '')
  if (parts.length === 0) return data
  return parts.join('').replace(/\\(.)/g, '$1')
}

/**
 * @example
 * const resolver = createDohResolver({ url: 'https://cloudflare-dns.com/dns-query' })
 * await resolver.mx('qq.com') // [{ exchange: 'mx3.qq.com', priority: 10 }, ...]
 */
export const createDohResolver = (options: DohResolverOptions = {}): DohResolver => {
  const url = options.url ?? DEFAULT_DOH_URL
  const timeoutMs = options.timeoutMs ?? DOH_TIMEOUT_MS
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))

  const ask = async (name: string, type: DohType, deadline: Deadline) => {
    const target = new URL(url)
    target.searchParams.set('name', name)
    target.searchParams.set('type', type)
    const release = options.outbound ? await options.outbound.acquire(deadline.signal) : null
    try {
      const res = await doFetch(target, {
        headers: { accept: 'application/dns-json' },
        signal: deadline.signal,
      })
      if (!res.ok) {
        await res.body?.cancel()
        throw new ProbeError('DNS_ERROR', `${name}: the DoH server answered HTTP ${res.status}`)
      }
      const text = await res.text()
      if (text.length > MAX_ANSWER_BYTES)
        throw new ProbeError('DNS_ERROR', `${name}: DoH answer too large`)
      return AnswerSchema.parse(JSON.parse(text))
    } finally {
      release?.()
    }
  }

  const query: DohResolver['query'] = async (name, type, signal) => {
    const deadline = createDeadline(timeoutMs, {
      parent: signal,
      timeoutError: () => new ProbeError('DNS_TIMEOUT', name),
      cancelError: (reason) =>
        reason instanceof ProbeError ? reason : new ProbeError('DNS_TIMEOUT', name),
    })
    try {
      const answer = await deadline.race(ask(name, type, deadline))
      if (answer.Status === 3) throw new ProbeError('DNS_NXDOMAIN', name)
      if (answer.Status !== 0)
        throw new ProbeError('DNS_ERROR', `${name}: DNS status ${answer.Status}`)
      const records = (answer.Answer ?? [])
        .filter((record) => record.type === TYPES[type])
        .map((record) => ({ data: record.data, ttl: record.TTL }))
      return { records, authenticated: answer.AD === true }
    } catch (err) {
      if (deadline.signal.aborted) throw deadline.error()
      if (err instanceof ProbeError) throw err
      throw new ProbeError(
        'DNS_ERROR',
        `${name}: ${err instanceof Error ? err.message : String(err)}`,
      )
    } finally {
      deadline.dispose()
    }
  }

  /** [] for NXDOMAIN, so MX-less and SRV-less names read alike where the caller wants that. */
  const orNone = async <T>(run: () => Promise<T[]>): Promise<T[]> => {
    try {
      return await run()
    } catch (err) {
      if (err instanceof ProbeError && err.code === 'DNS_NXDOMAIN') return []
      throw err
    }
  }

  return {
    query,
    async addresses(name, signal) {
      const [v4, v6] = await Promise.all([query(name, 'A', signal), query(name, 'AAAA', signal)])
      const records: AddressRecord[] = [
        ...v4.records.map((r) => ({ address: r.data, ttl: r.ttl, family: 4 as const })),
        ...v6.records.map((r) => ({ address: r.data, ttl: r.ttl, family: 6 as const })),
      ]
      if (records.length === 0) throw new ProbeError('DNS_NO_ADDRESS', name)
      return records
    },
    async mx(name, signal) {
      const { records } = await query(name, 'MX', signal)
      return records
        .map((r): MxRecord | null => {
          const [priority, exchange] = r.data.trim().split(/\s+/)
          if (!exchange || !/^\d+$/.test(priority ?? '')) return null
          return { priority: Number(priority), exchange: withoutDot(exchange) }
        })
        .filter((r): r is MxRecord => r !== null)
        .sort((a, b) => a.priority - b.priority)
    },
    async srv(name, signal) {
      return orNone(async () => {
        const { records } = await query(name, 'SRV', signal)
        return records
          .map((r): SrvRecord | null => {
            const [priority, weight, port, target] = r.data.trim().split(/\s+/)
            const numbers = [priority, weight, port].map(Number)
            if (!target || numbers.some((n) => !Number.isInteger(n))) return null
            const [p = 0, w = 0, n = 0] = numbers
            return { priority: p, weight: w, port: n, name: withoutDot(target) }
          })
          .filter((r): r is SrvRecord => r !== null)
      })
    },
    async txt(name, signal) {
      const { records } = await query(name, 'TXT', signal)
      return records.map((r) => ({ text: txtText(r.data), ttl: r.ttl }))
    },
  }
}
