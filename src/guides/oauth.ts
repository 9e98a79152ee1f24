/**
 * @module
 * Accounts that accept only the provider's own web sign-in (OAuth2): which guided clients can
 * do it (the one list in recommend/oauth-clients.ts, which the report names too), and what a
 * guide says about it.
 */
import type { Lang } from '../model/domain.ts'
import { OAUTH_CLIENTS as SIGN_IN_CLIENTS } from '../recommend/oauth-clients.ts'
import { CLIENTS } from './clients/index.ts'
import { message } from './messages.ts'
import { CLIENT_IDS, type ClientId } from './types.ts'

/** True when the client can sign in through a provider's web page. */
export const signsInOnWeb = (client: ClientId): boolean =>
  SIGN_IN_CLIENTS.some((c) => c.id === client)

/** The guided clients that can sign in through a provider's web page, in tab order. */
export const OAUTH_CLIENTS: readonly ClientId[] = CLIENT_IDS.filter(signsInOnWeb)

/**
 * The notice an OAuth-only account gets: for a client that can, how to sign in; for one that
 * cannot, that it cannot and which guided clients can.
 *
 * @example
 * oauthNotice('foxmail', 'en', { provider: 'Outlook.com', client: 'Foxmail' })
 * // 'Outlook.com lets mail clients sign in only through its own web page (OAuth2), and Foxmail cannot …'
 */
export const oauthNotice = (
  client: ClientId,
  lang: Lang,
  vars: Readonly<Record<string, string>>,
): string =>
  signsInOnWeb(client)
    ? message(lang, 'common.notice.oauth2Client', vars)
    : message(lang, 'common.notice.oauth2NoClient', {
        ...vars,
        clients: OAUTH_CLIENTS.map((id) => message(lang, CLIENTS[id].name)).join(
          lang === 'en' ? ', ' : '、',
        ),
      })
