/**
 * @module
 * An operator's provider at corp.test on the lab's servers, for the tests of a mistyped domain:
 * crop.test does not exist and is one swap away from it.
 */
import {
  type ProviderIndex,
  createProviderIndex,
  loadBuiltInProviders,
  parseProviders,
} from '../../src/providers/index.ts'
import type { LabInfo } from './lab-info.ts'

/**
 * The built-in providers plus an operator's provider at corp.test on lab servers, so that
 * crop.test (which does not exist) is a typo of a known domain.
 */
export const withLabCorp = (lab: LabInfo): ProviderIndex =>
  createProviderIndex(
    loadBuiltInProviders(),
    parseProviders(
      [
        {
          id: 'lab-corp',
          name: { en: 'Corp (lab)', 'zh-CN': 'Corp（实验室）' },
          domains: ['corp.test'],
          servers: {
            imap: [{ host: lab.hosts.tls.name, port: 993, security: 'tls' }],
            smtp: [{ host: lab.hosts.submission.name, port: 465, security: 'tls' }],
          },
        },
      ],
      'browser tests overlay',
    ),
  )
