/**
 * @module
 * A provider's servers as `GET /api/v1/providers/{domain}` shows them: with the username form a
 * user types (`usernameForm`), and without a username template where the template would be wrong.
 * A provider that logs in with an ID it issues (docomo's d ACCOUNT ID) keeps only the usual
 * `%EMAILADDRESS%` in its data; shown next to `accountId` it would say "type your address",
 * which that provider refuses. Every other face (report, guides, XML, profile) says the ID too.
 */
import * as z from 'zod'
import { USERNAME_FORMS, type UsernameForm } from '../model/domain.ts'
import { type Provider, ServerSpecSchema } from './schema.ts'

type ServerSpec = Provider['servers']['imap'][number]

export const ViewServerSchema = ServerSpecSchema.extend({
  username: z.string().optional().meta({
    description:
      'The username template (`%EMAILADDRESS%`, `%EMAILLOCALPART%`, `%EMAILDOMAIN%`); absent when `usernameForm` is `account-id`.',
  }),
  usernameForm: z.enum(USERNAME_FORMS).meta({
    description:
      'What the user types as the username: the whole `address`, its `local-part`, the ID the provider issues (`account-id`: the provider’s `accountId.label` names it; the address does not tell it) or an `other` template.',
  }),
})

export const ViewServersSchema = z.object({
  imap: z.array(ViewServerSchema),
  pop3: z.array(ViewServerSchema),
  smtp: z.array(ViewServerSchema),
})

export type ViewServer = z.infer<typeof ViewServerSchema>

const TEMPLATE_FORMS: Readonly<Record<string, UsernameForm>> = {
  '%EMAILADDRESS%': 'address',
  '%EMAILLOCALPART%': 'local-part',
}

/**
 * @example
 * viewServer(docomoImap, true) // { host: 'imap.spmode.ne.jp', …, usernameForm: 'account-id' } (no username)
 * viewServer(qqImap, false).usernameForm // 'address'
 */
export const viewServer = (s: ServerSpec, accountId: boolean): ViewServer => {
  if (accountId) {
    const { username: _template, ...rest } = s
    return { ...rest, usernameForm: 'account-id' }
  }
  return { ...s, usernameForm: TEMPLATE_FORMS[s.username] ?? 'other' }
}

/** Every server of `provider` as the provider API shows it. */
export const viewServers = (provider: Provider): z.infer<typeof ViewServersSchema> => {
  const accountId = provider.accountId !== undefined
  return {
    imap: provider.servers.imap.map((s) => viewServer(s, accountId)),
    pop3: provider.servers.pop3.map((s) => viewServer(s, accountId)),
    smtp: provider.servers.smtp.map((s) => viewServer(s, accountId)),
  }
}
