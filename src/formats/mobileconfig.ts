/**
 * @module
 * The Apple configuration profile (.mobileconfig) for iOS, iPadOS and macOS Mail: a
 * `Configuration` profile holding one `com.apple.mail.managed` payload. Pure (the identifiers
 * are computed by profile-ids.ts and passed in). No password is ever written: the device asks
 * for it when the profile is installed. Nor is a username a provider issues (docomo's d ACCOUNT
 * ID), which the address does not tell: IncomingMailServerUsername and
 * OutgoingMailServerUsername are optional, and without them the device asks for the user name
 * when the profile is installed (Apple's Configuration Profile Reference, Mail payload; the
 * Identification-payload demo profile gregneagle/profiles Identity_payload_demo.mobileconfig
 * leaves them empty for the same reason).
 * Keys: https://developer.apple.com/documentation/devicemanagement/mail
 */
import { build } from 'plist'
import type { CandidateServer } from '../discovery/types.ts'
import type { Lang } from '../model/domain.ts'
import { accountIdLabel, providerName } from '../providers/index.ts'
import { profileTexts } from './mobileconfig-texts.ts'
import type { ProfileIds } from './profile-ids.ts'
import type { AccountSettings } from '../diagnose/account-settings.ts'

export interface MobileconfigOptions {
  /** PayloadOrganization; default 'mailsetup'. */
  organization?: string
  /** The language of the texts the device shows (profile name, descriptions); default 'en'. */
  lang?: Lang
}

/** Apple has one SSL flag; with it on, Mail uses STARTTLS on ports that expect it (143, 587). */
const useSsl = (s: CandidateServer) => s.security !== 'none'

/**
 * The profile XML for one incoming and one outgoing server (pick them with `offeredServers`).
 *
 * @example
 * const ids = await profileIds(settings.email, imap, smtp)
 * renderMobileconfig(settings, imap, smtp, ids) // '<?xml …><plist version="1.0"><dict>…com.apple.mail.managed…'
 */
export const renderMobileconfig = (
  settings: AccountSettings,
  incoming: CandidateServer,
  outgoing: CandidateServer,
  ids: ProfileIds,
  options: MobileconfigOptions = {},
): string => {
  const lang = options.lang ?? 'en'
  const name = settings.provider ? providerName(settings.provider, lang) : settings.displayName
  const description = `${name} (${settings.email})`
  const accountId = accountIdLabel(settings.provider, lang)
  const texts = profileTexts(
    lang,
    settings.email,
    settings.provider?.credential ?? 'unknown',
    accountId,
  )
  const mail = {
    EmailAccountDescription: description,
    EmailAccountType: incoming.protocol === 'pop3' ? 'EmailTypePOP' : 'EmailTypeIMAP',
    EmailAddress: settings.email,
    IncomingMailServerAuthentication: 'EmailAuthPassword',
    IncomingMailServerHostName: incoming.host,
    IncomingMailServerPortNumber: incoming.port,
    IncomingMailServerUseSSL: useSsl(incoming),
    ...(accountId ? {} : { IncomingMailServerUsername: incoming.username }),
    OutgoingMailServerAuthentication: 'EmailAuthPassword',
    OutgoingMailServerHostName: outgoing.host,
    OutgoingMailServerPortNumber: outgoing.port,
    OutgoingMailServerUseSSL: useSsl(outgoing),
    ...(accountId ? {} : { OutgoingMailServerUsername: outgoing.username }),
    OutgoingPasswordSameAsIncomingPassword: true,
    PayloadDescription: texts.mailDescription,
    PayloadDisplayName: description,
    PayloadIdentifier: ids.mailIdentifier,
    PayloadType: 'com.apple.mail.managed',
    PayloadUUID: ids.mailUuid,
    PayloadVersion: 1,
    PreventAppSheet: false,
    PreventMove: false,
    SMIMEEnabled: false,
  }
  return build({
    PayloadContent: [mail],
    PayloadDescription: texts.profileDescription,
    PayloadDisplayName: texts.profileName,
    PayloadIdentifier: ids.profileIdentifier,
    PayloadOrganization: options.organization ?? 'mailsetup',
    PayloadRemovalDisallowed: false,
    PayloadType: 'Configuration',
    PayloadUUID: ids.profileUuid,
    PayloadVersion: 1,
  })
}
