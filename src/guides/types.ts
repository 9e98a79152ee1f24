/**
 * @module
 * The guide model: client specs (data: steps with message keys) and the rendered guide
 * (text in one language, values filled in for one address).
 */
import type { Credential } from '../providers/index.ts'
import type { MessageKey } from './messages.ts'
import type { IncomingProtocol, Lang, Security } from '../model/domain.ts'

export const CLIENT_IDS = [
  'outlook',
  'new-outlook',
  'thunderbird',
  'foxmail',
  'mail-master',
  'apple-mail',
  'ios-mail',
  'gmail-android',
  'thunderbird-android',
] as const
export type ClientId = (typeof CLIENT_IDS)[number]

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
  'auth',
] as const
export type ValueRef = (typeof VALUE_REFS)[number]

/** Where a step's screen labels were read: the client's own text or a dated walkthrough. */
export interface StepSource {
  url: string
  /** The day the source was read (YYYY-MM-DD). */
  read: string
  /** What the source shows (the labels it confirms), for maintainers. */
  shows: string
}

export interface StepSpec {
  id: string
  text: MessageKey
  /** Fields to fill in, with the client's label for each. */
  values?: readonly { label: MessageKey; value: ValueRef | MessageKey }[]
  /** 'test' marks the client's own connection check. */
  kind?: 'step' | 'test'
  /** Only for this protocol, or only when the username is not the address. */
  when?: IncomingProtocol | 'username-differs'
  /**
   * The sources that show this step's screen labels, per language. A language without one is
   * unconfirmed: its text must then not quote a label (no “…”), so that it still reads right
   * whatever the screen says.
   */
  sources?: Partial<Record<Lang, readonly StepSource[]>>
}

/** A message the client shows, and the sources that show it, per language. */
export interface ClientWording {
  text: MessageKey
  sources: Partial<Record<Lang, readonly StepSource[]>>
}

export interface ClientSpec {
  id: ClientId
  name: MessageKey
  /** The versions this guide was written for, in words (“Foxmail 7.2 for Windows”). */
  version: MessageKey
  /** How the client names the authentication choices (`auth` value slot). */
  auth: { password: MessageKey; oauth2: MessageKey }
  /** How the client names each encryption choice. */
  security: Record<Security, MessageKey>
  /** How the client names the protocol choice. */
  protocolLabel: Record<IncomingProtocol, MessageKey>
  steps: readonly StepSpec[]
  /**
   * The client's own words for a usual error (keyed by probe or login-test code), where a
   * source gives them; shown beside the symptom.
   */
  errorWording?: Partial<Record<string, ClientWording>>
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
  /** True when the screen labels of this step could not be checked against a source. */
  unconfirmed: boolean
}

export interface GuideError {
  /** A probe code (TCP_TIMEOUT …) or AUTH_FAILED / SEND_AUTH_REQUIRED. */
  code: string
  symptom: string
  /** What this client shows for it, in its own words, when a source gives them. */
  clientMessage?: string
  fix: string
}

export interface Guide {
  client: ClientId
  clientName: string
  /** The client versions the guide was written for. */
  clientVersion: string
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
  /** One note for under the steps when some labels could not be checked, else null. */
  unconfirmedNote: string | null
  errors: GuideError[]
  /** The provider's own hints (credential, how to enable access, quirks). */
  hints: string[]
}
