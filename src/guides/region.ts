/**
 * @module
 * A provider's regional hosts in a guide: the host for the user's region first, and a notice
 * naming the other one ("outside mainland China, use hwimap.exmail.qq.com if the connection is
 * slow"). Tencent Exmail, NetEase qiye, Aliyun and 263 publish such pairs (data/providers).
 */
import type { HostStability } from '../discovery/stability.ts'
import type { CandidateServer } from '../discovery/types.ts'
import type { Provider, Region } from '../providers/index.ts'
import {
  type ChoiceReason,
  type HostChoice,
  choicesDrafts,
  measuredDraft,
  unmeasuredChoices,
  unmeasuredDraft,
} from '../recommend/host-choice.ts'
import { REGION_WORDS, say } from '../recommend/texts.ts'
import { message } from './messages.ts'
import type { Lang } from '../model/domain.ts'
import type { RegionSource } from '../model/region.ts'

/**
 * Hosts meant for `region` (or for everywhere) first, the other region's after; order kept
 * otherwise. Without a region the list is unchanged.
 *
 * @example
 * preferRegion([exmailCn, exmailIntl], 'intl')[0].host // 'hwimap.exmail.qq.com'
 */
export const preferRegion = (
  servers: readonly CandidateServer[],
  region: Region | undefined,
): CandidateServer[] =>
  region
    ? [
        ...servers.filter((s) => !s.region || s.region === region),
        ...servers.filter((s) => s.region && s.region !== region),
      ]
    : [...servers]

/** The provider's encrypted host of the chosen server's protocol for the other region. */
const alternativeOf = (
  chosen: { host: string; region?: Region; protocol: CandidateServer['protocol'] } | null,
  candidates: readonly CandidateServer[],
  provider: Provider | null,
): { host: string; region: Region } | null => {
  if (!chosen?.region) return null
  const other = (s: { region?: Region; security: string }) =>
    s.region !== undefined && s.region !== chosen.region && s.security !== 'none'
  const found =
    candidates.find((c) => c.protocol === chosen.protocol && other(c)) ??
    provider?.servers[chosen.protocol].find(other)
  return found?.region ? { host: found.host, region: found.region } : null
}

/**
 * The notices for settings without a stored report: the one naming the other region's hosts for
 * the chosen ones, then one saying that nothing was measured and what the choice rests on (no
 * handshake is made for a guide); empty when the provider publishes no alternative. `region` is
 * what the user said; without it the notice says which region the chosen hosts are meant for.
 *
 * @example
 * regionNotices([imapCn, smtpCn], settings.incoming.concat(settings.outgoing), provider, 'cn', 'en')
 * // ['You read your mail in mainland China, so this guide uses imap.exmail.qq.com / …',
 * //  'This service has not measured the connection to imap.exmail.qq.com / smtp.exmail.qq.com or …']
 */
export const regionNotices = (
  chosen: readonly (CandidateServer | undefined)[],
  candidates: readonly CandidateServer[],
  provider: Provider | null,
  region: Region | undefined,
  lang: Lang,
  regionFrom?: RegionSource,
): string[] => {
  const pairs = chosen.flatMap((c) => {
    const alternative = c ? alternativeOf(c, candidates, provider) : null
    return c?.region && alternative ? [{ chosen: c, alternative }] : []
  })
  const first = pairs[0]
  if (!first?.chosen.region) return []
  const vars = {
    server: pairs.map((p) => p.chosen.host).join(' / '),
    alternative: pairs.map((p) => p.alternative.host).join(' / '),
    region: REGION_WORDS[first.chosen.region][lang],
    other: REGION_WORDS[first.alternative.region][lang],
  }
  const because: ChoiceReason =
    region !== first.chosen.region
      ? 'provider-default'
      : regionFrom === 'time-zone'
        ? 'time-zone'
        : 'region'
  const key = NOTICE_KEYS[because]
  const unmeasured = unmeasuredDraft(
    because,
    pairs.map((p) => p.chosen.host),
    pairs.map((p) => p.alternative.host),
  )
  return [message(lang, key, vars), ...(unmeasured ? [say(unmeasured, lang).text] : [])]
}

const NOTICE_KEYS = {
  'provider-default': 'common.notice.regionDefault',
  'time-zone': 'common.notice.regionTimeZone',
  region: 'common.notice.region',
} as const

const sameHost = (a: { protocol: string; host: string; port: number }, b: typeof a) =>
  a.protocol === b.protocol && a.host === b.host && a.port === b.port

/**
 * A stored report's choice among the provider's alternative hosts, for the hosts this guide uses:
 * which host and why, naming the other (the report's own reasons, in the guide's language), then
 * what the service measured of them, from its own location.
 *
 * @example
 * choiceNotices([chosenIn, chosenOut], report.hostChoice, report.stability?.hosts, 'zh-CN')
 * // ['你在中国大陆境外收发邮件，因此推荐 hwimap.exmail.qq.com（IMAP，端口 993）和 hwsmtp.exmail.qq.com（SMTP，端口 465）。…', …]
 */
export const choiceNotices = (
  chosen: readonly (CandidateServer | undefined)[],
  choices: readonly HostChoice[],
  stability: readonly HostStability[] | undefined,
  lang: Lang,
): string[] => {
  const used = choices.filter((choice) => chosen.some((c) => c && sameHost(c, choice)))
  const measured = [...new Set(used.map((c) => c.protocol))].flatMap((protocol) => {
    const draft = measuredDraft(protocol, stability)
    return draft ? [draft] : []
  })
  // A report made without probes timed nothing: the guide says so, as the report does.
  const unmeasured = (stability ?? []).length === 0 ? unmeasuredChoices(used) : null
  return [...choicesDrafts(used, stability), ...measured, ...(unmeasured ? [unmeasured] : [])].map(
    (d) => say(d, lang).text,
  )
}
