/** Foxmail 7.2 for Windows. */
import type { ClientSpec } from '../types.ts'

export const foxmail: ClientSpec = {
  id: 'foxmail',
  name: 'client.foxmail',
  version: 'fm.version',
  auth: { password: 'common.normalPassword', oauth2: 'common.oauth2' },
  security: { tls: 'fm.security.tls', starttls: 'fm.security.starttls', none: 'fm.security.none' },
  protocolLabel: { imap: 'fm.protocol.imap', pop3: 'fm.protocol.pop3' },
  steps: [
    { id: 'open', text: 'fm.step.open' },
    { id: 'email', text: 'fm.step.email' },
    {
      id: 'account',
      text: 'fm.step.account',
      values: [
        { label: 'fm.label.type', value: 'protocol' },
        { label: 'fm.label.account', value: 'inUsername' },
        { label: 'fm.label.password', value: 'credential' },
      ],
    },
    {
      id: 'incoming',
      text: 'fm.step.incoming',
      values: [
        { label: 'fm.label.inServer', value: 'inHost' },
        { label: 'fm.label.port', value: 'inPort' },
        { label: 'fm.label.ssl', value: 'inSecurity' },
      ],
    },
    {
      id: 'outgoing',
      text: 'fm.step.outgoing',
      values: [
        { label: 'fm.label.outServer', value: 'outHost' },
        { label: 'fm.label.port', value: 'outPort' },
        { label: 'fm.label.ssl', value: 'outSecurity' },
      ],
    },
    { id: 'test', kind: 'test', text: 'fm.step.test' },
  ],
}
