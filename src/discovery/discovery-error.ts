/**
 * @module
 * The error type of the discovery sources (autoconfig today, autodiscover and others later).
 * Like ProbeError it always carries a stable code from the error table; the UI and i18n key on
 * the code, the `detail` is for helpdesk staff (the URL, the status, the guard's reason).
 */
import { CodedError } from '../errors/coded-error.ts'
import type { DiscoveryCode } from '../errors/table.ts'

/**
 * @example
 * throw new DiscoveryError('FETCH_STATUS', 'https://autoconfig.example.com/mail/config-v1.1.xml: 404')
 */
export class DiscoveryError extends CodedError<DiscoveryCode> {
  override readonly name = 'DiscoveryError'
}
