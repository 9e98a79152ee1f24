/**
 * @module
 * The Node login attempts: imapflow, node-pop3 and nodemailer, wired with the service's trust
 * store. Only the Node entry imports this file; the app receives the attempts as a dependency.
 */
import tls from 'node:tls'
import { createImapAttempt } from './imap-node.ts'
import { createPop3TlsAttempt } from './pop3-node.ts'
import { createSmtpAttempt } from './smtp-node.ts'
import type { LoginAttempts } from './types.ts'

export interface NodeLoginOptions {
  /** Extra trusted CA certificates (MAILSETUP_EXTRA_CA), added to Node's roots. */
  ca?: string[]
  /** The name the login test gives in SMTP EHLO and IMAP ID. */
  clientName?: string
}

/**
 * @example
 * const attempts = createNodeLoginAttempts({ ca: [pem], clientName: 'probe.mailsetup.invalid' })
 */
export const createNodeLoginAttempts = (options: NodeLoginOptions = {}): LoginAttempts => {
  const ca = options.ca?.length ? [...tls.rootCertificates, ...options.ca] : undefined
  const settings = { ca, clientName: options.clientName ?? 'mailsetup' }
  return {
    imap: createImapAttempt(settings),
    pop3Tls: createPop3TlsAttempt(settings),
    smtp: createSmtpAttempt(settings),
  }
}
