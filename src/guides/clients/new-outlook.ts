/** The new Outlook for Windows (Outlook on the web cannot add IMAP/POP accounts of other providers). */
import type { ClientSpec } from '../types.ts'

export const newOutlook: ClientSpec = {
  id: 'new-outlook',
  name: 'client.new-outlook',
  version: 'nol.version',
  auth: { password: 'common.normalPassword', oauth2: 'common.oauth2' },
  security: { tls: 'ol.security.tls', starttls: 'ol.security.starttls', none: 'ol.security.none' },
  protocolLabel: { imap: 'ol.protocol.imap', pop3: 'ol.protocol.pop3' },
  steps: [
    { id: 'web', text: 'nol.step.web' },
    { id: 'open', text: 'nol.step.open' },
    { id: 'email', text: 'nol.step.email' },
    {
      id: 'servers',
      text: 'nol.step.more',
      values: [
        { label: 'nol.label.username', value: 'inUsername' },
        { label: 'nol.label.password', value: 'credential' },
        { label: 'nol.label.inServer', value: 'inHost' },
        { label: 'nol.label.port', value: 'inPort' },
        { label: 'nol.label.security', value: 'inSecurity' },
        { label: 'nol.label.smtpUsername', value: 'outUsername' },
        { label: 'nol.label.smtpPassword', value: 'credential' },
        { label: 'nol.label.outServer', value: 'outHost' },
        { label: 'nol.label.port', value: 'outPort' },
        { label: 'nol.label.security', value: 'outSecurity' },
      ],
    },
    { id: 'test', kind: 'test', text: 'nol.step.test' },
  ],
}
