/**
 * The login route against scripted fake servers: an app whose guard allows the fake servers'
 * ports on 127.0.0.1 and whose attempts trust the fake certificate.
 */
import { createNodeLoginAttempts } from '../../../src/login/attempts-node.ts'
import { type MailProtocol, type MailScript, startMailServer } from '../../fake/mail-server.ts'
import { sharedTestCert } from '../../fake/test-cert.ts'
import { createTestApp, postJson } from '../../fake/test-app.ts'
import { LoginTestAnswerSchema } from '../../../src/openapi/login-schemas.ts'
import type { TestAppOptions } from '../../fake/test-app.ts'

/** IMAP that identifies itself (ID) and takes LOGIN (no AUTH= mechanisms), after TLS. */
export const IMAP_SECURE: MailScript['secure'] = {
  CAPABILITY: '* CAPABILITY IMAP4rev1 ID\n{tag} OK CAPABILITY completed',
  ID: '* ID ("name" "fake")\n{tag} OK ID completed',
  LOGIN: '{tag} OK LOGIN completed',
  // imapflow asks for the hierarchy delimiter (LIST "" "") and INBOX before it opens it.
  LIST: '* LIST (\\HasNoChildren) "/" INBOX\n{tag} OK LIST completed',
  EXAMINE: '* 0 EXISTS\n* OK [UIDVALIDITY 1] UIDs valid\n{tag} OK [READ-ONLY] EXAMINE completed',
}

export const startServer = (protocol: MailProtocol, script: MailScript = {}) =>
  startMailServer(protocol, script)

/** The app, trusting the fake certificate (unless `trust: false`, or `ca` instead), allowing `ports`. */
export const loginApp = (
  ports: number[],
  options: Partial<TestAppOptions> & { trust?: boolean; failureMax?: number } = {},
) => {
  const ca = options.ca ?? (options.trust === false ? undefined : [sharedTestCert().cert])
  return createTestApp({
    ports,
    ca,
    login: {
      attempts: createNodeLoginAttempts({ ca }),
      failureLimit: { max: options.failureMax ?? 100, windowMs: 15 * 60_000 },
      timeoutMs: 3_000,
    },
    ...options,
  })
}

export const PASSWORD = 'Pa55-w0rd!zz'

export const loginTest = async (
  app: ReturnType<typeof createTestApp>['app'],
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) => {
  const res = await postJson(app, '/api/v1/login-test', { password: PASSWORD, ...body }, headers)
  const text = await res.text()
  return { res, text, json: () => LoginTestAnswerSchema.parse(JSON.parse(text)) }
}
