/**
 * @module
 * The login test's seam: one attempt logs in to one server with one username and password and
 * says how it went. The attempts that run a mail library (imapflow, node-pop3, nodemailer) are
 * runtime-specific (attempts-node.ts); the app receives them like it receives `connect`.
 */
import type { ProbeCode } from '../errors/table.ts'
import type { TranscriptEntry } from '../probes/line-io.ts'
import type { Protocol, Security } from '../model/domain.ts'

/** A server to log in to, as the request or the recommendation names it. */
export interface LoginServer {
  protocol: Protocol
  host: string
  port: number
  security: Security
}

/** Where an attempt connects: the guard's checked address, and the name for SNI and the certificate. */
export interface AttemptTarget {
  protocol: Protocol
  port: number
  security: Security
  /** The host name (or IP literal) the certificate must name. */
  host: string
  /** The address the target guard checked; the attempt connects to it and nothing else. */
  address: string
}

/** The phases a login test reports, each as a step when it finishes. */
export const LOGIN_STEPS = ['dns', 'connect', 'tls', 'login', 'mailbox'] as const
export type LoginStepName = (typeof LOGIN_STEPS)[number]

export interface AttemptInput {
  target: AttemptTarget
  username: string
  password: string
  /** The attempt's one deadline: aborts with a ProbeError naming the phase that stalled. */
  signal: AbortSignal
  /** Milliseconds left of that deadline, for a library's own timeouts. */
  remainingMs: () => number
  /** Marks a phase as done (the runner times it). */
  passed: (step: LoginStepName) => void
  /** Tells the deadline which phase runs now, so a timeout names it. */
  entering: (phase: 'connect' | 'tls' | 'greeting' | 'dialogue') => void
}

/** Why an attempt failed; the classifier turns it into a code. */
export type AttemptFailure =
  /** The server answered the credentials with a refusal; `reply` is its text, decoded. */
  | { kind: 'refused'; reply: string }
  /** Logged in, but the mailbox would not open (IMAP EXAMINE). */
  | { kind: 'mailbox'; reply: string }
  /** No login method on this connection (LOGINDISABLED, no AUTH). */
  | { kind: 'unsupported'; reply: string | null }
  /** A network, TLS or protocol failure: the probe engine's code. */
  | { kind: 'probe'; code: ProbeCode; detail: string | null }

/** The dialogue as far as the attempt can show it; credentials already replaced by `*** (hidden)`. */
export type Transcript = TranscriptEntry[]

export type AttemptOutcome =
  | { ok: true; transcript?: Transcript }
  | { ok: false; step: LoginStepName; failure: AttemptFailure; transcript?: Transcript }

export type LoginAttempt = (input: AttemptInput) => Promise<AttemptOutcome>

/** One attempt per protocol and TLS mode the runtime can run. */
export interface LoginAttempts {
  /** IMAP: login, then the inbox opened read-only (EXAMINE), with ID sent when offered. */
  imap: LoginAttempt
  /** POP3 over implicit TLS (995). POP3 with STLS or plaintext runs the project's own dialogue. */
  pop3Tls: LoginAttempt
  /** SMTP AUTH (465 implicit TLS, 587 STARTTLS). */
  smtp: LoginAttempt
}
