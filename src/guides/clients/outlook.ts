/** Classic Outlook for Windows: Microsoft 365, Outlook 2021, 2019 and 2016 (the simplified account dialog). */
import { OL_COMMUNITY, OL_WALKTHROUGH_2016, OL_WALKTHROUGH_2019 } from '../sources.ts'
import type { ClientSpec } from '../types.ts'

export const outlook: ClientSpec = {
  id: 'outlook',
  name: 'client.outlook',
  version: 'ol.version',
  auth: { password: 'common.normalPassword', oauth2: 'common.oauth2' },
  security: { tls: 'ol.security.tls', starttls: 'ol.security.starttls', none: 'ol.security.none' },
  protocolLabel: { imap: 'ol.protocol.imap', pop3: 'ol.protocol.pop3' },
  steps: [
    { id: 'open', text: 'ol.step.open', sources: { en: [OL_WALKTHROUGH_2016] } },
    { id: 'manual', text: 'ol.step.manual', sources: { en: [OL_COMMUNITY] } },
    { id: 'type', text: 'ol.step.type', sources: { en: [OL_COMMUNITY] } },
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
      sources: { en: [OL_WALKTHROUGH_2019] },
      values: [
        { label: 'ol.label.server', value: 'outHost' },
        { label: 'ol.label.port', value: 'outPort' },
        { label: 'ol.label.encryption', value: 'outSecurity' },
        { label: 'ol.label.spa', value: 'common.unticked' },
      ],
    },
    { id: 'password', text: 'ol.step.password', sources: { en: [OL_WALKTHROUGH_2019] } },
    { id: 'test', kind: 'test', text: 'ol.step.test' },
    {
      id: 'username',
      text: 'ol.step.username',
      when: 'username-differs',
      sources: { en: [OL_WALKTHROUGH_2016] },
    },
  ],
  errorWording: {
    TCP_TIMEOUT: { text: 'ol.error.connect', sources: { en: [OL_WALKTHROUGH_2019] } },
    TCP_REFUSED: { text: 'ol.error.connect', sources: { en: [OL_WALKTHROUGH_2019] } },
    GREETING_TIMEOUT: { text: 'ol.error.connect', sources: { en: [OL_WALKTHROUGH_2019] } },
  },
}
