/**
 * @module
 * Renders one client's guide for one address and language. Pure: the settings come in, the
 * guide goes out.
 */
import type { CandidateServer } from '../discovery/types.ts'
import { offeredServers } from '../formats/offered.ts'
import type { AccountSettings } from '../diagnose/account-settings.ts'
import { accountIdLabel, hintsFor, providerName } from '../providers/index.ts'
import { localizeAdvice } from '../providers/hints.ts'
import { CLIENTS } from './clients/index.ts'
import { usualErrors } from './errors.ts'
import { isMessageKey, message } from './messages.ts'
import { oauthNotice, signsInOnWeb } from './oauth.ts'
import { choiceNotices, preferRegion, regionNotices } from './region.ts'
import type { ClientId, ClientSpec, Guide, GuideServer, GuideStep, StepSpec } from './types.ts'
import type { IncomingProtocol, Lang } from '../model/domain.ts'
import type { Region } from '../providers/index.ts'
import type { RegionSource } from '../model/region.ts'
import type { HostStability } from '../discovery/stability.ts'
import type { HostChoice } from '../recommend/host-choice.ts'

export interface GuideOptions {
  lang: Lang
  /** The incoming protocol asked for; default the recommended one (IMAP when offered). */
  protocol?: IncomingProtocol
  /** Where the user reads mail: picks among a provider's regional hosts and names the other. */
  region?: Region
  /** Whether `region` is the user's answer or their browser's time zone's (default: answer). */
  regionFrom?: RegionSource
  /**
   * A stored report's choice among the provider's alternative hosts: its recommended hosts are
   * used as they are (the settings list them first) and the notices say why, with what it measured.
   */
  hostChoice?: readonly HostChoice[]
  stability?: readonly HostStability[]
}

const PROTOCOL_NAMES: Record<IncomingProtocol, string> = { imap: 'IMAP', pop3: 'POP3' }

const chooseProtocol = (
  offered: readonly CandidateServer[],
  wanted: IncomingProtocol | undefined,
) => {
  const available = offered
    .map((s) => s.protocol)
    .filter((p): p is IncomingProtocol => p !== 'smtp')
  if (wanted && (available.includes(wanted) || available.length === 0)) return wanted
  if (available.includes('imap')) return 'imap'
  return available[0] ?? 'imap'
}

/** `accountId`: the provider's words for the ID it logs in with, which replace the template's username. */
const guideServer = (
  spec: ClientSpec,
  lang: Lang,
  s: CandidateServer | undefined,
  accountId: string | null,
): GuideServer | null =>
  s
    ? {
        host: s.host,
        port: s.port,
        security: s.security,
        securityLabel: message(lang, spec.security[s.security]),
        username: accountId ?? s.username,
      }
    : null

/** "docomo mail signs in with your d ACCOUNT ID …", then the provider's own credential hint. */
const accountIdNotice = (
  provider: NonNullable<AccountSettings['provider']>,
  accountId: string,
  lang: Lang,
  vars: Readonly<Record<string, string>>,
) =>
  [
    message(lang, 'common.notice.accountId', { ...vars, accountId }),
    ...provider.hints
      .filter((h) => h.kind === 'credential')
      .map((h) => localizeAdvice(h.text, lang)),
  ].join(' ')

const applies = (step: StepSpec, protocol: IncomingProtocol, usernameDiffers: boolean) =>
  step.when === undefined ||
  step.when === protocol ||
  (step.when === 'username-differs' && usernameDiffers)

/** True when no source shows this step's labels in `lang`. */
export const isUnconfirmed = (step: StepSpec, lang: Lang): boolean =>
  (step.sources?.[lang] ?? []).length === 0

const renderStep = (
  step: StepSpec,
  lang: Lang,
  vars: Readonly<Record<string, string>>,
): GuideStep => ({
  id: step.id,
  kind: step.kind ?? 'step',
  text: message(lang, step.text, vars),
  values: (step.values ?? []).map((v) => ({
    label: message(lang, v.label, vars),
    value: isMessageKey(v.value)
      ? message(lang, v.value, vars)
      : (vars[v.value] ?? message(lang, 'common.unknownValue')),
  })),
  unconfirmed: isUnconfirmed(step, lang),
})

/**
 * @example
 * renderGuide('foxmail', await settings('ann@qq.com'), { lang: 'zh-CN' }).credential.name
 * // '授权码'
 */
export const renderGuide = (
  client: ClientId,
  settings: AccountSettings,
  options: GuideOptions,
): Guide => {
  const { lang } = options
  const spec = CLIENTS[client]
  const offered = offeredServers(settings)
  const protocol = chooseProtocol(offered.incoming, options.protocol)
  // A report already chose among regional hosts; only settings without one are ordered here.
  const order = (list: CandidateServer[]) =>
    options.hostChoice ? list : preferRegion(list, options.region)
  const chosenIn = order(offered.incoming).find((s) => s.protocol === protocol)
  const chosenOut = order(offered.outgoing)[0]
  const provider = settings.provider
  const accountId = accountIdLabel(provider, lang)
  const incoming = guideServer(spec, lang, chosenIn, accountId)
  const outgoing = guideServer(spec, lang, chosenOut, accountId)
  // A probe that saw only OAuth sign-in on the chosen server outweighs the data's credential.
  const probedOAuthOnly = Boolean(chosenIn?.oauthOnly || chosenOut?.oauthOnly)
  const credential = probedOAuthOnly ? 'oauth2-only' : (provider?.credential ?? 'unknown')
  const oauthOnly = credential === 'oauth2-only'
  const unknown = message(lang, 'common.unknownValue')
  const providerLabel = provider ? providerName(provider, lang) : settings.domain

  const vars: Record<string, string> = {
    email: settings.email,
    provider: providerLabel,
    client: message(lang, spec.name),
    protocol: message(lang, spec.protocolLabel[protocol]),
    wanted: options.protocol ? PROTOCOL_NAMES[options.protocol] : '',
    credential: message(lang, `credential.field.${credential}`, { provider: providerLabel }),
    auth: message(lang, oauthOnly ? spec.auth.oauth2 : spec.auth.password),
    inHost: incoming?.host ?? unknown,
    inPort: incoming ? String(incoming.port) : unknown,
    inSecurity: incoming?.securityLabel ?? unknown,
    inUsername: incoming?.username ?? accountId ?? settings.email,
    outHost: outgoing?.host ?? unknown,
    outPort: outgoing ? String(outgoing.port) : unknown,
    outSecurity: outgoing?.securityLabel ?? unknown,
    outUsername: outgoing?.username ?? accountId ?? settings.email,
  }

  const notices: string[] = []
  if (!incoming || !outgoing) notices.push(message(lang, 'common.notice.noSettings'))
  if (provider && accountId) notices.push(accountIdNotice(provider, accountId, lang, vars))
  if (options.protocol && options.protocol !== protocol)
    notices.push(message(lang, 'common.notice.protocolFallback', vars))
  if (oauthOnly) notices.push(oauthNotice(client, lang, vars))
  if (provider?.status === 'broken' && !oauthOnly)
    notices.push(message(lang, 'common.notice.broken'))
  if (incoming?.security === 'none' || outgoing?.security === 'none')
    notices.push(message(lang, 'common.notice.insecure'))
  if (options.hostChoice) {
    notices.push(
      ...choiceNotices([chosenIn, chosenOut], options.hostChoice, options.stability, lang),
    )
  } else {
    notices.push(
      ...regionNotices(
        [chosenIn, chosenOut],
        [...settings.incoming, ...settings.outgoing],
        provider,
        options.region,
        lang,
        options.regionFrom,
      ),
    )
  }

  const usernameDiffers =
    incoming !== null && incoming.username.toLowerCase() !== settings.email.toLowerCase()
  // A client that cannot sign in through the provider's page gets no password steps at all.
  const steps =
    oauthOnly && !signsInOnWeb(client)
      ? []
      : spec.steps
          .filter((step) => applies(step, protocol, usernameDiffers))
          .map((step) => renderStep(step, lang, vars))

  return {
    client,
    clientName: message(lang, spec.name),
    clientVersion: message(lang, spec.version),
    lang,
    email: settings.email,
    provider: provider ? { id: provider.id, name: providerLabel } : null,
    protocol,
    protocolChoice: message(lang, `common.protocolChoice.${protocol}`),
    notices,
    credential: {
      kind: credential,
      name: message(lang, `credential.name.${credential}`),
      text: message(lang, `credential.text.${credential}`),
    },
    incoming,
    outgoing,
    steps,
    unconfirmedNote: steps.some((s) => s.unconfirmed)
      ? message(lang, 'common.unconfirmedNote')
      : null,
    errors: usualErrors(spec, lang, credential, vars, {
      usesStarttls: incoming?.security === 'starttls' || outgoing?.security === 'starttls',
    }),
    hints: provider ? hintsFor(provider, lang) : [],
  }
}
