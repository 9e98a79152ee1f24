/** NetEase Mail Master (网易邮箱大师) for Windows. */
import type { ClientSpec } from '../types.ts'

export const mailMaster: ClientSpec = {
  id: 'mail-master',
  name: 'client.mail-master',
  version: 'mm.version',
  auth: { password: 'common.normalPassword', oauth2: 'common.oauth2' },
  security: { tls: 'mm.security.tls', starttls: 'mm.security.starttls', none: 'mm.security.none' },
  protocolLabel: { imap: 'fm.protocol.imap', pop3: 'fm.protocol.pop3' },
  steps: [
    { id: 'open', text: 'mm.step.open' },
    { id: 'email', text: 'mm.step.email' },
    {
      id: 'incoming',
      text: 'mm.step.incoming',
      values: [
        { label: 'mm.label.type', value: 'protocol' },
        { label: 'mm.label.inServer', value: 'inHost' },
        { label: 'mm.label.port', value: 'inPort' },
        { label: 'mm.label.ssl', value: 'inSecurity' },
        { label: 'mm.label.username', value: 'inUsername' },
      ],
    },
    {
      id: 'outgoing',
      text: 'mm.step.outgoing',
      values: [
        { label: 'mm.label.outServer', value: 'outHost' },
        { label: 'mm.label.port', value: 'outPort' },
        { label: 'mm.label.ssl', value: 'outSecurity' },
        { label: 'mm.label.username', value: 'outUsername' },
      ],
    },
    { id: 'test', kind: 'test', text: 'mm.step.test' },
  ],
}
