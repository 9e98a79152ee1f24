/**
 * A provider with regional alternatives on lab hosts, as an operator's overlay would give it
 * (regional.test): IMAP tls.lab.test for mainland China and full.lab.test elsewhere; SMTP
 * submission.lab.test for mainland China and starttls.lab.test elsewhere, which has no port 465,
 * so its probe and every handshake there are refused. Used by the live and browser tests of the
 * choice among a provider's hosts.
 */
import {
  type ProviderIndex,
  createProviderIndex,
  loadBuiltInProviders,
  parseProviders,
} from '../../src/providers/index.ts'
import type { LabInfo } from './lab-info.ts'

/** The address domain of the regional provider. */
export const REGIONAL_DOMAIN = 'regional.test'

/** The built-in providers with the regional lab provider over them. */
export const regionalProviders = (lab: LabInfo): ProviderIndex => {
  const { tls, full, submission, starttls } = lab.hosts
  const overlay = parseProviders(
    [
      {
        id: 'lab-regional',
        name: { en: 'Regional (lab)', 'zh-CN': '分区邮箱（实验室）' },
        domains: [REGIONAL_DOMAIN],
        servers: {
          imap: [
            { host: tls.name, port: 993, security: 'tls', region: 'cn' },
            { host: full.name, port: 993, security: 'tls', region: 'intl' },
          ],
          smtp: [
            { host: submission.name, port: 465, security: 'tls', region: 'cn' },
            { host: starttls.name, port: 465, security: 'tls', region: 'intl' },
          ],
        },
      },
    ],
    'regional lab overlay',
  )
  return createProviderIndex(loadBuiltInProviders(), overlay)
}
