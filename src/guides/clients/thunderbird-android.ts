/** Thunderbird for Android (formerly K-9 Mail). */
import type { ClientSpec } from '../types.ts'

export const thunderbirdAndroid: ClientSpec = {
  id: 'thunderbird-android',
  name: 'client.thunderbird-android',
  security: { tls: 'tb.security.tls', starttls: 'tb.security.starttls', none: 'tb.security.none' },
  protocolLabel: { imap: 'tb.protocol.imap', pop3: 'tb.protocol.pop3' },
  steps: [
    { id: 'open', text: 'tba.step.open' },
    { id: 'email', text: 'tba.step.email' },
    {
      id: 'incoming',
      text: 'tba.step.incoming',
      values: [
        { label: 'tba.label.protocol', value: 'protocol' },
        { label: 'tba.label.server', value: 'inHost' },
        { label: 'tba.label.security', value: 'inSecurity' },
        { label: 'tba.label.port', value: 'inPort' },
        { label: 'tba.label.username', value: 'inUsername' },
        { label: 'tba.label.auth', value: 'common.normalPassword' },
        { label: 'tba.label.password', value: 'credential' },
      ],
    },
    {
      id: 'outgoing',
      text: 'tba.step.outgoing',
      values: [
        { label: 'tba.label.server', value: 'outHost' },
        { label: 'tba.label.security', value: 'outSecurity' },
        { label: 'tba.label.port', value: 'outPort' },
        { label: 'tba.label.username', value: 'outUsername' },
        { label: 'tba.label.auth', value: 'common.normalPassword' },
        { label: 'tba.label.password', value: 'credential' },
      ],
    },
    { id: 'test', kind: 'test', text: 'tba.step.test' },
  ],
}
