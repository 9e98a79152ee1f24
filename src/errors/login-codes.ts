/**
 * @module
 * The login-test codes: what a server's answer to the user's own username and password means
 * (POST /api/v1/login-test). A result carries one of these or a probe code (a network or TLS
 * failure before the login). The messages here are the generic ones; login/messages.ts puts the
 * provider's own words in front (QQ's 授权码, Gmail's app password). Part of the one table in
 * table.ts.
 */
import type { LoginEntry } from './entry.ts'

export const LOGIN_CODES = {
  AUTH_FAILED: {
    kind: 'login',
    message: {
      en: 'The server refused the username or password. Check both; many providers want a separate app password or authorization code here, not the web login password.',
      'zh-CN':
        '服务器拒绝了用户名或密码。请检查两者；很多服务商在这里要求单独的应用专用密码或授权码，而不是网页登录密码。',
    },
  },
  AUTH_APP_PASSWORD_REQUIRED: {
    kind: 'login',
    message: {
      en: 'The server wants an app password (made in the account’s security settings, usually after turning on 2-step verification), not the account password.',
      'zh-CN':
        '服务器要求使用应用专用密码（在账户安全设置中生成，通常需要先开启两步验证），而不是账户密码。',
    },
  },
  AUTH_AUTHORIZATION_CODE_REQUIRED: {
    kind: 'login',
    message: {
      en: 'The server wants an authorization code (授权码), not the login password: switch on IMAP/POP3/SMTP in the webmail settings and generate the code there.',
      'zh-CN':
        '服务器要求使用授权码登录，而不是登录密码：请在网页版邮箱设置中开启 IMAP/POP3/SMTP 服务并生成授权码。',
    },
  },
  AUTH_OAUTH_ONLY: {
    kind: 'login',
    message: {
      en: 'This provider no longer accepts passwords from mail programs (basic authentication is off): use a mail app that signs in through the provider’s own page (OAuth).',
      'zh-CN':
        '该服务商已不再接受邮件程序使用密码登录（已关闭基本身份验证）：请使用通过服务商网页登录（OAuth）的邮件客户端。',
    },
  },
  AUTH_UNSUPPORTED: {
    kind: 'login',
    message: {
      en: 'The server offers no way to log in on this port (no AUTH or login method). Use the port your provider names for mail programs.',
      'zh-CN':
        '该端口的服务器没有提供登录方式（不支持 AUTH 或登录命令）。请使用服务商为邮件客户端提供的端口。',
    },
  },
  SERVICE_NOT_ENABLED: {
    kind: 'login',
    message: {
      en: 'IMAP, POP3 or SMTP access is switched off for this account. Switch it on in the webmail settings first.',
      'zh-CN': '该账户的 IMAP、POP3 或 SMTP 服务未开启。请先在网页版邮箱的设置中开启。',
    },
  },
  ACCOUNT_LOCKED: {
    kind: 'login',
    message: {
      en: 'The provider has locked or suspended this account for mail programs. Sign in to the webmail to see why and unlock it.',
      'zh-CN': '服务商已锁定或暂停该账户的客户端登录。请登录网页版邮箱查看原因并解锁。',
    },
  },
  TOO_MANY_FAILURES: {
    kind: 'login',
    message: {
      en: 'The provider is refusing logins for now because of too many failed attempts. Wait a while (often 30 minutes to a few hours) and try again with the right password.',
      'zh-CN':
        '由于失败次数过多，服务商暂时拒绝登录。请等待一段时间（通常半小时到数小时），再用正确的密码重试。',
    },
  },
  UNSAFE_LOGIN: {
    kind: 'login',
    message: {
      en: 'The login worked, but the provider refuses to open the mailbox for this program ("Unsafe Login"). NetEase does this for clients that do not identify themselves; use a mail app the provider lists, or its own app.',
      'zh-CN':
        '登录成功，但服务商拒绝为该程序打开邮箱（“Unsafe Login”）。网易对不发送身份信息的客户端会这样处理；请使用服务商推荐的邮件客户端或其官方应用。',
    },
  },
  MAILBOX_UNAVAILABLE: {
    kind: 'login',
    message: {
      en: 'The login worked, but the server would not open the inbox.',
      'zh-CN': '登录成功，但服务器无法打开收件箱。',
    },
  },
} as const satisfies Record<string, LoginEntry>
