/**
 * @module
 * Mozilla's autoconfig file (config-v1.1.xml), read by Thunderbird, Thunderbird for Android,
 * Evolution, Nextcloud Mail and others. Pure. Usernames go out as the placeholders the format
 * defines (%EMAILADDRESS%, %EMAILLOCALPART%), which the client expands itself.
 * Format: https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat
 *
 * A provider that logs in with an ID it issues (docomo's d ACCOUNT ID) gets the ID's short name
 * (`accountId.short`, else its label) as the username, not an address. No form of the file makes Thunderbird ask for a username
 * (mozilla/releases-comm-central, mail/components/accountcreation/modules/): readFromXML.sys.mjs
 * takes `Sanitizer.string(iX.username)`, which is `String(x)`, so a missing <username> becomes
 * "undefined" and an empty one "true" (JXON.sys.mjs reads an empty element as `true`);
 * AccountConfig.replaceVariables fills only %EMAILADDRESS%, %EMAILLOCALPART%, %EMAILDOMAIN% and
 * %REALNAME%, and <inputField> is read but not used. So the username field shows what to type:
 * the login with it fails and Thunderbird's manual setup shows the words in the field to replace,
 * where any address would look right and fail the same way.
 */
import type { CandidateServer } from '../discovery/types.ts'
import { accountIdShort, type Provider } from '../providers/index.ts'
import { type AuthMethod, authMethodsFor } from './auth-methods.ts'
import { OAUTH2_ENDPOINTS } from './oauth2-endpoints.ts'
import { offeredServers } from './offered.ts'
import type { AccountSettings } from '../diagnose/account-settings.ts'
import { usernameTemplate } from './username-template.ts'
import { element, escapeXml } from './xml-text.ts'
import type { Security } from '../model/domain.ts'

const SOCKET_TYPE: Record<Security, string> = { tls: 'SSL', starttls: 'STARTTLS', none: 'plain' }

const AUTHENTICATION: Record<AuthMethod, string> = {
  password: 'password-cleartext',
  'password-encrypted': 'password-encrypted',
  oauth2: 'OAuth2',
  none: 'none',
  'client-ip': 'client-IP-address',
  ntlm: 'NTLM',
  gssapi: 'GSSAPI',
}

/**
 * The server's methods, the provider's preferred one first: a provider that takes OAuth2 lists
 * it before the password, as ISPDB does, because a client takes the first method it supports
 * and such providers refuse or restrict passwords.
 */
const preferred = (provider: Provider | null, methods: AuthMethod[]): AuthMethod[] =>
  provider?.oauth2 && methods.includes('oauth2')
    ? ['oauth2', ...methods.filter((m) => m !== 'oauth2')]
    : methods

const server = (
  tag: 'incomingServer' | 'outgoingServer',
  s: CandidateServer,
  settings: AccountSettings,
) => {
  const methods = preferred(settings.provider, authMethodsFor(settings.provider, s, settings.email))
  const auth = [...new Set(methods.map((a) => AUTHENTICATION[a]))]
  const username =
    accountIdShort(settings.provider, 'en') ?? usernameTemplate(s.username, settings.email)
  return [
    `    <${tag} type="${s.protocol}">`,
    `      ${element('hostname', s.host)}`,
    `      ${element('port', s.port)}`,
    `      ${element('socketType', SOCKET_TYPE[s.security])}`,
    ...auth.map((a) => `      ${element('authentication', a)}`),
    `      ${element('username', username)}`,
    `    </${tag}>`,
  ].join('\n')
}

/**
 * `<enable visiturl>` for a provider whose IMAP/POP access must be switched on first: the page
 * to visit (the provider's own help page, else its webmail) and the steps, in English and, when
 * the data has them, in Chinese. Left out without a page to visit.
 */
const enable = (provider: Provider | null): string[] => {
  const url = provider?.enable?.url ?? provider?.website
  if (!provider?.enable || !url?.startsWith('https://')) return []
  const { steps } = provider.enable
  return [
    `    <enable visiturl="${escapeXml(url)}">`,
    `      ${element('instruction', steps.en)}`,
    ...(steps['zh-CN']
      ? [`      <instruction lang="zh-CN">${escapeXml(steps['zh-CN'])}</instruction>`]
      : []),
    '    </enable>',
  ]
}

/** ISPDB's `<oAuth2>` block, for a provider that takes OAuth2 and whose endpoints are known. */
const oauth2 = (provider: Provider | null): string[] => {
  const endpoints = provider?.oauth2 ? OAUTH2_ENDPOINTS[provider.id] : undefined
  if (!endpoints) return []
  return [
    '  <oAuth2>',
    `    ${element('issuer', endpoints.issuer)}`,
    `    ${element('scope', endpoints.scope)}`,
    `    ${element('authURL', endpoints.authURL)}`,
    `    ${element('tokenURL', endpoints.tokenURL)}`,
    '  </oAuth2>',
  ]
}

/**
 * The config-v1.1.xml document for some settings, or null when no incoming server is known
 * (the route then answers 404, which makes clients try their next method).
 *
 * @example
 * renderAutoconfig(await settings('ann@qq.com'))
 * // <clientConfig version="1.1"><emailProvider id="qq.com">…<incomingServer type="imap">…
 */
export const renderAutoconfig = (settings: AccountSettings): string | null => {
  const { incoming, outgoing } = offeredServers(settings)
  if (incoming.length === 0) return null
  const domain = escapeXml(settings.domain)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<clientConfig version="1.1">',
    `  <emailProvider id="${domain}">`,
    `    ${element('domain', settings.domain)}`,
    `    ${element('displayName', settings.displayName)}`,
    `    ${element('displayShortName', settings.displayName)}`,
    ...incoming.map((s) => server('incomingServer', s, settings)),
    ...outgoing.map((s) => server('outgoingServer', s, settings)),
    ...enable(settings.provider),
    '  </emailProvider>',
    ...oauth2(settings.provider),
    '</clientConfig>',
    '',
  ].join('\n')
}
