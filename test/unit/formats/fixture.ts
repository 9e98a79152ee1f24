/** A SettingsSource over the built-in providers plus a small operator overlay, for format and guide tests. */
import { settingsFromProviders } from '../../../src/diagnose/account-settings.ts'
import {
  createProviderIndex,
  loadBuiltInProviders,
  parseProviders,
} from '../../../src/providers/index.ts'

export const overlay = parseProviders(
  [
    {
      id: 'corp',
      name: { en: 'Corp Mail', 'zh-CN': '公司邮箱' },
      domains: ['corp.example'],
      servers: {
        // The plaintext IMAP server must never be offered: a secure one exists.
        imap: [
          { host: 'imap.corp.example', port: 143, security: 'none' },
          { host: 'imap.corp.example', port: 993, security: 'tls' },
        ],
        pop3: [{ host: 'pop.corp.example', port: 995, security: 'tls' }],
        smtp: [
          {
            host: 'smtp.corp.example',
            port: 587,
            security: 'starttls',
            username: '%EMAILLOCALPART%',
          },
        ],
      },
    },
    {
      id: 'buecher',
      name: { en: 'Bücher Mail' },
      domains: ['bücher.example'],
      servers: {
        imap: [{ host: 'imap.%EMAILDOMAIN%', port: 993, security: 'tls' }],
        smtp: [{ host: 'smtp.%EMAILDOMAIN%', port: 465, security: 'tls' }],
      },
    },
  ],
  'test overlay',
)

export const index = createProviderIndex(loadBuiltInProviders(), overlay)
export const settings = settingsFromProviders(index)

/** The addresses every renderer's golden files cover, by file stem. */
export const GOLDEN_ADDRESSES = {
  'qq.com': 'ann@qq.com',
  'corp.example': 'dev@corp.example',
  'escaped-local-part': "o'brien&co+news@corp.example",
  'idn-buecher.example': 'leser@bücher.example',
} as const

/** The POX request classic Outlook POSTs. */
export const outlookRequest = (email: string) =>
  `<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
  <Request>
    <EMailAddress>${email}</EMailAddress>
    <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
  </Request>
</Autodiscover>`
