/**
 * @module
 * What to say about the server chosen for one direction: its encryption, its certificate,
 * the plaintext servers passed over, port 25, or why nothing could be recommended.
 */
import type { CandidateServer } from '../discovery/types.ts'
import { problemMessage, serverLabel, serverList } from './labels.ts'
import { SOURCE_LABELS } from './texts.ts'
import { type ProbeContext, isLastResort, rankUsable, standingOf } from './rank.ts'
import type { Draft, Localized, Notes } from './texts.ts'

export type Direction = 'incoming' | 'outgoing'

const nothingChosen = (direction: Direction, all: readonly CandidateServer[]): Notes => {
  const incoming = direction === 'incoming'
  if (all.length === 0) {
    return {
      reasons: [],
      warnings: [{ code: incoming ? 'NO_INCOMING_FOUND' : 'NO_OUTGOING_FOUND' }],
    }
  }
  const warnings: Draft[] = []
  // A plaintext server whose probe failed is neither an option nor worth a warning of its own.
  const plaintext = all.filter((c) => standingOf(c) === 'plaintext' && c.status !== 'error')
  const failed = all.find((c) => standingOf(c) === 'failed' || c.status === 'error')
  if (plaintext.length > 0) {
    const code = incoming ? 'INCOMING_PLAINTEXT_ONLY' : 'OUTGOING_PLAINTEXT_ONLY'
    warnings.push({ code, params: { server: serverList(plaintext) } })
  }
  if (failed && plaintext.length === 0) {
    const code = incoming ? 'INCOMING_ALL_FAILED' : 'OUTGOING_ALL_FAILED'
    warnings.push({
      code,
      params: { server: serverLabel(failed), problem: problemMessage(failed.code) },
    })
  }
  return { reasons: [], warnings }
}

/**
 * Reasons and warnings for one direction, given all its candidates and the one chosen.
 *
 * @example
 * serverNotes('outgoing', [smtp465, smtp587], smtp465).reasons[0].code // 'TLS_OVER_STARTTLS'
 */
export const serverNotes = (
  direction: Direction,
  all: readonly CandidateServer[],
  chosen: CandidateServer | null,
  context: { probes?: ProbeContext; publisher?: Localized } = {},
): Notes => {
  if (!chosen) return nothingChosen(direction, all)
  const reasons: Draft[] = []
  const warnings: Draft[] = []
  const server = serverLabel(chosen)
  const standing = standingOf(chosen, context.probes)
  if (standing === 'unchecked') {
    warnings.push({
      code: 'KEPT_UNCHECKED',
      params: {
        server,
        problem: problemMessage(chosen.code),
        publisher: context.publisher ?? SOURCE_LABELS[chosen.source.type],
      },
    })
  } else if (standing === 'cert-problem') {
    warnings.push({
      code: 'CERT_PROBLEM',
      params: { server, problem: problemMessage(chosen.code) },
    })
  } else if (standing === 'warning' && chosen.code) {
    warnings.push({
      code: 'PROBE_WARNING',
      params: { server, problem: problemMessage(chosen.code) },
    })
  }

  if (chosen.security === 'tls') {
    const sameProtocol = all.filter((c) => c.protocol === chosen.protocol)
    const alternative = rankUsable(sameProtocol, context.probes).find(
      (c) => c.security === 'starttls',
    )
    if (alternative) {
      reasons.push({
        code: 'TLS_OVER_STARTTLS',
        params: { server, alternative: serverLabel(alternative) },
      })
    }
  } else {
    reasons.push({ code: 'STARTTLS_ONLY', params: { server } })
  }
  if (chosen.certNameOf) {
    reasons.push({
      code: 'CERT_NAME_HOST',
      params: { original: chosen.certNameOf, host: chosen.host, server },
    })
  }
  if (isLastResort(chosen)) reasons.push({ code: 'SMTP_PORT_25', params: { server } })

  const plaintext = all.filter((c) => standingOf(c) === 'plaintext')
  if (plaintext.length > 0)
    reasons.push({ code: 'PLAINTEXT_NEVER', params: { server: serverList(plaintext) } })
  if (!chosen.source.trusted && (standing === 'unprobed' || standing === 'cert-problem')) {
    warnings.push({ code: 'UNTRUSTED_SOURCE', params: { server } })
  }
  return { reasons, warnings }
}
