/**
 * @module
 * Which of a provider's alternative hosts for the same mailbox to use, and why: Tencent Exmail's
 * imap.exmail.qq.com (mainland China) or hwimap.exmail.qq.com (elsewhere), NetEase qiye's
 * imaphz or hwhzimap, 263's imap or imapw. In order:
 * 1. A host that answered none of the service's checks (its probe failed, or none of its
 *    handshakes completed) gives way to one that did, saying which and that the service checks
 *    from its own location.
 * 2. With the user's region (their answer, or their browser's time zone): that region's host.
 *    The measurement is shown but does not overrule it: the service measures from where it runs,
 *    and a host slow from there can be the near one for the user.
 * 3. Without a region: the host that connected more steadily (fewer failed handshakes, then a
 *    clearly lower median); a tie keeps the provider's order.
 * 4. Without a measurement: the provider's first host, naming the other.
 */
import type { HostStability } from '../discovery/stability.ts'
import type { CandidateServer } from '../discovery/types.ts'
import type { Protocol } from '../model/domain.ts'
import { choiceLabel, joinLocalized } from './labels.ts'
import type { Region } from './rank.ts'
import { type Draft, type Localized, REGION_WORDS } from './texts.ts'

/** Why a host was chosen among the provider's alternatives. */
export const CHOICE_REASONS = [
  'region',
  'time-zone',
  'steadier',
  'provider-default',
  'unreachable',
] as const
export type ChoiceReason = (typeof CHOICE_REASONS)[number]

/** Where the region came from: the user's answer, or the browser's time zone. */
export type RegionSource = 'answer' | 'time-zone'

/** A host as a choice names it. */
export interface ChoiceHost {
  protocol: Protocol
  host: string
  port: number
  region: Region
}

/** The host chosen for one protocol among the provider's alternatives, and the one to switch to. */
export interface HostChoice extends ChoiceHost {
  because: ChoiceReason
  /**
   * The host to use instead if this one is slow: the other region's; for `unreachable`, the
   * host that did not answer the service (it may answer the user).
   */
  alternative: ChoiceHost | null
}

export interface ChoiceContext {
  region?: Region
  regionFrom?: RegionSource
  stability?: readonly HostStability[]
}

/** Medians closer than this many milliseconds are a tie. */
export const TIE_MS = 50
/** …or closer than this fraction of the slower median. */
export const TIE_FRACTION = 0.25

type Measured = Pick<HostStability, 'attempts' | 'answered' | 'medianMs'>

const measuredOf = (
  stability: readonly HostStability[] | undefined,
  c: Pick<CandidateServer, 'protocol' | 'host' | 'port'>,
): HostStability | undefined =>
  stability?.find((h) => h.protocol === c.protocol && h.host === c.host && h.port === c.port)

const failures = (m: Measured) => m.attempts.length - m.answered

/**
 * True when `a` connected clearly more steadily than `b`: fewer failed handshakes, or as many
 * and a median lower by more than the tie margin.
 *
 * @example
 * clearlySteadier({ attempts: [ok, ok, ok], answered: 3, medianMs: 40 }, { …, medianMs: 200 }) // true
 */
export const clearlySteadier = (a: Measured, b: Measured): boolean => {
  if (failures(a) !== failures(b)) return failures(a) < failures(b)
  if (a.medianMs === null || b.medianMs === null) return false
  const slower = Math.max(a.medianMs, b.medianMs)
  return b.medianMs - a.medianMs > Math.max(TIE_MS, TIE_FRACTION * slower)
}

const asHost = (c: CandidateServer & { region: Region }): ChoiceHost => ({
  protocol: c.protocol,
  host: c.host,
  port: c.port,
  region: c.region,
})

const hasRegion = (c: CandidateServer): c is CandidateServer & { region: Region } =>
  c.region !== undefined

/**
 * The host to recommend among `ranked` (one protocol, best first, as rankUsable orders them for
 * the region) and the choice made, or no choice when the provider offers no alternative.
 * `all` are every candidate of the protocol, failed ones included.
 *
 * @example
 * chooseHost(rankUsable(exmailImap, probes, 'intl'), exmailImap, { region: 'intl', regionFrom: 'answer' })
 * // { chosen: hwimap…, choice: { host: 'hwimap.exmail.qq.com', because: 'region', alternative: { host: 'imap.exmail.qq.com', … } } }
 */
export const chooseHost = (
  ranked: readonly CandidateServer[],
  all: readonly CandidateServer[],
  context: ChoiceContext,
): { chosen: CandidateServer | null; choice: HostChoice | null } => {
  const first = ranked[0] ?? null
  if (!first || !hasRegion(first)) return { chosen: first, choice: null }
  const regional = ranked.filter(hasRegion)
  const m = (c: CandidateServer) => measuredOf(context.stability, c)
  const answered = (c: CandidateServer) => (m(c)?.answered ?? 0) > 0
  const otherRegion = (c: CandidateServer & { region: Region }) =>
    regional.find((o) => o.region !== c.region) ??
    all.filter(hasRegion).find((o) => o.region !== c.region && o.security !== 'none')
  const made = (
    chosen: CandidateServer & { region: Region },
    because: ChoiceReason,
    alternative: (CandidateServer & { region: Region }) | undefined,
  ) => ({
    chosen,
    choice: alternative ? { ...asHost(chosen), because, alternative: asHost(alternative) } : null,
  })

  // 1. The host for the user's region (or the provider's first) answered none of the checks.
  const firstMeasured = m(first)
  if (firstMeasured && firstMeasured.answered === 0) {
    const standIn = regional.find((c) => c !== first && answered(c))
    if (standIn) return made(standIn, 'unreachable', first)
  }
  const { region } = context
  if (region && first.region !== region) {
    const lost = all
      .filter(hasRegion)
      .find((c) => c.region === region && c.security !== 'none' && !ranked.includes(c))
    if (lost) return made(first, 'unreachable', lost)
  }
  // 2. The user's region decides.
  if (region) {
    const because = context.regionFrom === 'time-zone' ? 'time-zone' : 'region'
    return made(first, because, otherRegion(first))
  }
  // 3. No region: the steadier host, when the difference is clear.
  const measured = regional.filter(answered)
  if (firstMeasured && measured.length > 1) {
    const best = [...measured].sort((a, b) => {
      const ma = m(a) as HostStability
      const mb = m(b) as HostStability
      return failures(ma) - failures(mb) || (ma.medianMs ?? 0) - (mb.medianMs ?? 0)
    })[0]
    const bestMeasured = best ? m(best) : undefined
    if (best && best !== first && bestMeasured && clearlySteadier(bestMeasured, firstMeasured))
      return made(best, 'steadier', otherRegion(best) ?? first)
  }
  // 4. The provider's first host.
  return made(first, 'provider-default', otherRegion(first))
}

const CHOICE_CODES = {
  region: 'SERVER_REGION',
  'time-zone': 'SERVER_REGION_TIMEZONE',
  steadier: 'SERVER_STEADIER',
  'provider-default': 'SERVER_REGION_DEFAULT',
  unreachable: 'SERVER_ALTERNATIVE_UNREACHABLE',
} as const satisfies Record<ChoiceReason, Draft['code']>

/** One host's figures in words: "38 ms (spread 4 ms, 3 of 3 answered)". */
export const measureWords = (h: Measured & { spreadMs: number | null }): Localized => {
  const n = h.attempts.length
  if (h.medianMs === null)
    return { en: `no handshake completed (0 of ${n})`, 'zh-CN': `${n} 次握手均未完成` }
  const spread = h.spreadMs === null ? '' : `spread ${h.spreadMs} ms, `
  const spreadZh = h.spreadMs === null ? '' : `波动 ${h.spreadMs} 毫秒，`
  return {
    en: `median ${h.medianMs} ms (${spread}${h.answered} of ${n} answered)`,
    'zh-CN': `中位数 ${h.medianMs} 毫秒（${spreadZh}${n} 次中 ${h.answered} 次成功）`,
  }
}

const figuresOf = (
  stability: readonly HostStability[] | undefined,
  host: ChoiceHost,
): Localized => {
  const h = measuredOf(stability, host)
  return h ? measureWords(h) : { en: 'not measured', 'zh-CN': '未测量' }
}

/**
 * The reason for a choice, in both languages when said.
 *
 * @example
 * say(choiceDraft(choice, report.stability?.hosts), 'en').text
 * // 'You read your mail outside mainland China, so this service recommends hwimap.exmail.qq.com (IMAP, port 993). …'
 */
export const choiceDraft = (
  choice: HostChoice,
  stability: readonly HostStability[] | undefined,
): Draft => {
  const alternative = choice.alternative
  return {
    code: CHOICE_CODES[choice.because],
    params: {
      server: choiceLabel(choice),
      region: REGION_WORDS[choice.region],
      alternative: alternative?.host ?? '',
      other: alternative ? REGION_WORDS[alternative.region] : '',
      measure: figuresOf(stability, choice),
      altMeasure: alternative ? figuresOf(stability, alternative) : '',
    },
  }
}

/**
 * The reason for a choice, and when the alternative it names answered none of the service's
 * handshakes, a second one saying so: the first still offers it for the other region or a slow
 * connection, and the user should know the service could not reach it.
 *
 * @example
 * choiceDrafts(choice, report.stability?.hosts).map((d) => d.code)
 * // ['SERVER_REGION', 'SERVER_ALTERNATIVE_SILENT']
 */
export const choiceDrafts = (
  choice: HostChoice,
  stability: readonly HostStability[] | undefined,
): Draft[] => {
  const main = choiceDraft(choice, stability)
  const alternative = choice.alternative
  const measured = alternative ? measuredOf(stability, alternative) : undefined
  if (!alternative || !measured || measured.answered > 0 || choice.because === 'unreachable')
    return [main]
  return [
    main,
    {
      code: 'SERVER_ALTERNATIVE_SILENT',
      params: {
        alternative: alternative.host,
        other: REGION_WORDS[alternative.region],
        count: String(measured.attempts.length),
      },
    },
  ]
}

/** Choices said in one sentence when they share it: by region (or the provider's order), one region. */
const SHARED_REASONS: readonly ChoiceReason[] = ['region', 'time-zone', 'provider-default']

const sameSentence = (a: HostChoice, b: HostChoice) =>
  SHARED_REASONS.includes(a.because) &&
  a.because === b.because &&
  a.region === b.region &&
  a.alternative !== null &&
  b.alternative !== null &&
  a.alternative.region === b.alternative.region

/**
 * The reasons for a direction's choices: incoming and outgoing chosen for the same region (or in
 * the provider's order) are said once, naming both hosts and both alternatives, so the page and a
 * guide do not repeat the sentence; any other choice gets its own; each alternative that answered
 * none of the handshakes is said after.
 *
 * @example
 * choicesDrafts([imapChoice, smtpChoice], stability).map((d) => d.code)
 * // ['SERVER_REGION_TIMEZONE'] (naming hwimap… and hwsmtp…, the alternatives imap… and smtp…)
 */
export const choicesDrafts = (
  choices: readonly HostChoice[],
  stability: readonly HostStability[] | undefined,
): Draft[] => {
  const [first, second, ...rest] = choices
  if (!first || !second || rest.length > 0 || !sameSentence(first, second))
    return choices.flatMap((c) => choiceDrafts(c, stability))
  const main = choiceDraft(first, stability)
  const both = [first, second]
  const silent = both.flatMap((c) => choiceDrafts(c, stability).slice(1))
  return [
    {
      ...main,
      params: {
        ...main.params,
        server: joinLocalized(both.map(choiceLabel)),
        alternative: joinLocalized(both.map((c) => c.alternative?.host ?? '')),
      },
    },
    ...silent,
  ]
}

/**
 * What the service measured of one protocol's hosts, as a reason; null when it measured none.
 *
 * @example
 * measuredDraft('imap', stability)?.code // 'SERVER_MEASURED'
 */
export const measuredDraft = (
  protocol: Protocol,
  stability: readonly HostStability[] | undefined,
): Draft | null => {
  const hosts = (stability ?? []).filter((h) => h.protocol === protocol)
  if (hosts.length === 0) return null
  const line = (lang: 'en' | 'zh-CN') =>
    hosts.map((h) => `${h.host} ${measureWords(h)[lang]}`).join(lang === 'en' ? '; ' : '；')
  return {
    code: 'SERVER_MEASURED',
    params: {
      protocol: protocol.toUpperCase(),
      hosts: { en: line('en'), 'zh-CN': line('zh-CN') },
    },
  }
}

/** What a choice rests on when nothing was measured. */
const UNMEASURED_BASIS: Partial<Record<ChoiceReason, Localized>> = {
  region: {
    en: 'the host is chosen only by where you said you read your mail',
    'zh-CN': '服务器仅按你所说的收发邮件地点选择',
  },
  'time-zone': {
    en: 'the host is chosen only by your browser’s time zone',
    'zh-CN': '服务器仅按浏览器的时区选择',
  },
  'provider-default': {
    en: 'the host is simply the one the provider lists first',
    'zh-CN': '使用的只是服务商列出的第一台服务器',
  },
}

/**
 * Says that no handshake was timed for the chosen hosts and their alternatives, and what the
 * choice rests on instead; null for a choice that a measurement made (steadier, unreachable) or
 * without hosts. `servers` and `alternatives` are host names.
 *
 * @example
 * say(unmeasuredDraft('time-zone', ['imap.exmail.qq.com'], ['hwimap.exmail.qq.com'])!, 'en').text
 * // 'This service has not measured the connection to imap.exmail.qq.com or hwimap.exmail.qq.com: the host is chosen only by your browser’s time zone. …'
 */
export const unmeasuredDraft = (
  because: ChoiceReason,
  servers: readonly string[],
  alternatives: readonly string[],
): Draft | null => {
  const basis = UNMEASURED_BASIS[because]
  if (!basis || servers.length === 0 || alternatives.length === 0) return null
  return {
    code: 'SERVER_NOT_MEASURED',
    params: { servers: servers.join(' / '), alternatives: alternatives.join(' / '), basis },
  }
}

/**
 * `unmeasuredDraft` for a report's choices (they share their reason: one region, or none).
 *
 * @example
 * unmeasuredChoices(rec.hostChoice)?.code // 'SERVER_NOT_MEASURED'
 */
export const unmeasuredChoices = (choices: readonly HostChoice[]): Draft | null => {
  const first = choices[0]
  if (!first) return null
  return unmeasuredDraft(
    first.because,
    choices.map((c) => c.host),
    choices.flatMap((c) => (c.alternative ? [c.alternative.host] : [])),
  )
}
