/**
 * @module
 * Mozilla's autoconfig file (config-v1.1.xml), read by Thunderbird, Thunderbird for Android,
 * Evolution, Nextcloud Mail and others. Pure. Usernames go out as the placeholders the format
 * defines (%EMAILADDRESS%, %EMAILLOCALPART%), which the client expands itself.
 * Format: https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat
 */
import type { CandidateServer } from '../discovery/types.ts'
import { type AuthMethod, authMethodsFor } from './auth-methods.ts'
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

const server = (
  tag: 'incomingServer' | 'outgoingServer',
  s: CandidateServer,
  settings: AccountSettings,
) => {
  const auth = [
    ...new Set(authMethodsFor(settings.provider, s, settings.email).map((a) => AUTHENTICATION[a])),
  ]
  return [
    `    <${tag} type="${s.protocol}">`,
    `      ${element('hostname', s.host)}`,
    `      ${element('port', s.port)}`,
    `      ${element('socketType', SOCKET_TYPE[s.security])}`,
    ...auth.map((a) => `      ${element('authentication', a)}`),
    `      ${element('username', usernameTemplate(s.username, settings.email))}`,
    `    </${tag}>`,
  ].join('\n')
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
    '  </emailProvider>',
    '</clientConfig>',
    '',
  ].join('\n')
}
