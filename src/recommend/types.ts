/**
 * @module
 * The recommendation's input and output: which incoming and outgoing server to use, which
 * secret and username to type, and why, in the user's language.
 */
import type { HostStability } from '../discovery/stability.ts'
import type { SourceReport } from '../discovery/sources.ts'
import type { CandidateServer } from '../discovery/types.ts'
import type { RegionSource } from '../model/region.ts'
import type { HostChoice } from './host-choice.ts'
import type { Provider } from '../providers/schema.ts'
import type { Lang, Needs, IncomingProtocol, UsernameForm } from '../model/domain.ts'
import type { Region } from './rank.ts'

export interface RecommendInput {
  email: string
  /** Every server discovery found, incoming and outgoing, probed or not. */
  candidates: CandidateServer[]
  provider: Provider | null
  needs?: Needs
  lang: Lang
  /** True when the probe engine ran over the candidates (their `verified`/`status` are real). */
  probed: boolean
  /** Where the user reads mail, when known: picks among a provider's regional hosts. */
  region?: Region
  /** Whether `region` is the user's answer or their browser's time zone's (default: answer). */
  regionFrom?: RegionSource
  /** The measured handshakes of the provider's alternative hosts (probing runs only). */
  stability?: readonly HostStability[]
  /** Servers a source named that point inside (localhost, private addresses): left out, said so. */
  leftOut?: readonly CandidateServer[]
  /** What each source said (the report's `sources`): why nothing was found, when nothing was. */
  sources?: readonly SourceReport[]
  /** Addresses a typo away at known domains, when the domain cannot take mail. */
  didYouMean?: readonly string[]
}

/** A reason or warning: a stable code for the UI and API clients, and its text in `lang`. */
export interface Note {
  code: string
  text: string
}

export interface Recommendation {
  /** The incoming protocol recommended, or null when no incoming server can be recommended. */
  protocol: IncomingProtocol | null
  recommended: { incoming: CandidateServer | null; outgoing: CandidateServer | null }
  /** Why these servers: the protocol choice, security, verification, provider preparation. */
  reasons: Note[]
  /** Problems the user must know: bad certificates, plaintext only, provider broken, ... */
  warnings: Note[]
  /**
   * Which secret to type in the password field; `hint`: the provider's own words on it, `url`:
   * where access is switched on or the code is made.
   */
  credential: {
    kind: Provider['credential'] | 'account-password'
    text: string
    hint?: string
    url?: string
  }
  /**
   * The username of the recommended incoming server (outgoing when there is none); for a
   * provider with an account ID (`account-id`), `value` says in words what to type.
   */
  username: { form: UsernameForm; value: string } | null
  /** The provider's hints in `lang`; empty when no provider is known. */
  hints: string[]
  /** Which of the provider's alternative hosts each direction uses and why (empty: none). */
  hostChoice: HostChoice[]
}
