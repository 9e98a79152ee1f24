/**
 * @module
 * Renders one client's guide for one address and language. Pure: the settings come in, the
 * guide goes out.
 */
import type { CandidateServer } from '../discovery/types.ts'
import { offeredServers } from '../formats/offered.ts'
import type { AccountSettings } from '../formats/settings.ts'
import { hintsFor, providerName, type Lang } from '../providers/index.ts'
import { CLIENTS } from './clients/index.ts'
import { usualErrors } from './errors.ts'
import { isMessageKey, message } from './messages.ts'
import type {
  ClientId,
  ClientSpec,
  Guide,
  GuideServer,
  IncomingProtocol,
  StepSpec,
} from './types.ts'

export interface GuideOptions {
  lang: Lang
  /** The incoming protocol asked for; default the recommended one (IMAP when offered). */
  protocol?: IncomingProtocol
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

const guideServer = (
  spec: ClientSpec,
  lang: Lang,
  s: CandidateServer | undefined,
): GuideServer | null =>
  s
    ? {
        host: s.host,
        port: s.port,
        security: s.security,
        securityLabel: message(lang, spec.security[s.security]),
        username: s.username,
      }
    : null

const applies = (step: StepSpec, protocol: IncomingProtocol, usernameDiffers: boolean) =>
  step.when === undefined ||
  step.when === protocol ||
  (step.when === 'username-differs' && usernameDiffers)

/**
 * @example
 * renderGuide('foxmail', await settings('ann@qq.com'), { lang: 'zh-CN' }).steps[1]?.text
 * // '选择“其他邮箱”，输入 ann@qq.com，密码处填写授权码，然后点击“手动设置”。'
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
  const incoming = guideServer(
    spec,
    lang,
    offered.incoming.find((s) => s.protocol === protocol),
  )
  const outgoing = guideServer(spec, lang, offered.outgoing[0])
  const provider = settings.provider
  const credential = provider?.credential ?? 'unknown'
  const unknown = message(lang, 'common.unknownValue')

  const vars: Record<string, string> = {
    email: settings.email,
    provider: provider ? providerName(provider, lang) : settings.domain,
    protocol: message(lang, spec.protocolLabel[protocol]),
    wanted: options.protocol ? PROTOCOL_NAMES[options.protocol] : '',
    credential: message(lang, `credential.name.${credential}`),
    inHost: incoming?.host ?? unknown,
    inPort: incoming ? String(incoming.port) : unknown,
    inSecurity: incoming?.securityLabel ?? unknown,
    inUsername: incoming?.username ?? settings.email,
    outHost: outgoing?.host ?? unknown,
    outPort: outgoing ? String(outgoing.port) : unknown,
    outSecurity: outgoing?.securityLabel ?? unknown,
    outUsername: outgoing?.username ?? settings.email,
  }

  const notices: string[] = []
  if (!incoming || !outgoing) notices.push(message(lang, 'common.notice.noSettings'))
  if (options.protocol && options.protocol !== protocol)
    notices.push(message(lang, 'common.notice.protocolFallback', vars))
  if (credential === 'oauth2-only') notices.push(message(lang, 'common.notice.oauth2Only'))
  if (provider?.status === 'broken') notices.push(message(lang, 'common.notice.broken'))
  if (incoming?.security === 'none' || outgoing?.security === 'none')
    notices.push(message(lang, 'common.notice.insecure'))

  const usernameDiffers =
    incoming !== null && incoming.username.toLowerCase() !== settings.email.toLowerCase()
  const steps = spec.steps
    .filter((step) => applies(step, protocol, usernameDiffers))
    .map((step) => ({
      id: step.id,
      kind: step.kind ?? ('step' as const),
      text: message(lang, step.text, vars),
      values: (step.values ?? []).map((v) => ({
        label: message(lang, v.label, vars),
        value: isMessageKey(v.value) ? message(lang, v.value, vars) : (vars[v.value] ?? unknown),
      })),
      ...(step.platform ? { platform: step.platform } : {}),
      unconfirmed: !(step.confirmed ?? []).includes(lang),
    }))

  return {
    client,
    clientName: message(lang, spec.name),
    lang,
    email: settings.email,
    provider: provider ? { id: provider.id, name: providerName(provider, lang) } : null,
    protocol,
    protocolChoice: message(lang, `common.protocolChoice.${protocol}`),
    notices,
    credential: {
      kind: credential,
      name: vars.credential ?? '',
      text: message(lang, `credential.text.${credential}`),
    },
    incoming,
    outgoing,
    steps,
    errors: usualErrors(lang, credential, vars, {
      usesStarttls: incoming?.security === 'starttls' || outgoing?.security === 'starttls',
    }),
    hints: provider ? hintsFor(provider, lang) : [],
  }
}
