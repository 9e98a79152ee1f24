/** Apple Mail on iPhone/iPad (Settings) and on the Mac. */
import type { ClientSpec } from '../types.ts'

export const appleMail: ClientSpec = {
  id: 'apple-mail',
  name: 'client.apple-mail',
  security: { tls: 'am.security.tls', starttls: 'am.security.starttls', none: 'am.security.none' },
  protocolLabel: { imap: 'am.protocol.imap', pop3: 'am.protocol.pop3' },
  steps: [
    { id: 'ios-open', platform: 'ios', text: 'am.ios.open' },
    { id: 'ios-identity', platform: 'ios', text: 'am.ios.identity' },
    {
      id: 'ios-servers',
      platform: 'ios',
      text: 'am.ios.servers',
      values: [
        { label: 'am.label.inServer', value: 'inHost' },
        { label: 'am.label.userName', value: 'inUsername' },
        { label: 'am.label.outServer', value: 'outHost' },
        { label: 'am.label.outUserName', value: 'outUsername' },
      ],
    },
    { id: 'ios-test', platform: 'ios', kind: 'test', text: 'am.ios.test' },
    { id: 'ios-advanced', platform: 'ios', text: 'am.ios.advanced' },
    // Apple Community and Apple's "Mail settings you might need" name these (en).
    { id: 'mac-open', platform: 'macos', text: 'am.mac.open', confirmed: ['en'] },
    { id: 'mac-identity', platform: 'macos', text: 'am.mac.identity', confirmed: ['en'] },
    {
      id: 'mac-servers',
      platform: 'macos',
      text: 'am.mac.servers',
      confirmed: ['en'],
      values: [
        { label: 'am.label.accountType', value: 'protocol' },
        { label: 'am.label.inServer', value: 'inHost' },
        { label: 'am.label.outServer', value: 'outHost' },
        { label: 'am.label.userName', value: 'inUsername' },
      ],
    },
    // Mail User Guide, "Server Settings" (en).
    { id: 'mac-test', platform: 'macos', kind: 'test', text: 'am.mac.test', confirmed: ['en'] },
  ],
}
