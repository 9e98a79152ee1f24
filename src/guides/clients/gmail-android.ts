/** The Gmail app for Android, adding a non-Google account. */
import { GA_AOSP_WALKTHROUGH } from '../sources.ts'
import type { ClientSpec } from '../types.ts'

const en = { en: [GA_AOSP_WALKTHROUGH] }

export const gmailAndroid: ClientSpec = {
  id: 'gmail-android',
  name: 'client.gmail-android',
  version: 'ga.version',
  auth: { password: 'common.normalPassword', oauth2: 'common.oauth2' },
  security: { tls: 'ga.security.tls', starttls: 'ga.security.starttls', none: 'ga.security.none' },
  protocolLabel: { imap: 'ga.protocol.imap', pop3: 'ga.protocol.pop3' },
  steps: [
    { id: 'open', text: 'ga.step.open' },
    { id: 'email', text: 'ga.step.email', sources: en },
    { id: 'type', text: 'ga.step.type', sources: en },
    {
      id: 'incoming',
      text: 'ga.step.incoming',
      sources: en,
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
      sources: en,
      values: [
        { label: 'ga.label.username', value: 'outUsername' },
        { label: 'ga.label.server', value: 'outHost' },
        { label: 'ga.label.port', value: 'outPort' },
        { label: 'ga.label.security', value: 'outSecurity' },
      ],
    },
    { id: 'test', kind: 'test', text: 'ga.step.test', sources: en },
  ],
}
