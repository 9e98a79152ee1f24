/**
 * @module
 * Microsoft's POX Autodiscover response for an IMAP/POP3/SMTP account ("email" account type),
 * as classic Outlook reads it, and the format's error response. Pure.
 * Elements: https://learn.microsoft.com/exchange/client-developer/web-service-reference/pox-autodiscover-xml-elements-for-exchange
 * Error codes ([MS-OXDSCLI] 2.2.4.1.1.3.x): 500 address not found, 600 invalid request,
 * 601 requested schema not available.
 * A provider that logs in with an ID it issues (docomo's d ACCOUNT ID) gets the ID's short name
 * (`accountId.short`, else its label) as LoginName: without LoginName Outlook signs in with the address, which is wrong there; with
 * the words, the failed sign-in's password prompt shows them in the user-name field to replace.
 */
import type { CandidateServer } from '../discovery/types.ts'
import { accountIdShort } from '../providers/index.ts'
import { OUTLOOK_RESPONSE_SCHEMA } from './autodiscover-request.ts'
import { offeredServers } from './offered.ts'
import type { AccountSettings } from '../diagnose/account-settings.ts'
import { element } from './xml-text.ts'
import type { Security } from '../model/domain.ts'

const RESPONSE_SCHEMA = 'http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006'

const TYPE = { imap: 'IMAP', pop3: 'POP3', smtp: 'SMTP' } as const
/** `Encryption`: SSL is implicit TLS, TLS is STARTTLS; it overrides `SSL` in clients that read it. */
const ENCRYPTION: Record<Security, string> = { tls: 'SSL', starttls: 'TLS', none: 'None' }

const protocol = (s: CandidateServer, accountId: string | null) =>
  [
    '      <Protocol>',
    `        ${element('Type', TYPE[s.protocol])}`,
    `        ${element('Server', s.host)}`,
    `        ${element('Port', s.port)}`,
    `        ${element('LoginName', accountId ?? s.username)}`,
    '        <DomainRequired>off</DomainRequired>',
    '        <SPA>off</SPA>',
    `        <SSL>${s.security === 'none' ? 'off' : 'on'}</SSL>`,
    `        ${element('Encryption', ENCRYPTION[s.security])}`,
    '        <AuthRequired>on</AuthRequired>',
    '      </Protocol>',
  ].join('\n')

/**
 * The settings response, or null when no incoming server is known (answer with
 * `renderAutodiscoverError(500, …)` then).
 *
 * @example
 * renderAutodiscover(await settings('ann@qq.com'))
 * // …<Account><AccountType>email</AccountType><Action>settings</Action><Protocol><Type>IMAP</Type>…
 */
export const renderAutodiscover = (settings: AccountSettings): string | null => {
  const { incoming, outgoing } = offeredServers(settings)
  if (incoming.length === 0) return null
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Autodiscover xmlns="${RESPONSE_SCHEMA}">`,
    `  <Response xmlns="${OUTLOOK_RESPONSE_SCHEMA}">`,
    '    <User>',
    `      ${element('DisplayName', settings.displayName)}`,
    `      ${element('EMailAddress', settings.email)}`,
    '    </User>',
    '    <Account>',
    '      <AccountType>email</AccountType>',
    '      <Action>settings</Action>',
    ...[...incoming, ...outgoing].map((s) => protocol(s, accountIdShort(settings.provider, 'en'))),
    '    </Account>',
    '  </Response>',
    '</Autodiscover>',
    '',
  ].join('\n')
}

export type AutodiscoverErrorCode = 500 | 600 | 601

const MESSAGES: Record<AutodiscoverErrorCode, string> = {
  500: 'No settings are known for this domain.',
  600: 'Invalid Request',
  601: 'The requested schema is not available.',
}

/** Exchange writes the time of day with seven fraction digits: `16:56:32.6164027`. */
const timeOfDay = (date: Date) => `${date.toISOString().slice(11, 23)}0000`

/**
 * The format's error response. `id` is any number identifying the answer (Exchange's is random).
 *
 * @example
 * renderAutodiscoverError(600, { time: new Date(), id: 1054084152 })
 * // …<Error Time="16:56:32.6160000" Id="1054084152"><ErrorCode>600</ErrorCode><Message>Invalid Request</Message>…
 */
export const renderAutodiscoverError = (
  code: AutodiscoverErrorCode,
  at: { time: Date; id: number },
  message = MESSAGES[code],
): string =>
  [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Autodiscover xmlns="${RESPONSE_SCHEMA}">`,
    `  <Response xmlns="${OUTLOOK_RESPONSE_SCHEMA}">`,
    `    <Error Time="${timeOfDay(at.time)}" Id="${at.id >>> 0}">`,
    `      <ErrorCode>${code}</ErrorCode>`,
    `      ${element('Message', message)}`,
    '      <DebugData />',
    '    </Error>',
    '  </Response>',
    '</Autodiscover>',
    '',
  ].join('\n')
