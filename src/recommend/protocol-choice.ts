/**
 * @module
 * IMAP or POP3, from what the user needs and what the server offers, the way the classic
 * comparison puts it: IMAP keeps mail on the server and syncs every device; POP3 downloads to
 * one device, by default removes mail from the server, uses less of it and works offline.
 */
import type { CandidateServer } from '../discovery/types.ts'
import { standingOf } from './rank.ts'
import { certProblemName } from './labels.ts'
import type { Draft } from './texts.ts'
import type { IncomingProtocol, Needs } from '../model/domain.ts'

export interface ProtocolChoice {
  protocol: IncomingProtocol | null
  reasons: Draft[]
  warnings: Draft[]
}

/** What the needs call for: IMAP unless one device plus offline reading or a small quota. */
export const preferredProtocol = (needs: Needs = {}): IncomingProtocol | 'default' => {
  if (needs.devices === 'several' || needs.keepOnServer) return 'imap'
  if (needs.devices === 'one' && (needs.offline || needs.serverQuotaSmall)) return 'pop3'
  return 'default'
}

const imapReasons = (needs: Needs, wanted: IncomingProtocol | 'default', popOffered: boolean) => {
  const out: Draft[] = []
  if (needs.devices === 'several') out.push({ code: 'IMAP_SEVERAL_DEVICES' })
  if (needs.keepOnServer) out.push({ code: 'IMAP_KEEP_ON_SERVER' })
  if (wanted === 'default') out.push({ code: 'IMAP_DEFAULT' })
  if (wanted === 'pop3' && !popOffered) out.push({ code: 'IMAP_ONLY_OFFERED' })
  if (wanted !== 'imap' && needs.offline) out.push({ code: 'IMAP_OFFLINE_COPIES' })
  if (wanted !== 'imap' && needs.serverQuotaSmall) out.push({ code: 'IMAP_QUOTA_NOTE' })
  return out
}

const pop3Reasons = (needs: Needs, wanted: IncomingProtocol | 'default', imapUsable: boolean) => {
  const out: Draft[] = []
  if (wanted === 'pop3') {
    if (needs.offline) out.push({ code: 'POP3_OFFLINE' })
    if (needs.serverQuotaSmall) out.push({ code: 'POP3_SERVER_QUOTA' })
    if (imapUsable) out.push({ code: 'IMAP_ALSO_WORKS' })
  } else {
    out.push({ code: wanted === 'imap' ? 'POP3_ONLY_KEEP_COPY' : 'POP3_ONLY' })
  }
  return out
}

/**
 * Picks the incoming protocol from the best usable IMAP and POP3 servers (null when none).
 * A protocol whose best server has a certificate problem gives way to one without.
 *
 * @example
 * chooseProtocol({ devices: 'one', offline: true }, imap993, pop995).protocol // 'pop3'
 * chooseProtocol({ devices: 'several' }, null, pop995).reasons[0].code // 'POP3_ONLY_KEEP_COPY'
 */
export const chooseProtocol = (
  needs: Needs | undefined,
  imap: CandidateServer | null,
  pop3: CandidateServer | null,
): ProtocolChoice => {
  const n = needs ?? {}
  const wanted = preferredProtocol(n)
  const first = wanted === 'pop3' ? pop3 : imap
  const second = wanted === 'pop3' ? imap : pop3
  if (!first && !second) return { protocol: null, reasons: [], warnings: [] }

  const reasons: Draft[] = []
  let chosen = first ?? second
  const badCert = (c: CandidateServer | null) => c !== null && standingOf(c) === 'cert-problem'
  if (first && second && badCert(first) && !badCert(second)) {
    chosen = second
    const name = first.protocol === 'imap' ? 'IMAP' : 'POP3'
    reasons.push({
      code: 'CERT_AVOIDED',
      params: { protocol: name, problem: certProblemName(first.code) },
    })
  }
  const protocol: IncomingProtocol = chosen?.protocol === 'pop3' ? 'pop3' : 'imap'
  // POP3 with a bad certificate is still offered (CERT_AVOIDED says why it is not used), but
  // IMAP with one does not "work too".
  if (protocol === 'imap') reasons.push(...imapReasons(n, wanted, pop3 !== null))
  else reasons.push(...pop3Reasons(n, wanted, imap !== null && !badCert(imap)))

  const warnings: Draft[] = []
  if (protocol === 'pop3' && n.devices === 'several') warnings.push({ code: 'POP3_NO_SYNC' })
  return { protocol, reasons, warnings }
}
