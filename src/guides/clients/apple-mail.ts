/** Mail on the Mac (macOS 12 Monterey and later). */
import { AM_AUTO_MANAGE, AM_SERVER_SETTINGS } from '../sources.ts'
import type { ClientSpec } from '../types.ts'

export const appleMail: ClientSpec = {
  id: 'apple-mail',
  name: 'client.apple-mail',
  version: 'am.version',
  auth: { password: 'am.auth.password', oauth2: 'common.oauth2' },
  security: { tls: 'am.security.tls', starttls: 'am.security.starttls', none: 'am.security.none' },
  protocolLabel: { imap: 'am.protocol.imap', pop3: 'am.protocol.pop3' },
  steps: [
    { id: 'open', text: 'am.mac.open' },
    { id: 'identity', text: 'am.mac.identity' },
    {
      id: 'servers',
      text: 'am.mac.servers',
      values: [
        { label: 'am.label.accountType', value: 'protocol' },
        { label: 'am.label.inServer', value: 'inHost' },
        { label: 'am.label.outServer', value: 'outHost' },
        { label: 'am.label.userName', value: 'inUsername' },
      ],
    },
    { id: 'test', kind: 'test', text: 'am.mac.test' },
    {
      id: 'ports',
      text: 'am.mac.ports',
      sources: { en: [AM_SERVER_SETTINGS, AM_AUTO_MANAGE] },
      values: [
        { label: 'am.label.hostName', value: 'inHost' },
        { label: 'am.label.port', value: 'inPort' },
        { label: 'am.label.tls', value: 'inSecurity' },
        { label: 'am.label.outHostName', value: 'outHost' },
        { label: 'am.label.outPort', value: 'outPort' },
        { label: 'am.label.outTls', value: 'outSecurity' },
      ],
    },
  ],
}
