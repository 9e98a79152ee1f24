/**
 * @module
 * "Test with my password / 用授权码测试": the step after the settings, on the page and in the
 * widget. A password field with the provider's credential hint beside it, a red warning to
 * accept before a password goes to a server without encryption, the steps as they arrive and a
 * verdict per server. The password leaves the field and every variable once the test is over.
 */
import { ApiError } from './api.ts'
import { h, fill, uid } from './dom.ts'
import { errorText } from './errors.ts'
import { loginTest, loginTestAvailable } from './login-api.ts'
import { createStepLog, renderVerdicts, summary } from './login-verdict.ts'
import type { Translate } from './messages.ts'
import type { LoginTestInput, Report, ReportServer } from './types.ts'
import type { Lang } from '../../src/model/domain.ts'

export interface LoginStepOptions {
  t: Translate
  lang: Lang
  /** The API's origin ('' on the page). */
  base: string
  announce: (text: string) => void
  /** Heading level of the step's title; sub-headings are one below. */
  level?: 2 | 3
}

type Kind = Report['credential']['kind']
type FieldKind = Exclude<Kind, 'oauth2-only'>

const hostsOf = (servers: (ReportServer | null)[]) =>
  [...new Set(servers.filter((s): s is ReportServer => s !== null).map((s) => s.host))].join(', ')

/** The provider's credential hint and its help link, beside the password field. */
const credentialHint = (o: LoginStepOptions, report: Report, kind: FieldKind, id: string) => {
  const provider = report.provider?.name
  const { credential } = report
  const lead =
    provider && (kind === 'authorization-code' || kind === 'app-password')
      ? o.t(`login.hint.${kind}`, { provider })
      : credential.text
  return h(
    'div',
    { class: 'login-hint', id },
    h('p', {}, h('strong', {}, lead)),
    credential.hint ? h('p', {}, credential.hint) : null,
    credential.url
      ? h(
          'p',
          {},
          h(
            'a',
            { href: credential.url, target: '_blank', rel: 'noopener noreferrer' },
            provider ? o.t('login.link', { provider }) : o.t('login.linkGeneric'),
          ),
        )
      : null,
  )
}

/** The red warning for servers without encryption, with the box the user must tick. */
const plaintextWarning = (o: LoginStepOptions, servers: string, id: string) => {
  const box = h('input', { type: 'checkbox', name: 'allowPlaintext', id })
  const el = h(
    'div',
    { class: 'login-plaintext', role: 'group', 'aria-labelledby': `${id}-title` },
    h('p', { class: 'login-plaintext-title', id: `${id}-title` }, o.t('login.plaintext.title')),
    h('p', {}, o.t('login.plaintext.text', { servers })),
    h('label', { class: 'check', for: id }, box, ' ', o.t('login.plaintext.accept')),
  )
  return { el, box }
}

/**
 * The login step for a report, or null when there is nothing a password could test (no server,
 * or a provider that takes OAuth only). Hidden until the service says it tests logins.
 *
 * @example
 * const step = createLoginStep(report, { t, lang, base: '', announce })
 * if (step) area.replaceChildren(step.el)
 */
export const createLoginStep = (report: Report, o: LoginStepOptions) => {
  const { incoming, outgoing, fromReport } = serversToTest(report)
  const kind = report.credential.kind
  if ((!incoming && !outgoing) || kind === 'oauth2-only') return null
  const t = o.t
  const H = o.level === 3 ? 'h3' : 'h2'
  const id = uid('login')
  const plain = [incoming, outgoing].filter((s) => s?.security === 'none')

  /** A field for a secret or a name: no spelling help, no capitals. */
  const field = (name: 'password' | 'username', attrs: Record<string, string | boolean>) =>
    h('input', { name, id: `${id}-${name}`, spellcheck: 'false', autocapitalize: 'off', ...attrs })
  const password = field('password', {
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    'aria-describedby': `${id}-hint ${id}-error`,
  })
  // A provider that logs in with an ID it issues: the address is no default, the ID is asked for.
  const accountId = report.username?.form === 'account-id' ? report.username.value : null
  const username = field('username', {
    type: 'text',
    autocomplete: 'username',
    ...(accountId ? { required: true } : { placeholder: report.username?.value ?? report.email }),
    'aria-describedby': `${id}-username-help`,
  })
  const usernameField = [
    h(
      'label',
      { for: username.id, class: 'field-label' },
      t(accountId ? 'login.accountId' : 'login.username'),
    ),
    username,
    h(
      'p',
      { class: 'help', id: `${id}-username-help` },
      accountId
        ? t('login.accountIdHelp', { accountId })
        : t('login.usernameHelp', { username: report.username?.value ?? report.email }),
    ),
  ]
  const warning = plain.length > 0 ? plaintextWarning(o, hostsOf(plain), `${id}-plain`) : null
  const button = h('button', { type: 'submit', class: 'primary' }, t('login.submit'))
  const error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert', hidden: true })
  const steps = h('div', { class: 'login-step-area' })
  // Open while the test runs; folded once the verdict is there (it is what matters then).
  const stepsFold = h(
    'details',
    { class: 'login-step-fold', open: true },
    h('summary', { class: 'login-toggle' }, t('login.steps')),
    steps,
  )
  const stepsBox = h(
    'div',
    {
      class: 'login-progress',
      // Polite and additive like the diagnosis's log, which keeps role=log for itself.
      'aria-live': 'polite',
      'aria-relevant': 'additions text',
      'aria-label': t('login.steps'),
      hidden: true,
    },
    h('p', { class: 'login-status' }),
    stepsFold,
  )
  const verdict = h('div', { class: 'login-verdicts' })
  const form = h(
    'form',
    { class: 'login-form', novalidate: true, 'aria-labelledby': `${id}-heading` },
    credentialHint(o, report, kind, `${id}-hint`),
    accountId ? h('div', { class: 'login-username login-account-id' }, usernameField) : null,
    h('label', { for: password.id, class: 'field-label' }, t(`login.field.${kind}`)),
    h('div', { class: 'field-row' }, password, button),
    error,
    accountId
      ? null
      : h(
          'details',
          { class: 'login-username' },
          h('summary', {}, t('login.usernameToggle')),
          usernameField,
        ),
    warning?.el,
  )
  const el = h(
    'section',
    { class: 'login-test', 'aria-labelledby': `${id}-heading`, hidden: true },
    h(H, { id: `${id}-heading` }, t(`login.heading.${kind}`)),
    h(
      'p',
      { class: 'help login-intro' },
      t('login.intro', { servers: hostsOf([incoming, outgoing]) }),
    ),
    form,
    stepsBox,
    verdict,
  )

  let controller: AbortController | null = null
  const showError = (text: string | null, field: HTMLInputElement | null = null) => {
    error.textContent = text ?? ''
    error.hidden = text === null
    if (field) field.focus()
  }
  const setBusy = (busy: boolean) => {
    button.textContent = busy ? t('login.busy') : t('login.submit')
    button.disabled = busy
    form.setAttribute('aria-busy', String(busy))
  }

  const run = async () => {
    showError(null)
    if (accountId && username.value.trim() === '')
      return showError(t('login.accountIdEmpty'), username)
    if (password.value === '') return showError(t('login.empty'), password)
    if (warning && !warning.box.checked)
      return showError(t('login.plaintext.required'), warning.box)
    controller?.abort()
    controller = new AbortController()
    const name = username.value.trim()
    // The one place the secret is held outside the field; dropped in `finally`.
    let input: LoginTestInput | null = {
      email: report.email,
      password: password.value,
      lang: o.lang,
      ...(name ? { username: name } : {}),
      ...(warning ? { allowPlaintext: true } : {}),
      ...(report.id && fromReport ? { reportId: report.id } : explicitServers(incoming, outgoing)),
    }
    const ctx = { email: report.email, username: name || null, servers: { incoming, outgoing } }
    const log = createStepLog(t, ctx, o.level === 3 ? 'h4' : 'h3')
    fill(steps, log.el)
    fill(verdict)
    stepsBox.hidden = false
    stepsFold.open = true
    const status = stepsBox.querySelector('.login-status')
    if (status) status.textContent = t('login.started')
    setBusy(true)
    try {
      const request = loginTest(o.base, input, log.add, controller.signal)
      input = null
      const answer = await request
      if (status) status.textContent = t('login.cleared')
      stepsFold.open = false
      fill(verdict, renderVerdicts(ctx, answer, o))
      o.announce(summary(t, answer))
      verdict.querySelector<HTMLElement>('.login-verdict-title')?.focus()
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return
      if (err instanceof ApiError && (err.status === 501 || err.status === 404)) {
        el.hidden = true
        return
      }
      stepsBox.hidden = log.el.childElementCount === 0
      showError(errorText(t, err))
    } finally {
      input = null
      password.value = ''
      setBusy(false)
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void run()
  })

  void loginTestAvailable(o.base).then((yes) => {
    el.hidden = !yes
    el.dataset.available = String(yes)
  })
  return {
    el,
    /** Stops a running test and empties the field (a new diagnosis, another language). */
    abort() {
      controller?.abort()
      password.value = ''
    },
  }
}

/**
 * The servers to test: the report's recommended ones; where it recommends none because only
 * unencrypted servers answered, those (the user may have no other; the red warning decides).
 */
const serversToTest = (report: Report) => {
  const plainOnly = (list: ReportServer[]) =>
    list.find((s) => s.security === 'none' && s.status !== 'error') ?? null
  const incoming = report.recommended.incoming ?? plainOnly(report.incoming)
  const outgoing = report.recommended.outgoing ?? plainOnly(report.outgoing)
  const fromReport =
    incoming === report.recommended.incoming && outgoing === report.recommended.outgoing
  return { incoming, outgoing, fromReport }
}

/** The servers named in the request (no stored report, or not the report's recommendation). */
const explicitServers = (
  incoming: ReportServer | null,
  outgoing: ReportServer | null,
): Pick<LoginTestInput, 'incoming' | 'outgoing'> => ({
  ...(incoming && incoming.protocol !== 'smtp'
    ? {
        incoming: {
          protocol: incoming.protocol,
          host: incoming.host,
          port: incoming.port,
          security: incoming.security,
        },
      }
    : {}),
  ...(outgoing
    ? { outgoing: { host: outgoing.host, port: outgoing.port, security: outgoing.security } }
    : {}),
})
