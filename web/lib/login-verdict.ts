/**
 * @module
 * What a login test says: its steps as lines of the progress list, and a plain verdict per
 * server (works, with the username to type; or does not, with the server's reason and the fix).
 */
import { h, linkify } from './dom.ts'
import { protocolName, statusIcon } from './labels.ts'
import { MESSAGES, type MessageKey, type Translate } from './messages.ts'
import type { LoginResult, LoginStep, LoginTestAnswer } from './types.ts'
import type { Lang } from '../../src/model/domain.ts'

const isKey = (key: string): key is MessageKey => key in MESSAGES.en

/** A step's words: the known phases by name, anything newer by its own name. */
const stepText = (t: Translate, s: LoginStep) => {
  const key = `login.step.${s.step}`
  const vars: Record<string, string | number> = {}
  for (const name of ['host', 'port', 'username'] as const) {
    const value = s[name]
    if (typeof value === 'string' || typeof value === 'number') vars[name] = value
  }
  return isKey(key) ? t(key, vars) : s.step
}

/**
 * @example
 * list.append(...renderLoginSteps(t, [{ step: 'connect', status: 'ok', ms: 12, host, port }]))
 */
export const renderLoginSteps = (t: Translate, steps: LoginStep[]) =>
  steps.map((s) =>
    h(
      'li',
      { class: `step step-${s.status}` },
      h('span', { class: 'step-icon', 'aria-hidden': 'true' }, statusIcon(s.status)),
      h('span', { class: 'step-text' }, stepText(t, s)),
      h(
        'span',
        { class: 'step-extra' },
        [s.ms === undefined ? '' : `${Math.round(s.ms)} ms`, s.code ?? '']
          .filter(Boolean)
          .join(' · '),
      ),
    ),
  )

const serverTitle = (t: Translate, which: 'incoming' | 'outgoing', r: LoginResult) =>
  which === 'incoming'
    ? t('result.incoming', { protocol: protocolName(r.server.protocol ?? 'imap') })
    : t('result.outgoing')

const verdictFor = (
  which: 'incoming' | 'outgoing',
  r: LoginResult,
  o: { t: Translate; lang: Lang; level?: 2 | 3 },
) => {
  const t = o.t
  const H = o.level === 3 ? 'h5' : 'h4'
  const ok = r.status === 'ok'
  return h(
    'section',
    { class: `login-verdict login-${ok ? 'ok' : 'error'}`, 'data-server': which },
    h(
      H,
      {},
      h('span', { 'aria-hidden': 'true' }, statusIcon(r.status), ' '),
      serverTitle(t, which, r),
      ': ',
      h(
        'span',
        { class: `badge badge-${ok ? 'ok' : 'error'}` },
        t(ok ? 'login.ok' : 'login.failed'),
      ),
    ),
    h(
      'p',
      { class: 'login-server' },
      h('code', { class: 'wrap' }, `${r.server.host}:${r.server.port}`),
    ),
    h('p', { class: 'login-message' }, linkify(r.message[o.lang])),
    ok ? usernameLine(t, r.username) : null,
    r.code ? h('p', { class: 'login-code help' }, h('code', {}, r.code)) : null,
  )
}

/** "In your mail app, type <code>alice</code> as the username." with the name as code. */
const usernameLine = (t: Translate, username: string) => {
  const [before = '', after = ''] = t('login.useUsername').split('{username}')
  return h(
    'p',
    { class: 'login-username-verdict' },
    before,
    h('code', { class: 'value wrap' }, username),
    after,
  )
}

/**
 * The verdict per server, under one heading that takes the focus when it arrives.
 *
 * @example
 * area.replaceChildren(renderVerdicts(answer, { t, lang: 'en' }))
 */
export const renderVerdicts = (
  answer: LoginTestAnswer,
  o: { t: Translate; lang: Lang; level?: 2 | 3 },
) =>
  h(
    'div',
    { class: 'login-result' },
    h(
      o.level === 3 ? 'h4' : 'h3',
      { class: 'login-verdict-title', tabindex: '-1' },
      o.t('login.verdict'),
    ),
    h(
      'div',
      { class: 'servers' },
      answer.incoming ? verdictFor('incoming', answer.incoming, o) : null,
      answer.outgoing ? verdictFor('outgoing', answer.outgoing, o) : null,
    ),
  )

const word = (t: Translate, r: LoginResult | null) =>
  !r ? t('login.doneNone') : r.status === 'ok' ? t('login.doneOk') : t('login.doneFailed')

/** One sentence for the screen reader's status region. */
export const summary = (t: Translate, answer: LoginTestAnswer) =>
  t('login.done', { incoming: word(t, answer.incoming), outgoing: word(t, answer.outgoing) })
