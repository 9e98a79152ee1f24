/**
 * @module
 * The registrable domain of a host name (its public suffix and one label more), by the Public
 * Suffix List through tldts. tldts builds its rule tree when it is imported (about 1.3 MB of an
 * idle start, docs/benchmarks.md), so it is imported on the first question: only a lookup by an
 * MX or server host asks one.
 */
import { onFirstUse } from './on-first-use.ts'

const loadTldts = onFirstUse(() => import('tldts'))

/**
 * The registrable domain of `host`, or null when it has none (a public suffix itself, an IP
 * address, no known suffix).
 *
 * @example
 * await registrableDomain('mx1.mail.example.co.uk') // 'example.co.uk'
 */
export const registrableDomain = async (host: string): Promise<string | null> =>
  (await loadTldts()).getDomain(host)
