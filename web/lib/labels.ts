/** Display names the page and the widget share. */
import type { Translate } from './messages.ts'
import type { ReportServer } from './types.ts'

export const protocolName = (protocol: string) => protocol.toUpperCase()

export const securityName = (t: Translate, security: ReportServer['security']) =>
  t(`security.${security}`)

export const statusIcon = (status: 'ok' | 'warning' | 'error' | 'found' | 'none') =>
  status === 'ok' || status === 'found'
    ? '✓'
    : status === 'warning'
      ? '!'
      : status === 'none'
        ? '–'
        : '✗'
