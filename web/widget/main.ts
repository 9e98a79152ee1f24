/**
 * @module
 * `<mail-setup lang="zh-CN" domain="example.com" compact>`: the embeddable helpdesk widget.
 * A custom element with a shadow root (the host page's styles neither leak in nor out) that
 * calls the API at the origin this script was loaded from.
 *
 * @example
 * <script src="https://setup.example.net/widget.js" defer></script>
 * <mail-setup lang="zh-CN" domain="example.com"></mail-setup>
 */
import css from './widget.css'
import baseCss from '../lib/base.css'
import { createAnnouncer } from '../lib/announcer.ts'
import { createDiagnoseFlow } from '../lib/diagnose-flow.ts'
import { browserTimeZone } from '../lib/region.ts'
import { createLoginStep } from '../lib/login-step.ts'
import { h, fill } from '../lib/dom.ts'
import { pickLang, translator } from '../lib/messages.ts'
import { createProgress } from '../lib/progress.ts'
import { renderResult } from '../lib/result.ts'
import { isLang, type Lang } from '../../src/model/domain.ts'
import { daysKept, renderShare } from '../lib/share.ts'

// Only while the script first runs does currentScript point at our <script> tag.
const script = document.currentScript
const ORIGIN =
  script instanceof HTMLScriptElement && script.src ? new URL(script.src).origin : location.origin

const STYLES = `${baseCss}\n${css}`

export class MailSetupElement extends HTMLElement {
  static readonly observedAttributes = ['lang', 'domain', 'compact']
  readonly #root: ShadowRoot
  #flow: ReturnType<typeof createDiagnoseFlow> | null = null
  #login: ReturnType<typeof createLoginStep> = null
  #email = ''

  constructor() {
    super()
    this.#root = this.attachShadow({ mode: 'open' })
  }

  connectedCallback() {
    this.#render()
  }

  disconnectedCallback() {
    this.#flow?.abort()
    this.#login?.abort()
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null) {
    if (old !== value && this.isConnected) this.#render()
  }

  get #lang(): Lang {
    const attr = this.getAttribute('lang')
    return isLang(attr) ? attr : pickLang(attr, navigator.languages ?? [navigator.language])
  }

  #render() {
    const lang = this.#lang
    const t = translator(lang)
    const compact = this.hasAttribute('compact')
    const domain = (this.getAttribute('domain') ?? '').trim().replace(/^@/, '')
    const { el: announcer, announce } = createAnnouncer()
    const error = h('p', { class: 'field-error', id: 'error', role: 'alert', hidden: true })
    const input = h('input', {
      type: 'email',
      name: 'email',
      id: 'email',
      autocomplete: 'email',
      spellcheck: 'false',
      autocapitalize: 'off',
      required: true,
      placeholder: domain ? `name@${domain}` : 'name@example.com',
      'aria-describedby': 'help error',
      value: this.#email,
    })
    const button = h('button', { type: 'submit', class: 'primary' }, t('form.submit'))
    const progress = createProgress(t, { compact })
    const result = h('div', { class: 'result-area' })
    const loginArea = h('div', { class: 'login-area' })
    const more = h('p', {})
    const share = h('div', { class: 'share-area' })
    const form = h(
      'form',
      { novalidate: true, 'aria-label': t('widget.title') },
      h('label', { for: 'email', class: 'field-label' }, t('form.email')),
      h('div', { class: 'field-row' }, input, button),
      h(
        'p',
        { class: 'help', id: 'help' },
        domain ? t('form.emailHelpDomain', { domain }) : t('form.emailHelp'),
      ),
      error,
    )

    const options = { t, announce, root: this.#root, compact, level: 3 as const }
    this.#flow?.abort()
    this.#login?.abort()
    const flow = createDiagnoseFlow(ORIGIN, t, {
      progress,
      live: (view) => fill(result, renderResult(view, null, options)),
      setBusy: (busy) => {
        button.textContent = busy ? t('form.busy') : t('form.submit')
        form.setAttribute('aria-busy', String(busy))
      },
      setError: (text, badAddress) => {
        error.textContent = text ?? ''
        error.hidden = text === null
        if (badAddress) input.setAttribute('aria-invalid', 'true')
        else if (text === null) input.removeAttribute('aria-invalid')
      },
      focusField: () => input.focus(),
    })
    this.#flow = flow

    const run = async () => {
      let email = input.value.trim()
      // With a default domain, the local part alone is enough.
      if (domain && email !== '' && !email.includes('@')) email = `${email}@${domain}`
      const report = await flow.run(
        { email, lang, probe: this.getAttribute('probe') !== 'false', timeZone: browserTimeZone() },
        () => {
          this.#email = email
          fill(result)
          this.#login?.abort()
          fill(loginArea)
          fill(more)
          fill(share)
        },
      )
      if (!report) return
      const onRetry = (meant: string) => {
        input.value = meant
        void run()
      }
      fill(result, renderResult(report, report, { ...options, onRetry }))
      this.#login = createLoginStep(report, { t, lang, base: ORIGIN, announce, level: 3 })
      fill(loginArea, this.#login?.el)
      // The stored report when there is one: the page then shows this very result, no new probes.
      const link = report.url ? `${ORIGIN}${report.url}` : null
      if (link && !compact) fill(share, renderShare(t, link, daysKept(report), announce, options))
      fill(
        more,
        h(
          'a',
          {
            class: 'more',
            href: link
              ? `${link}?lang=${encodeURIComponent(lang)}`
              : `${ORIGIN}/?lang=${encodeURIComponent(lang)}#email=${encodeURIComponent(email)}`,
            target: '_blank',
            rel: 'noopener',
          },
          t('widget.more'),
        ),
      )
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      void run()
    })

    const style = document.createElement('style')
    style.textContent = STYLES
    fill(
      this.#root,
      style,
      h(
        'div',
        { class: 'widget', lang },
        h('h2', { class: 'title' }, t('widget.title')),
        form,
        progress.el,
        result,
        loginArea,
        share,
        more,
        announcer,
      ),
    )
  }
}

if (!customElements.get('mail-setup')) customElements.define('mail-setup', MailSetupElement)
