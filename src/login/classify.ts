/**
 * @module
 * What a server's refusal means: its reply text, read with what we know of the provider, turned
 * into a stable login code. The patterns are real answers, each with where it was seen; the order
 * matters (the most specific first: QQ's catch-all lists "service is not open" among five causes).
 */
import type { LoginResultCode } from '../errors/table.ts'
import type { Credential } from '../providers/index.ts'
import type { AttemptFailure } from './types.ts'

interface Rule {
  code: LoginResultCode
  pattern: RegExp
}

/**
 * Reply texts that name the cause, most specific first. Their Chinese alternatives are written
 * as \u escapes, the text in the comment above: esbuild escapes strings but not regular
 * expressions, and one non-ASCII character makes V8 hold the whole server bundle's source at two
 * bytes a character (0.6 MB of an idle start, docs/benchmarks.md).
 */
const RULES: readonly Rule[] = [
  // QQ's catch-all (issue 11's collected strings): five causes in one line, so it says nothing
  // certain; the provider's credential decides below.
  {
    code: 'AUTH_FAILED',
    pattern: /Login fail\. Account is abnormal, service is not open, password is incorrect/i,
  },
  // QQ: "535 Login Fail. Please enter your authorization code to login. More information in
  // http://service.mail.qq.com/cgi-bin/help?…no=1001256" (github.com/YMFE/yapi/issues/2219);
  // older "535 Error: 请使用授权码登录。详情请看: …" in GBK (github.com/DesertsP/Valine-Admin/issues/86);
  // NetEase Coremail "535 5.7.0 ERR.LOGIN.REQCODE" (issue 11).
  {
    code: 'AUTH_AUTHORIZATION_CODE_REQUIRED',
    // 授权码
    pattern: /\u6388\u6743\u7801|authori[sz]ation code|ERR\.LOGIN\.REQCODE/i,
  },
  // Gmail SMTP "534-5.7.9 Application-specific password required … p=InvalidSecondFactor"
  // (github.com/bberkay/openmail/issues/1); IMAP "NO [ALERT] Application-specific password
  // required: https://support.google.com/accounts/answer/185833 (Failure)"
  // (github.com/LukeSmithxyz/mutt-wizard/issues/831).
  {
    code: 'AUTH_APP_PASSWORD_REQUIRED',
    pattern: /application-specific password|app(lication)? password required|InvalidSecondFactor/i,
  },
  // Microsoft 365 with SMTP AUTH switched off for the tenant: "535 5.7.139 Authentication
  // unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit
  // https://aka.ms/smtp_auth_disabled" (github.com/nodemailer/nodemailer/issues/1484).
  {
    code: 'SERVICE_NOT_ENABLED',
    pattern: /SmtpClientAuthentication is disabled|smtp_auth_disabled/i,
  },
  // Microsoft: "535 5.7.139 Authentication unsuccessful, basic authentication is disabled."
  // (github.com/nodemailer/nodemailer/issues/1714); IMAP "NO Basic authentication is disabled"
  // (issue 11).
  { code: 'AUTH_OAUTH_ONLY', pattern: /basic auth(entication)? is disabled|BasicAuthBlocked/i },
  // NetEase after LOGIN without ID: "NO SELECT Unsafe Login. Please contact kefu@188.com for help"
  // (github.com/pimalaya/himalaya/issues/651; EXAMINE too: github.com/rustmailer/bichon/issues/25).
  { code: 'UNSAFE_LOGIN', pattern: /unsafe login/i },
  // NetEase "451 … too much fail authentication" (issue 11); Coremail ERR.LOGIN.FREQ.
  {
    code: 'TOO_MANY_FAILURES',
    // 登录(过于)?频繁
    pattern:
      /too (much|many) (fail|failed|failure|login|auth)|login frequency|ERR\.LOGIN\.FREQ|\u767b\u5f55(\u8fc7\u4e8e)?\u9891\u7e41/i,
  },
  // Gmail "[ALERT] Your account is not enabled for IMAP use"; Coremail ERR.LOGIN.IMAPDISABLED
  // style codes; "POP3/IMAP service is not open" style answers.
  {
    code: 'SERVICE_NOT_ENABLED',
    // 服务未开启
    pattern:
      /not enabled for (IMAP|POP)|(IMAP|POP3?|SMTP)[\w/ ]* (service|access) (is )?(not open|disabled|not enabled)|ERR\.LOGIN\.\w*DISABLED|\u670d\u52a1\u672a\u5f00\u542f/i,
  },
  // Dovecot on a port without TLS: "-ERR [AUTH] Plaintext authentication disallowed on
  // non-secure (SSL/TLS) connections." (POP3) and "NO [PRIVACYREQUIRED] …" (IMAP); imapflow's
  // own "Login is disabled" when the server announces LOGINDISABLED.
  {
    code: 'LOGIN_DISABLED',
    pattern: /plaintext authentication disallowed|PRIVACYREQUIRED|login is disabled|LOGINDISABLED/i,
  },
  // RFC 4954 §6: "454 4.7.0 Temporary authentication failure": the server's trouble, not the
  // password's (and the client should not ask for another one).
  { code: 'SERVER_BUSY', pattern: /^454[ -]/ },
  {
    code: 'ACCOUNT_LOCKED',
    // 账[号户](已)?被?(锁定|冻结)
    pattern:
      /account (is |has been )?(locked|blocked|suspended|frozen|disabled)|\u8d26[\u53f7\u6237](\u5df2)?\u88ab?(\u9501\u5b9a|\u51bb\u7ed3)/i,
  },
]

/** The answer a provider gives for a plain wrong password means more when we know its credential. */
const CREDENTIAL_CODE: Partial<Record<Credential, LoginResultCode>> = {
  // Outlook.com and Microsoft 365 answer a password with a bare "NO AUTHENTICATE failed." over
  // IMAP once basic authentication is off: at an OAuth-only provider that is what it means.
  'oauth2-only': 'AUTH_OAUTH_ONLY',
}

/** SMTP 503/504: AUTH not offered or not possible here (RFC 4954 §4; RFC 5321 §4.2.4). */
const NO_AUTH_HERE = /^50[34][ -]/

/**
 * The code for a failed attempt.
 *
 * @example
 * classifyFailure({ kind: 'refused', reply: '535 5.7.0 ERR.LOGIN.REQCODE' }, 'authorization-code')
 * // 'AUTH_AUTHORIZATION_CODE_REQUIRED'
 */
export const classifyFailure = (
  failure: AttemptFailure,
  credential: Credential | null,
): LoginResultCode => {
  if (failure.kind === 'probe') return failure.code
  if (failure.kind === 'unsupported') return 'AUTH_UNSUPPORTED'
  const reply = failure.reply
  const rule = RULES.find((candidate) => candidate.pattern.test(reply))
  if (rule) return rule.code
  if (failure.kind === 'mailbox') return 'MAILBOX_UNAVAILABLE'
  if (NO_AUTH_HERE.test(reply)) return 'AUTH_UNSUPPORTED'
  return (credential && CREDENTIAL_CODE[credential]) ?? 'AUTH_FAILED'
}

/** Codes after which the same request may try the other username form. */
export const isPlainAuthFailure = (code: LoginResultCode): boolean => code === 'AUTH_FAILED'

/** Codes that count against the per-account failure limit: the server refused the secret. */
export const countsAsFailure = (code: LoginResultCode): boolean =>
  code.startsWith('AUTH_') && code !== 'AUTH_UNSUPPORTED'
