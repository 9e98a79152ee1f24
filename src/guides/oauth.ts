/**
 * @module
 * Accounts that accept only the provider's own web sign-in (OAuth2): which guided clients can
 * do it, and what a guide says about it.
 */
import { CLIENTS } from './clients/index.ts'
import { message } from './messages.ts'
import { CLIENT_IDS, type ClientId, type ClientSpec } from './types.ts'
import type { Lang } from '../model/domain.ts'

/** The guided clients that can sign in through a provider's web page, in tab order. */
export const OAUTH_CLIENTS: readonly ClientId[] = CLIENT_IDS.filter(
  (id) => CLIENTS[id].oauth.supported,
)

/**
 * The notice an OAuth-only account gets: for a client that can, how to sign in; for one that
 * cannot, that it cannot and which guided clients can.
 *
 * @example
 * oauthNotice(CLIENTS.foxmail, 'en', { provider: 'Outlook.com', client: 'Foxmail' })
 * // 'Outlook.com lets mail clients sign in only through its own web page (OAuth2), and Foxmail cannot …'
 */
export const oauthNotice = (
  spec: ClientSpec,
  lang: Lang,
  vars: Readonly<Record<string, string>>,
): string =>
  spec.oauth.supported
    ? message(lang, 'common.notice.oauth2Client', vars)
    : message(lang, 'common.notice.oauth2NoClient', {
        ...vars,
        clients: OAUTH_CLIENTS.map((id) => message(lang, CLIENTS[id].name)).join(
          lang === 'en' ? ', ' : '、',
        ),
      })
