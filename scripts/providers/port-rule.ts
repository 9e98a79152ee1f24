/**
 * @module
 * The port/security rule every imported server must obey: 993, 995 and 465 are implicit TLS;
 * 143, 110, 587 and 25 are STARTTLS or plaintext. Any other port is not one the service probes
 * (MAILSETUP_PROBE_PORTS) nor one a mail client is usually offered, so such servers are dropped.
 * A server may break the rule only when a source says so explicitly: it is then listed in
 * `PORT_EXCEPTIONS` with that source, and the import report prints every exception.
 */
import type { Fix, ServerInput, SourceRecord } from './types.ts'
import type { Protocol, Security } from '../../src/model/domain.ts'

/** The usual security of each mail port: `tls` = implicit TLS, `plain` = STARTTLS or none. */
export const USUAL_SECURITY: Readonly<Record<number, 'tls' | 'plain'>> = {
  993: 'tls',
  995: 'tls',
  465: 'tls',
  143: 'plain',
  110: 'plain',
  587: 'plain',
  25: 'plain',
}

/** A server allowed to break the rule, with the source that says it does. */
export interface PortException {
  host: string
  port: number
  security: Security
  /** The provider's own page (or equivalent) stating this port and security. */
  source: string
}

/**
 * Exceptions, each with its source. Empty today: every pair the sources gave that broke the rule
 * was a data mistake (see the fixes in docs/providers-conflicts.md), not a documented setup.
 */
export const PORT_EXCEPTIONS: readonly PortException[] = []

const isException = (s: ServerInput, exceptions: readonly PortException[]) =>
  exceptions.some(
    (e) => e.host === s.host.toLowerCase() && e.port === s.port && e.security === s.security,
  )

/**
 * The server as the rule wants it: the security corrected to the port's usual one, `null`
 * when the port is not a usual mail port, or unchanged when it obeys the rule or is an exception.
 */
export const ruledServer = (
  s: ServerInput,
  exceptions: readonly PortException[] = PORT_EXCEPTIONS,
): ServerInput | null => {
  if (isException(s, exceptions)) return s
  const usual = USUAL_SECURITY[s.port]
  if (!usual) return null
  if (usual === 'tls' && s.security !== 'tls') return { ...s, security: 'tls' }
  if (usual === 'plain' && s.security === 'tls') return { ...s, security: 'starttls' }
  return s
}

/**
 * Applies the rule to every server of every record, in place of the originals, and returns one
 * fix per change (corrected security, or a dropped server on an unusual port).
 */
export const applyPortRule = (
  records: SourceRecord[],
  exceptions: readonly PortException[] = PORT_EXCEPTIONS,
): { records: SourceRecord[]; fixes: Fix[] } => {
  const fixes: Fix[] = []
  const out = records.map((rec) => {
    const servers = rec.data.servers
    if (!servers) return rec
    const ruled: Partial<Record<Protocol, ServerInput[]>> = {}
    for (const [protocol, list] of Object.entries(servers) as [Protocol, ServerInput[]][]) {
      ruled[protocol] = list.flatMap((s) => {
        const r = ruledServer(s, exceptions)
        const was = `${protocol} ${s.host}:${s.port} ${s.security}`
        if (!r) {
          fixes.push({
            ref: rec.ref,
            what: `${was} dropped: port ${s.port} is not a usual mail port (the service probes 25, 110, 143, 465, 587, 993, 995)`,
          })
          return []
        }
        if (r.security !== s.security) {
          fixes.push({
            ref: rec.ref,
            what: `${was} → ${r.security}: port ${s.port} is ${r.security === 'tls' ? 'implicit TLS' : 'STARTTLS or plaintext, never implicit TLS'}`,
          })
        }
        return [r]
      })
    }
    return { ...rec, data: { ...rec.data, servers: ruled } }
  })
  return { records: out, fixes }
}

/** True when a server obeys the rule or is a listed exception (used by the data tests). */
export const obeysPortRule = (
  s: { host: string; port: number; security: Security },
  exceptions: readonly PortException[] = PORT_EXCEPTIONS,
): boolean => {
  const r = ruledServer({ ...s }, exceptions)
  return r !== null && r.security === s.security
}
