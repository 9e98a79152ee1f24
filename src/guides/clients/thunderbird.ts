/** Thunderbird (desktop, 115 and later): the account setup tab and Account Settings. */
import {
  TB_ACCOUNTS_ZH,
  TB_SERVER_ZH,
  TB_SETUP_EN,
  TB_SETUP_ZH,
  TB_SUMO_MANUAL,
} from '../sources.ts'
import type { ClientSpec } from '../types.ts'

const setup = { en: [TB_SETUP_EN], 'zh-CN': [TB_SETUP_ZH] }

export const thunderbird: ClientSpec = {
  id: 'thunderbird',
  name: 'client.thunderbird',
  version: 'tb.version',
  auth: { password: 'tb.auth.password', oauth2: 'tb.auth.oauth2' },
  security: { tls: 'tb.security.tls', starttls: 'tb.security.starttls', none: 'tb.security.none' },
  protocolLabel: { imap: 'tb.protocol.imap', pop3: 'tb.protocol.pop3' },
  steps: [
    {
      id: 'open',
      text: 'tb.step.open',
      sources: { en: [TB_SUMO_MANUAL], 'zh-CN': [TB_ACCOUNTS_ZH] },
    },
    { id: 'identity', text: 'tb.step.identity', sources: setup },
    { id: 'manual', text: 'tb.step.manual', sources: setup },
    {
      id: 'incoming',
      text: 'tb.step.incoming',
      sources: setup,
      values: [
        { label: 'tb.label.protocol', value: 'protocol' },
        { label: 'tb.label.hostname', value: 'inHost' },
        { label: 'tb.label.port', value: 'inPort' },
        { label: 'tb.label.security', value: 'inSecurity' },
        { label: 'tb.label.auth', value: 'auth' },
        { label: 'tb.label.username', value: 'inUsername' },
      ],
    },
    {
      id: 'outgoing',
      text: 'tb.step.outgoing',
      sources: setup,
      values: [
        { label: 'tb.label.hostname', value: 'outHost' },
        { label: 'tb.label.port', value: 'outPort' },
        { label: 'tb.label.security', value: 'outSecurity' },
        { label: 'tb.label.auth', value: 'auth' },
        { label: 'tb.label.username', value: 'outUsername' },
      ],
    },
    { id: 'test', kind: 'test', text: 'tb.step.test', sources: setup },
    {
      id: 'pop3-keep',
      text: 'tb.step.pop3Keep',
      when: 'pop3',
      sources: { 'zh-CN': [TB_SERVER_ZH] },
    },
  ],
  errorWording: {
    AUTH_FAILED: { text: 'tb.error.auth', sources: setup },
  },
}
