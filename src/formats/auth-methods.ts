/**
 * @module
 * The authentication a server accepts, as the provider database lists it for that server, or
 * as the probe saw it: a server that offered only OAuth mechanisms takes only OAuth2.
 */
import type { CandidateServer } from '../discovery/types.ts'
import type { Provider } from '../providers/index.ts'
import { expandPlaceholders } from '../providers/index.ts'

export type AuthMethod = Provider['servers']['imap'][number]['auth'][number]

/**
 * `['oauth2']` when the probe saw only OAuth sign-in on this server; else the provider's `auth`
 * list for the spec this server was expanded from, or `['password']` when the server did not
 * come from the provider (discovery, overlay without the field).
 *
 * @example
 * authMethodsFor(gmail, imapGmail, 'ann@gmail.com') // ['password', 'oauth2']
 */
export const authMethodsFor = (
  provider: Provider | null,
  server: CandidateServer,
  email: string,
): AuthMethod[] => {
  if (server.oauthOnly) return ['oauth2']
  const spec = provider?.servers[server.protocol].find(
    (s) =>
      s.port === server.port &&
      s.security === server.security &&
      expandPlaceholders(s.host, email).toLowerCase() === server.host.toLowerCase(),
  )
  return spec && spec.auth.length > 0 ? [...spec.auth] : ['password']
}
