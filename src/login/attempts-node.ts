/**
 * @module
 * The Node login attempts: imapflow, node-pop3 and nodemailer, wired with the service's trust
 * store. Only the Node entry imports this file; the app receives the attempts as a dependency.
 * Each library is loaded on the first attempt that needs it: imapflow alone took about 300 ms
 * and 9–28 MB of a start that most services never spend on a login test.
 */
import tls from 'node:tls'
import type { LoginAttempt, LoginAttempts } from './types.ts'

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
    imap: onFirstUse(() => import('./imap-node.ts').then((m) => m.createImapAttempt(settings))),
    pop3Tls: onFirstUse(() =>
      import('./pop3-node.ts').then((m) => m.createPop3TlsAttempt(settings)),
    ),
    smtp: onFirstUse(() => import('./smtp-node.ts').then((m) => m.createSmtpAttempt(settings))),
  }
}

/** An attempt whose module is imported when it is first called (once; a failed import again). */
const onFirstUse = (load: () => Promise<LoginAttempt>): LoginAttempt => {
  let loading: Promise<LoginAttempt> | undefined
  return async (input) => {
    loading ??= load().catch((err: unknown) => {
      loading = undefined
      throw err
    })
    return (await loading)(input)
  }
}
