/** Thunderbird (desktop, 115 and later). */
import type { ClientSpec } from '../types.ts'

export const thunderbird: ClientSpec = {
  id: 'thunderbird',
  name: 'client.thunderbird',
  security: { tls: 'tb.security.tls', starttls: 'tb.security.starttls', none: 'tb.security.none' },
  protocolLabel: { imap: 'tb.protocol.imap', pop3: 'tb.protocol.pop3' },
  steps: [
    // support.mozilla.org "Manual Account Configuration" names Account Actions → Add Mail Account.
    { id: 'open', text: 'tb.step.open', confirmed: ['en'] },
    { id: 'identity', text: 'tb.step.identity' },
    { id: 'manual', text: 'tb.step.manual' },
    {
      id: 'incoming',
      text: 'tb.step.incoming',
      values: [
        { label: 'tb.label.protocol', value: 'protocol' },
        { label: 'tb.label.hostname', value: 'inHost' },
        { label: 'tb.label.port', value: 'inPort' },
        { label: 'tb.label.security', value: 'inSecurity' },
        { label: 'tb.label.auth', value: 'common.normalPassword' },
        { label: 'tb.label.username', value: 'inUsername' },
      ],
    },
    {
      id: 'outgoing',
      text: 'tb.step.outgoing',
      values: [
        { label: 'tb.label.hostname', value: 'outHost' },
        { label: 'tb.label.port', value: 'outPort' },
        { label: 'tb.label.security', value: 'outSecurity' },
        { label: 'tb.label.auth', value: 'common.normalPassword' },
        { label: 'tb.label.username', value: 'outUsername' },
      ],
    },
    { id: 'test', kind: 'test', text: 'tb.step.test' },
    { id: 'pop3-keep', text: 'tb.step.pop3Keep', when: 'pop3' },
  ],
}
