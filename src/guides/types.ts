/**
 * @module
 * The guide model: client specs (data: steps with message keys) and the rendered guide
 * (text in one language, values filled in for one address).
 */
import type { Credential, Lang, Security } from '../providers/index.ts'
import type { MessageKey } from './messages.ts'

export const CLIENT_IDS = [
  'outlook',
  'new-outlook',
  'thunderbird',
  'foxmail',
  'apple-mail',
  'gmail-android',
  'thunderbird-android',
] as const
export type ClientId = (typeof CLIENT_IDS)[number]

export type IncomingProtocol = 'imap' | 'pop3'

/** What a value slot shows; each is also a variable of the step texts (`{inHost}` …). */
export const VALUE_REFS = [
  'email',
  'protocol',
  'inHost',
  'inPort',
  'inSecurity',
  'inUsername',
  'outHost',
  'outPort',
  'outSecurity',
  'outUsername',
  'credential',
] as const
export type ValueRef = (typeof VALUE_REFS)[number]

export interface StepSpec {
  id: string
  text: MessageKey
  /** Fields to fill in, with the client's label for each. */
  values?: readonly { label: MessageKey; value: ValueRef | MessageKey }[]
  /** 'test' marks the client's own connection check. */
  kind?: 'step' | 'test'
  /** Only for this protocol, or only when the username is not the address. */
  when?: IncomingProtocol | 'username-differs'
  platform?: 'ios' | 'macos'
  /** Languages whose screen labels in this step were checked against a source. */
  confirmed?: readonly Lang[]
}

export interface ClientSpec {
  id: ClientId
  name: MessageKey
  /** How the client names each encryption choice. */
  security: Record<Security, MessageKey>
  /** How the client names the protocol choice. */
  protocolLabel: Record<IncomingProtocol, MessageKey>
  steps: readonly StepSpec[]
}

export interface GuideServer {
  host: string
  port: number
  security: Security
  /** The encryption choice as this client names it. */
  securityLabel: string
  username: string
}

export interface GuideStep {
  id: string
  kind: 'step' | 'test'
  text: string
  values: { label: string; value: string }[]
  platform?: 'ios' | 'macos'
  /** True when the screen labels of this step could not be checked against a source. */
  unconfirmed: boolean
}

export interface GuideError {
  /** A probe code (TCP_TIMEOUT …) or AUTH_FAILED / SEND_AUTH_REQUIRED. */
  code: string
  symptom: string
  fix: string
}

export interface Guide {
  client: ClientId
  clientName: string
  lang: Lang
  email: string
  provider: { id: string; name: string } | null
  protocol: IncomingProtocol
  /** Why this protocol, in one sentence. */
  protocolChoice: string
  /** Warnings to show before the steps (no settings known, protocol not offered, OAuth only…). */
  notices: string[]
  credential: { kind: Credential; name: string; text: string }
  incoming: GuideServer | null
  outgoing: GuideServer | null
  steps: GuideStep[]
  errors: GuideError[]
  /** The provider's own hints (credential, how to enable access, quirks). */
  hints: string[]
}
