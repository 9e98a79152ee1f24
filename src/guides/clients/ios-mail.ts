/** Mail on iPhone and iPad (iOS and iPadOS 17 and later), set up in the Settings app. */
import type { ClientSpec } from '../types.ts'

export const iosMail: ClientSpec = {
  id: 'ios-mail',
  name: 'client.ios-mail',
  version: 'ios.version',
  auth: { password: 'am.auth.password', oauth2: 'common.oauth2' },
  security: {
    tls: 'ios.security.tls',
    starttls: 'ios.security.starttls',
    none: 'ios.security.none',
  },
  protocolLabel: { imap: 'am.protocol.imap', pop3: 'am.protocol.pop3' },
  steps: [
    { id: 'open', text: 'ios.step.open' },
    { id: 'identity', text: 'ios.step.identity' },
    {
      id: 'servers',
      text: 'ios.step.servers',
      values: [
        { label: 'ios.label.inHost', value: 'inHost' },
        { label: 'ios.label.userName', value: 'inUsername' },
        { label: 'ios.label.password', value: 'credential' },
        { label: 'ios.label.outHost', value: 'outHost' },
        { label: 'ios.label.outUserName', value: 'outUsername' },
      ],
    },
    { id: 'test', kind: 'test', text: 'ios.step.test' },
    {
      id: 'advanced',
      text: 'ios.step.advanced',
      values: [
        { label: 'ios.label.ssl', value: 'inSecurity' },
        { label: 'ios.label.port', value: 'inPort' },
        { label: 'ios.label.outSsl', value: 'outSecurity' },
        { label: 'ios.label.outPort', value: 'outPort' },
      ],
    },
  ],
}
