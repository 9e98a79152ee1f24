/**
 * @module
 * What every protocol dialogue (imap.ts, pop3.ts, smtp.ts) provides to the probe runner.
 * Each speaks a fixed dialogue: greeting, capabilities, STARTTLS, capabilities again, quit.
 */
import type { LineIO } from './line-io.ts'

export interface Greeting {
  line: string
  /** Capabilities announced in the greeting itself (IMAP's [CAPABILITY …]), if any. */
  capabilities: string[] | null
}

export interface Dialogue {
  readonly name: string
  /** Reads and checks the greeting; throws NOT_THIS_PROTOCOL, SERVER_BUSY or SERVER_REJECTED. */
  greeting(io: LineIO): Promise<Greeting>
  capabilities(io: LineIO): Promise<string[]>
  offersStartTls(capabilities: string[]): boolean
  /** Sends the STARTTLS command and reads its go-ahead; throws STARTTLS_REFUSED otherwise. */
  startTls(io: LineIO): Promise<void>
  /** SASL mechanisms (and USER / LOGIN-style logins) a client could use with these capabilities. */
  authMechanisms(capabilities: string[]): string[]
  /** True when the capabilities forbid logging in on this connection (IMAP LOGINDISABLED). */
  loginDisabled(capabilities: string[]): boolean
  quit(io: LineIO): Promise<void>
}

/** Upper-cased, trimmed, de-duplicated capability atoms. */
export const normaliseCapabilities = (caps: string[]): string[] => [
  ...new Set(caps.map((cap) => cap.trim().toUpperCase()).filter((cap) => cap.length > 0)),
]
