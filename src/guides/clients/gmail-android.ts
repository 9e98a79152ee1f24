/** The Gmail app for Android, adding a non-Google account. */
import type { ClientSpec } from '../types.ts'

export const gmailAndroid: ClientSpec = {
  id: 'gmail-android',
  name: 'client.gmail-android',
  security: { tls: 'ga.security.tls', starttls: 'ga.security.starttls', none: 'ga.security.none' },
  protocolLabel: { imap: 'ga.protocol.imap', pop3: 'ga.protocol.pop3' },
  steps: [
    { id: 'open', text: 'ga.step.open' },
    // MANUAL SETUP, Personal (IMAP), NEXT, Incoming server settings, security type: AOSP Gmail guides (en).
    { id: 'email', text: 'ga.step.email', confirmed: ['en'] },
    { id: 'type', text: 'ga.step.type', confirmed: ['en'] },
    {
      id: 'incoming',
      text: 'ga.step.incoming',
      confirmed: ['en'],
      values: [
        { label: 'ga.label.username', value: 'inUsername' },
        { label: 'ga.label.server', value: 'inHost' },
        { label: 'ga.label.port', value: 'inPort' },
        { label: 'ga.label.security', value: 'inSecurity' },
      ],
    },
    {
      id: 'outgoing',
      text: 'ga.step.outgoing',
      values: [
        { label: 'ga.label.username', value: 'outUsername' },
        { label: 'ga.label.smtpServer', value: 'outHost' },
        { label: 'ga.label.port', value: 'outPort' },
        { label: 'ga.label.security', value: 'outSecurity' },
      ],
    },
    { id: 'test', kind: 'test', text: 'ga.step.test' },
  ],
}
