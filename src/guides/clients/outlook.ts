/** Classic Outlook for Windows (Microsoft 365 / 2021 / 2019 / 2016 account dialog). */
import type { ClientSpec } from '../types.ts'

export const outlook: ClientSpec = {
  id: 'outlook',
  name: 'client.outlook',
  security: { tls: 'ol.security.tls', starttls: 'ol.security.starttls', none: 'ol.security.none' },
  protocolLabel: { imap: 'ol.protocol.imap', pop3: 'ol.protocol.pop3' },
  steps: [
    // "File → Add Account": msoutlook.info and hosting guides (en).
    { id: 'open', text: 'ol.step.open', confirmed: ['en'] },
    { id: 'manual', text: 'ol.step.manual' },
    { id: 'type', text: 'ol.step.type' },
    {
      id: 'incoming',
      text: 'ol.step.incoming',
      values: [
        { label: 'ol.label.server', value: 'inHost' },
        { label: 'ol.label.port', value: 'inPort' },
        { label: 'ol.label.encryption', value: 'inSecurity' },
        { label: 'ol.label.spa', value: 'common.unticked' },
      ],
    },
    {
      id: 'outgoing',
      text: 'ol.step.outgoing',
      values: [
        { label: 'ol.label.server', value: 'outHost' },
        { label: 'ol.label.port', value: 'outPort' },
        { label: 'ol.label.encryption', value: 'outSecurity' },
        { label: 'ol.label.spa', value: 'common.unticked' },
      ],
    },
    { id: 'password', text: 'ol.step.password' },
    { id: 'test', kind: 'test', text: 'ol.step.test' },
    { id: 'username', text: 'ol.step.username', when: 'username-differs' },
  ],
}
