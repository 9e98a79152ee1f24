/**
 * @module
 * The recommendation engine: which incoming and outgoing server a careful mail administrator
 * would tell this user to use, which secret and username to type, and why. Pure.
 */
import type { CandidateServer } from '../discovery/types.ts'
import { accountIdLabel } from '../providers/account-id.ts'
import { splitEmail } from '../providers/expand.ts'
import { hintsFor, localizeAdvice, providerName } from '../providers/hints.ts'
import type { Provider } from '../providers/schema.ts'
import { credentialFor, usernameFor } from './credential.ts'
import { oauthClientList } from './oauth-clients.ts'
import { serverList, sourcesLabel } from './labels.ts'
import { chooseProtocol } from './protocol-choice.ts'
import { NO_CONTEXT, probeContext, rankUsable, standingOf } from './rank.ts'
import { chooseHost, choicesDrafts, measuredDraft, unmeasuredChoices } from './host-choice.ts'
import { nothingFoundNotes } from './nothing-found.ts'
import { serverNotes } from './server-notes.ts'
import { say, type Draft, type Localized, type Notes } from './texts.ts'
import type { Recommendation, RecommendInput } from './types.ts'
import type { Lang } from '../model/domain.ts'

const verificationNotes = (chosen: readonly CandidateServer[], probed: boolean): Draft[] => {
  const out: Draft[] = []
  const verified = chosen.filter((c) => ['verified', 'warning'].includes(standingOf(c)))
  const unverified = chosen.filter((c) => standingOf(c) === 'unprobed')
  if (verified.length > 0) out.push({ code: 'VERIFIED', params: { servers: serverList(verified) } })
  if (unverified.length > 0) {
    const sources = sourcesLabel(unverified.map((c) => c.source))
    const code = probed ? 'PROBE_NO_RESULT' : 'NOT_VERIFIED'
    out.push({ code, params: { servers: serverList(unverified), sources } })
  }
  return out
}

/** Who publishes a provider's settings, in words: its name; without one, server-notes names the source. */
const publisherOf = (provider: Provider | null): Localized | undefined =>
  provider
    ? { en: providerName(provider, 'en'), 'zh-CN': providerName(provider, 'zh-CN') }
    : undefined

const providerNotes = (provider: Provider | null): Notes => {
  if (!provider) return { reasons: [], warnings: [] }
  const name = { en: providerName(provider, 'en'), 'zh-CN': providerName(provider, 'zh-CN') }
  if (provider.clientAccess) {
    const { kind, instead, url } = provider.clientAccess
    const text = (lang: Lang) => localizeAdvice(instead, lang) + (url ? ` (${url})` : '')
    const code = kind === 'bridge' ? 'PROVIDER_BRIDGE_ONLY' : 'PROVIDER_NO_CLIENT_ACCESS'
    const params = { provider: name, instead: { en: text('en'), 'zh-CN': text('zh-CN') } }
    return { reasons: [], warnings: [{ code, params }] }
  }
  if (provider.status === 'broken') {
    const oauth2 = provider.credential === 'oauth2-only' || provider.oauth2
    const warning: Draft = oauth2
      ? { code: 'PROVIDER_BROKEN_OAUTH2', params: { provider: name, clients: oauthClientList() } }
      : { code: 'PROVIDER_BROKEN', params: { provider: name } }
    return { reasons: [], warnings: [warning] }
  }
  if (provider.status === 'preparation') {
    return { reasons: [{ code: 'ENABLE_ACCESS_FIRST', params: { provider: name } }], warnings: [] }
  }
  return { reasons: [], warnings: [] }
}

/**
 * Recommends servers for an address from the discovered (and possibly probed) candidates.
 *
 * - IMAP unless the needs (one device plus offline reading or a small quota) favour POP3, and
 *   only among what is offered; POP3 for several devices comes with "leave a copy".
 * - Implicit TLS before STARTTLS (RFC 8314); plaintext never; SMTP 465, then 587, port 25 last.
 * - Probed: verified before unverified, failed never, a bad certificate only as the last
 *   working choice and with a warning. Not probed: by source priority, with NOT_VERIFIED.
 *
 * @example
 * const r = recommend({ email: 'ann@qq.com', candidates, provider: index.byDomain('qq.com') ?? null,
 *   lang: 'zh-CN', probed: true })
 * r.protocol // 'imap'
 * r.recommended.outgoing?.port // 465
 * r.credential.kind // 'authorization-code'
 */
export const recommend = (input: RecommendInput): Recommendation => {
  const { candidates, provider, lang } = input
  // What the probes together say about each failure (see rank.ts).
  const probes = input.probed ? probeContext(candidates) : NO_CONTEXT
  const rank = (list: CandidateServer[]) => rankUsable(list, probes, input.region)
  const imap = candidates.filter((c) => c.protocol === 'imap')
  const pop3 = candidates.filter((c) => c.protocol === 'pop3')
  const smtp = candidates.filter((c) => c.protocol === 'smtp')

  const choice = chooseProtocol(input.needs, rank(imap)[0] ?? null, rank(pop3)[0] ?? null)
  // Among a provider's alternative hosts: by region, then by the measured stability.
  const among = { region: input.region, regionFrom: input.regionFrom, stability: input.stability }
  const inList = choice.protocol === 'pop3' ? pop3 : imap
  const inPick = choice.protocol ? chooseHost(rank(inList), inList, among) : null
  const outPick = chooseHost(rank(smtp), smtp, among)
  const incoming = inPick?.chosen ?? null
  const outgoing = outPick.chosen
  const hostChoice = [inPick?.choice, outPick.choice].filter((c) => c !== null && c !== undefined)
  // Without probes nothing was timed: say what the choice rests on instead.
  const unmeasured = input.probed ? null : unmeasuredChoices(hostChoice)
  const regional: Draft[] = [
    ...choicesDrafts(hostChoice, input.stability),
    ...[incoming, outgoing].flatMap((c) => {
      const measured = c ? measuredDraft(c.protocol, input.stability) : null
      return measured ? [measured] : []
    }),
    ...(unmeasured ? [unmeasured] : []),
  ]

  const context = { probes, publisher: publisherOf(provider) }
  const inNotes = serverNotes('incoming', [...imap, ...pop3], incoming, context)
  const outNotes = serverNotes('outgoing', smtp, outgoing, context)
  const fromProvider = providerNotes(provider)
  const chosen = [incoming, outgoing].filter((c): c is CandidateServer => c !== null)

  const accountId = accountIdLabel(provider, lang)
  const username = usernameFor(input.email, incoming ?? outgoing, accountId)
  const sendAs = incoming && outgoing ? usernameFor(input.email, outgoing, accountId) : null
  const usernameNotes: Draft[] =
    sendAs && username && sendAs.value !== username.value
      ? [{ code: 'USERNAME_OUTGOING', params: { value: sendAs.value } }]
      : []

  const reasons: Draft[] = [
    ...choice.reasons,
    ...inNotes.reasons,
    ...outNotes.reasons,
    ...regional,
    ...verificationNotes(chosen, input.probed),
    ...fromProvider.reasons,
    ...usernameNotes,
  ]
  // A provider without client access already says why nothing was found and what to do.
  const nothingFound = (d: Draft) =>
    provider?.clientAccess !== undefined &&
    (d.code === 'NO_INCOMING_FOUND' || d.code === 'NO_OUTGOING_FOUND')
  // The probe saw only OAuth mechanisms where a login happens: say so, whatever the data says.
  const oauthOnly = chosen.filter((c) => c.oauthOnly)
  const oauthNote: Draft[] =
    oauthOnly.length > 0 && provider?.credential !== 'oauth2-only'
      ? [
          {
            code: 'SERVER_OAUTH_ONLY',
            params: {
              servers: serverList(oauthOnly),
              mechanisms: [...new Set(oauthOnly.flatMap((c) => c.auth ?? []))].join(', '),
              clients: oauthClientList(),
            },
          },
        ]
      : []
  const leftOut = input.leftOut ?? []
  const missing = [...imap, ...pop3].length === 0 || smtp.length === 0
  const why =
    missing && !provider
      ? nothingFoundNotes(splitEmail(input.email).domain, input.sources ?? [], input.didYouMean)
      : []
  const warnings: Draft[] = [
    ...oauthNote,
    ...(leftOut.length > 0
      ? [
          {
            code: 'INTERNAL_SERVERS_LEFT_OUT' as const,
            params: {
              servers: serverList(leftOut),
              sources: sourcesLabel(leftOut.map((c) => c.source)),
            },
          },
        ]
      : []),
    ...fromProvider.warnings,
    ...inNotes.warnings,
    ...outNotes.warnings,
    ...why,
    ...choice.warnings,
  ].filter((d) => !nothingFound(d))
  return {
    protocol: choice.protocol,
    recommended: { incoming, outgoing },
    reasons: reasons.map((d) => say(d, lang)),
    warnings: warnings.map((d) => say(d, lang)),
    credential: credentialFor(
      oauthOnly.length > 0 ? { credential: 'oauth2-only' } : provider,
      lang,
    ),
    username,
    hints: provider ? hintsFor(provider, lang) : [],
    hostChoice,
  }
}
