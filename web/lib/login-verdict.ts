/**
 * @module
 * What a login test says: its steps as lines of the progress list, and a plain verdict per
 * server (works, with the username to type; or does not, with the server's reason and the fix).
 */
import { h, linkify } from './dom.ts'
import { protocolName, statusIcon } from './labels.ts'
import { MESSAGES, type MessageKey, type Translate } from './messages.ts'
import type {
  LoginResult,
  LoginServer,
  LoginStep,
  LoginTestAnswer,
  LoginVerdict,
  UsernameForm,
} from './types.ts'
import type { Lang } from '../../src/model/domain.ts'

/** What the steps and verdicts need to name things: the account, and the servers tested. */
export interface LoginContext {
  email: string
  /** The username the user typed instead, if any (the `other` and `account-id` forms). */
  username: string | null
  servers: { incoming: LoginServer | null; outgoing: LoginServer | null }
}

const isKey = (key: string): key is MessageKey => key in MESSAGES.en

/** The username a form stands for. */
export const usernameValue = (
  ctx: Pick<LoginContext, 'email' | 'username'>,
  form: UsernameForm,
) => {
  const at = ctx.email.lastIndexOf('@')
  if (form === 'local-part') return ctx.email.slice(0, at)
  if (form === 'other') return ctx.username ?? ctx.email
  if (form === 'account-id') return ctx.username ?? ''
  return ctx.email
}

const roleName = (t: Translate, role: 'incoming' | 'outgoing', server: LoginServer | null) =>
  role === 'incoming'
    ? t('result.incoming', { protocol: protocolName(server?.protocol ?? 'imap') })
    : t('result.outgoing')

/** A step's words: the known phases by name, anything newer by its own name. */
const stepText = (t: Translate, ctx: LoginContext, s: LoginStep) => {
  const server = ctx.servers[s.server]
  const key = `login.step.${s.step}`
  return isKey(key)
    ? t(key, {
        host: server?.host ?? '',
        port: server?.port ?? '',
        username: usernameValue(ctx, s.username),
      })
    : s.step
}

const stepLine = (t: Translate, ctx: LoginContext, s: LoginStep) =>
  h(
    'li',
    { class: `step step-${s.status}` },
    h('span', { class: 'step-icon', 'aria-hidden': 'true' }, statusIcon(s.status)),
    h('span', { class: 'step-text' }, stepText(t, ctx, s)),
    h(
      'span',
      { class: 'step-extra' },
      [
        `${Math.round(s.ms)} ms`,
        s.attempt > 1 ? t('login.secondTry') : '',
        s.status === 'error' ? (s.code ?? '') : '',
      ]
        .filter(Boolean)
        .join(' · '),
    ),
  )

/**
 * The steps as they arrive, one list per server under its name (inside the caller's live log).
 *
 * @example
 * const log = createStepLog(t, ctx, 'h4'); box.append(log.el); log.add(step)
 */
export const createStepLog = (t: Translate, ctx: LoginContext, heading: 'h3' | 'h4' | 'h5') => {
  const el = h('div', { class: 'login-step-groups' })
  const lists = new Map<LoginStep['server'], HTMLElement>()
  return {
    el,
    add(s: LoginStep) {
      let list = lists.get(s.server)
      if (!list) {
        const server = ctx.servers[s.server]
        list = h('ol', { class: 'login-steps' })
        el.append(
          h(
            'section',
            { class: 'login-step-group', 'data-server': s.server },
            h(
              heading,
              { class: 'login-step-server' },
              roleName(t, s.server, server),
              server ? ` · ${server.host}:${server.port}` : '',
            ),
            list,
          ),
        )
        lists.set(s.server, list)
      }
      list.append(stepLine(t, ctx, s))
    },
  }
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

const verdictFor = (
  ctx: LoginContext,
  role: 'incoming' | 'outgoing',
  r: LoginResult,
  o: { t: Translate; lang: Lang; level?: 2 | 3 },
) => {
  const t = o.t
  const H = o.level === 3 ? 'h5' : 'h4'
  const ok = r.status === 'ok'
  return h(
    'section',
    { class: `login-verdict login-${ok ? 'ok' : 'error'}`, 'data-server': role },
    h(
      H,
      {},
      h('span', { 'aria-hidden': 'true' }, statusIcon(r.status), ' '),
      roleName(t, role, r.server),
      t('login.colon'),
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
    ok ? usernameLine(t, usernameValue(ctx, r.username)) : null,
    r.reply
      ? h(
          'p',
          { class: 'login-reply help' },
          t('login.reply'),
          ' ',
          h('code', { class: 'wrap' }, r.reply),
        )
      : null,
    r.code ? h('p', { class: 'login-code help' }, h('code', {}, r.code)) : null,
  )
}

/**
 * The verdict per server, under one heading that takes the focus when it arrives.
 *
 * @example
 * area.replaceChildren(renderVerdicts(ctx, answer, { t, lang: 'en' }))
 */
export const renderVerdicts = (
  ctx: LoginContext,
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
      answer.incoming ? verdictFor(ctx, 'incoming', answer.incoming, o) : null,
      answer.outgoing ? verdictFor(ctx, 'outgoing', answer.outgoing, o) : null,
    ),
  )

const word = (t: Translate, r: LoginResult | null) =>
  !r ? t('login.doneNone') : r.status === 'ok' ? t('login.doneOk') : t('login.doneFailed')

/** One sentence for the screen reader's status region. */
export const summary = (t: Translate, answer: LoginTestAnswer) =>
  t('login.done', { incoming: word(t, answer.incoming), outgoing: word(t, answer.outgoing) })

/** "the full address (alice@example.test)": a username form in words. */
const formText = (t: Translate, email: string, form: UsernameForm) =>
  t(`login.form.${form}`, { value: usernameValue({ email, username: null }, form) })

/**
 * The stored verdict on the report page: "Login tested on …: incoming works, username = the
 * part before the @ (alice)".
 *
 * @example
 * box.append(renderStoredVerdict(t, 'en', report.email, report.loginTest))
 */
export const renderStoredVerdict = (
  t: Translate,
  lang: Lang,
  email: string,
  verdict: LoginVerdict,
) => {
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(verdict.testedAt),
  )
  const line = (role: 'incoming' | 'outgoing') => {
    const v = verdict[role]
    if (!v) return null
    const ok = v.status === 'ok'
    return h(
      'li',
      { class: `stored-login-${ok ? 'ok' : 'error'}`, 'data-server': role },
      h('span', { 'aria-hidden': 'true' }, statusIcon(v.status), ' '),
      `${roleName(t, role, v.server)}${t('login.colon')}`,
      ok
        ? t('login.stored.ok', { username: formText(t, email, v.username) })
        : t('login.stored.failed', { code: v.code ?? '' }),
    )
  }
  return h(
    'div',
    { class: 'stored-login' },
    h('p', {}, t('login.stored', { date })),
    h('ul', {}, line('incoming'), line('outgoing')),
  )
}
