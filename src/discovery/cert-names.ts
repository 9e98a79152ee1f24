/**
 * @module
 * A server whose certificate is issued to another host: when that host answers on the same
 * port with a certificate that fits, it is the name to use, so the discovery probes it (through
 * the same guard and limits) and adds it as a candidate. A name on the certificate that does not
 * resolve or answer is never suggested.
 */
import { isHostName, normalizeDomain } from '../providers/index.ts'
import type { ProbeResult } from '../probes/result.ts'
import { keyOf, withProbe } from './candidates.ts'
import type { CandidateServer } from './types.ts'

/** Probes targets, results keyed by `keyOf` the target (probeAll over the discovery's runs). */
export type ProbeTargets = (targets: CandidateServer[]) => Promise<Map<string, ProbeResult>>

/** Most certificate names one discovery probes. */
export const MAX_CERT_NAME_PROBES = 2

/** The certificate's exact host names (no wildcards) other than the one connected to. */
const otherNames = (c: CandidateServer, r: ProbeResult): string[] =>
  (r.tls?.certificate?.names ?? [])
    .map((n) => normalizeDomain(n))
    .filter((n) => !n.includes('*') && isHostName(n) && n !== c.host.toLowerCase())

/**
 * For each candidate whose probe said TLS_CERT_NAME, the first other name its certificate
 * carries, probed on the same protocol, port and security; those that answer with a fitting
 * certificate come back as candidates (`certNameOf` the host they replace).
 *
 * @example
 * await certNameCandidates(probed, results, (targets) => probeAll(runs, targets)) // [{ host: 'mail.hoster.example', certNameOf: 'mail.corp.example', verified: true, … }]
 */
export const certNameCandidates = async (
  candidates: readonly CandidateServer[],
  results: ReadonlyMap<string, ProbeResult>,
  probe: ProbeTargets,
): Promise<{ candidates: CandidateServer[]; probes: ProbeResult[] }> => {
  const known = new Set(candidates.map(keyOf))
  const targets: CandidateServer[] = []
  for (const c of candidates) {
    const r = results.get(keyOf(c))
    if (!r || !r.problems.includes('TLS_CERT_NAME')) continue
    const name = otherNames(c, r)[0]
    if (!name) continue
    const target: CandidateServer = {
      protocol: c.protocol,
      host: name,
      port: c.port,
      security: c.security,
      username: c.username,
      source: { type: 'guess', url: `certificate of ${c.host}`, trusted: true },
      verified: false,
      certNameOf: c.host,
    }
    if (known.has(keyOf(target))) continue
    known.add(keyOf(target))
    targets.push(target)
    if (targets.length >= MAX_CERT_NAME_PROBES) break
  }
  if (targets.length === 0) return { candidates: [], probes: [] }
  const probed = await probe(targets)
  const fits = targets
    .map((t) => ({ t, r: probed.get(keyOf(t)) }))
    .filter(({ r }) => r && r.status !== 'error' && !r.problems.includes('TLS_CERT_NAME'))
  return {
    candidates: fits.map(({ t, r }) => withProbe(t, r)),
    probes: [...probed.values()],
  }
}
