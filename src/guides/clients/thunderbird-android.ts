/** Thunderbird for Android (8 and later; formerly K-9 Mail). */
import { TBA_SERVER_EN, TBA_SERVER_ZH, TBA_SETUP_EN, TBA_SETUP_ZH } from '../sources.ts'
import type { ClientSpec } from '../types.ts'

const server = { en: [TBA_SERVER_EN], 'zh-CN': [TBA_SERVER_ZH] }

export const thunderbirdAndroid: ClientSpec = {
  id: 'thunderbird-android',
  name: 'client.thunderbird-android',
  version: 'tba.version',
  auth: { password: 'tba.auth.password', oauth2: 'tba.auth.oauth2' },
  security: {
    tls: 'tba.security.tls',
    starttls: 'tba.security.starttls',
    none: 'tba.security.none',
  },
  protocolLabel: { imap: 'tb.protocol.imap', pop3: 'tb.protocol.pop3' },
  steps: [
    { id: 'open', text: 'tba.step.open' },
    {
      id: 'email',
      text: 'tba.step.email',
      sources: { en: [TBA_SETUP_EN], 'zh-CN': [TBA_SETUP_ZH] },
    },
    {
      id: 'incoming',
      text: 'tba.step.incoming',
      sources: server,
      values: [
        { label: 'tba.label.protocol', value: 'protocol' },
        { label: 'tba.label.server', value: 'inHost' },
        { label: 'tba.label.security', value: 'inSecurity' },
        { label: 'tba.label.port', value: 'inPort' },
        { label: 'tba.label.username', value: 'inUsername' },
        { label: 'tba.label.auth', value: 'auth' },
        { label: 'tba.label.password', value: 'credential' },
      ],
    },
    {
      id: 'outgoing',
      text: 'tba.step.outgoing',
      sources: server,
      values: [
        { label: 'tba.label.server', value: 'outHost' },
        { label: 'tba.label.security', value: 'outSecurity' },
        { label: 'tba.label.port', value: 'outPort' },
        { label: 'tba.label.username', value: 'outUsername' },
        { label: 'tba.label.auth', value: 'auth' },
        { label: 'tba.label.password', value: 'credential' },
      ],
    },
    { id: 'test', kind: 'test', text: 'tba.step.test' },
  ],
}
