/**
 * @module
 * ISPDB's `<oAuth2>` blocks (issuer, scope, authorization and token endpoints) for the providers
 * whose provider data says they take OAuth2, keyed by provider id. The provider database does
 * not carry these endpoints yet, so they are copied here from the ISPDB files named beside
 * each entry (thunderbird/autoconfig, ispdb/*.xml).
 */

/** One provider's OAuth2 endpoints, as ISPDB's `<oAuth2>` element lists them. */
export interface OAuth2Endpoints {
  issuer: string
  scope: string
  authURL: string
  tokenURL: string
}

export const OAUTH2_ENDPOINTS: Readonly<Record<string, OAuth2Endpoints>> = {
  // ispdb/googlemail.com.xml
  gmail: {
    issuer: 'accounts.google.com',
    scope:
      'https://mail.google.com/ https://www.googleapis.com/auth/contacts https://www.googleapis.com/auth/calendar https://www.googleapis.com/auth/carddav',
    authURL: 'https://accounts.google.com/o/oauth2/auth',
    tokenURL: 'https://www.googleapis.com/oauth2/v3/token',
  },
  // ispdb/yahoo.com.xml
  yahoo: {
    issuer: 'login.yahoo.com',
    scope: 'mail-w',
    authURL: 'https://api.login.yahoo.com/oauth2/request_auth',
    tokenURL: 'https://api.login.yahoo.com/oauth2/get_token',
  },
  // ispdb/aol.com.xml
  'aol.com': {
    issuer: 'login.aol.com',
    scope: 'mail-w',
    authURL: 'https://api.login.aol.com/oauth2/request_auth',
    tokenURL: 'https://api.login.aol.com/oauth2/get_token',
  },
  // ispdb/yandex.ru.xml
  yandex: {
    issuer: 'oauth.yandex.com',
    scope: 'mail:imap_full mail:smtp',
    authURL: 'https://oauth.yandex.com/authorize',
    tokenURL: 'https://oauth.yandex.com/token',
  },
  // ispdb/mail.ru.xml
  mailru: {
    issuer: 'o2.mail.ru',
    scope: 'mail.imap',
    authURL: 'https://o2.mail.ru/login',
    tokenURL: 'https://o2.mail.ru/token',
  },
  // ispdb/office365.com.xml
  'microsoft-365': {
    issuer: 'login.microsoftonline.com',
    scope:
      'https://outlook.office365.com/IMAP.AccessAsUser.All https://outlook.office365.com/POP.AccessAsUser.All https://outlook.office365.com/SMTP.Send offline_access',
    authURL: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    tokenURL: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
  },
  // ispdb/comcast.net.xml
  'comcast.net': {
    issuer: 'comcast.net',
    scope: 'https://email.comcast.net/ profile openid',
    authURL: 'https://oauth.xfinity.com/oauth/authorize',
    tokenURL: 'https://oauth.xfinity.com/oauth/token',
  },
}
