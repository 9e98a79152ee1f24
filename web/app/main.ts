/**
 * @module
 * The page at `/`: the address form, live progress from the diagnose stream, the result,
 * client guides, downloads and the helpdesk details. Language from `?lang=` or the browser,
 * switchable on the page.
 */
import { ApiError, fetchReport } from '../lib/api.ts'
import { createAnnouncer } from '../lib/announcer.ts'
import { createDiagnoseFlow } from '../lib/diagnose-flow.ts'
import { createLoginStep } from '../lib/login-step.ts'
import { renderStoredVerdict } from '../lib/login-verdict.ts'
import { h, fill } from '../lib/dom.ts'
import { errorText } from '../lib/errors.ts'
import { pickLang, translator } from '../lib/messages.ts'
import { createProgress } from '../lib/progress.ts'
import { renderResult } from '../lib/result.ts'
import { daysKept, renderShare } from '../lib/share.ts'
import type { Report } from '../lib/types.ts'
import { renderDetails } from './details.ts'
import { type FormValues, createForm, emptyForm, regionInput } from './form.ts'
import { renderComparison } from './compare.ts'
import { createGuideTabs } from './guides.ts'
import type { Lang } from '../../src/model/domain.ts'

const BASE = ''
/** `/r/{id}`: the page shows that stored report instead of running a diagnosis. */
const REPORT_PATH = /^\/r\/([A-Za-z0-9_-]{22})\/?$/

const params = new URLSearchParams(location.search)
let lang: Lang = pickLang(params.get('lang'), navigator.languages ?? [navigator.language])
let values: FormValues = emptyForm()
let lastRun: FormValues | null = null
/** The stored report being fetched (`/r/{id}`). */
let controller: AbortController | null = null
/** The running diagnosis; each cancels the other, and a new drawing of the page cancels both. */
let flow: ReturnType<typeof createDiagnoseFlow> | null = null
/** The login step on the page now; a new report or drawing stops it and empties its field. */
let login: ReturnType<typeof createLoginStep> = null
let storedId: string | null = REPORT_PATH.exec(location.pathname)?.[1] ?? null

const downloads = (t: ReturnType<typeof translator>, report: Report) => {
  const incoming = report.recommended.incoming
  if (!incoming || !report.recommended.outgoing) return null
  const email = encodeURIComponent(report.email)
  const protocol = incoming.protocol === 'pop3' ? '&protocol=pop3' : ''
  // From the stored report when there is one: the files then hold what the table shows.
  const id = report.id ? encodeURIComponent(report.id) : null
  const profile = id
    ? `/api/v1/reports/${id}/mobileconfig?lang=${lang}`
    : `/mobileconfig?emailaddress=${email}${protocol}&lang=${lang}`
  const xml = id
    ? `/api/v1/reports/${id}/config-v1.1.xml`
    : `/mail/config-v1.1.xml?emailaddress=${email}`
  return h(
    'section',
    { class: 'downloads', 'aria-labelledby': 'downloads-heading' },
    h('h2', { id: 'downloads-heading' }, t('downloads.heading')),
    h(
      'ul',
      {},
      h(
        'li',
        {},
        h(
          'a',
          {
            href: profile,
            download: `${report.domain}.mobileconfig`,
            class: 'download',
          },
          t('downloads.apple'),
        ),
      ),
      h(
        'li',
        {},
        h(
          'a',
          {
            href: xml,
            download: 'config-v1.1.xml',
            class: 'download',
          },
          t('downloads.thunderbird'),
        ),
      ),
    ),
    h('p', { class: 'help' }, t('downloads.note')),
  )
}

const render = () => {
  const t = translator(lang)
  document.documentElement.lang = lang
  document.title = `${t('page.title')} · mailsetup`
  const root = document.getElementById('app')
  if (!root) return

  const { el: announcer, announce } = createAnnouncer()
  const progress = createProgress(t)
  const result = h('section', {
    class: 'result-area',
    'aria-label': t('result.heading'),
    hidden: true,
  })
  const guides = createGuideTabs(t, BASE, 'guides-heading')
  const guidesSection = h(
    'section',
    { class: 'guides', 'aria-labelledby': 'guides-heading', hidden: true },
    h('h2', { id: 'guides-heading' }, t('guides.heading')),
    guides.el,
  )
  const loginArea = h('div', { class: 'login-area' })
  const compareArea = h('div', { class: 'compare-area' })
  const downloadArea = h('div', { class: 'download-area' })
  const shareArea = h('div', { class: 'share-area' })
  const storedArea = h('div', { class: 'stored-area' })
  const detailsBody = h('div', {})
  const details = h(
    'details',
    { class: 'helpdesk', hidden: true },
    h('summary', {}, h('h2', { class: 'summary-heading' }, t('details.summary'))),
    detailsBody,
  )

  /** Everything a complete report shows: the table, the guides, the files, the link, the details. */
  const show = (report: Report) => {
    const onRetry = (email: string) => {
      form.input.value = email
      void run({ ...form.read(), email })
    }
    fill(result, renderResult(report, report, { t, announce, onRetry }))
    result.hidden = false
    login?.abort()
    login = createLoginStep(report, { t, lang, base: BASE, announce })
    fill(loginArea, login?.el)
    if (report.protocol) {
      guides.show({
        email: report.email,
        lang,
        protocol: report.protocol,
        reportId: report.id,
        // Only an answer is an answer: a region from the time zone is sent as the time zone.
        ...(report.regionFrom === 'answer' && report.region ? { region: report.region } : {}),
        ...regionInput({ ...values, regionAnswered: false }),
      })
      guidesSection.hidden = false
    }
    fill(compareArea, renderComparison(t, values.needs, report.protocol))
    fill(downloadArea, downloads(t, report))
    fill(
      shareArea,
      report.url
        ? renderShare(t, new URL(report.url, location.origin).href, daysKept(report), announce)
        : null,
    )
    fill(detailsBody, renderDetails(t, lang, report))
    details.hidden = false
  }

  /** A stored report (`/r/{id}`): shown as it was made, in this page's language; nothing is probed. */
  const openStored = async (id: string) => {
    flow?.abort()
    controller?.abort()
    controller = new AbortController()
    fill(storedArea, h('p', { class: 'loading' }, t('stored.loading')))
    try {
      const report = await fetchReport(BASE, id, lang, controller.signal)
      form.input.value = report.email
      const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(
        new Date(report.createdAt ?? Date.now()),
      )
      fill(
        storedArea,
        h(
          'section',
          { class: 'stored', 'aria-labelledby': 'stored-heading' },
          h('h2', { id: 'stored-heading' }, t('stored.heading')),
          h('p', { class: 'stored-date' }, t('stored.date', { date })),
          report.loginTest ? renderStoredVerdict(t, lang, report.email, report.loginTest) : null,
          h(
            'button',
            {
              type: 'button',
              class: 'primary check-again',
              onclick: () => checkAgain(report.email),
            },
            t('stored.again'),
          ),
        ),
      )
      progress.start(report.domain)
      report.sources.forEach(progress.source)
      report.probes.forEach(progress.probe)
      progress.recommendation(report)
      progress.done(null)
      show(report)
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return
      const missing = err instanceof ApiError && (err.status === 404 || err.status === 400)
      fill(
        storedArea,
        h(
          'p',
          { class: 'error', role: 'alert' },
          missing ? t('stored.missing') : errorText(t, err),
        ),
      )
    }
  }

  /** From a stored report to a new diagnosis of the same address, at `/`. */
  const checkAgain = (email: string) => {
    storedId = null
    history.pushState(null, '', `/?lang=${encodeURIComponent(lang)}`)
    fill(storedArea)
    void run({ ...form.read(), email })
  }

  flow?.abort()
  login?.abort()
  flow = createDiagnoseFlow(BASE, t, {
    progress,
    live: (view) => {
      fill(result, renderResult(view, null, { t, announce }))
      result.hidden = false
    },
    setBusy: (busy) => form.setBusy(busy),
    setError: (text) => form.setError(text),
    focusField: () => form.input.focus(),
  })
  const diagnosis = flow

  const run = async (input: FormValues) => {
    const report = await diagnosis.run(
      { email: input.email, lang, needs: input.needs, probe: input.probe, ...regionInput(input) },
      () => {
        controller?.abort()
        lastRun = input
        values = input
        result.hidden = true
        login?.abort()
        fill(loginArea)
        guidesSection.hidden = true
        details.hidden = true
        fill(downloadArea)
        fill(shareArea)
        fill(compareArea)
      },
    )
    if (!report) return
    const focusWasInForm = form.form.contains(document.activeElement)
    show(report)
    if (focusWasInForm) result.querySelector<HTMLElement>('.result-title')?.focus()
  }

  const form = createForm(t, BASE, values, (v) => void run(v))

  const langButton = (code: Lang, label: string) =>
    h(
      'button',
      {
        type: 'button',
        lang: code,
        'aria-pressed': String(code === lang),
        onclick: () => switchLang(code),
      },
      label,
    )

  fill(
    root,
    h('a', { class: 'skip', href: '#email' }, t('page.skip')),
    h(
      'header',
      { class: 'top' },
      h(
        'div',
        { class: 'lang', role: 'group', 'aria-label': t('page.language') },
        langButton('en', 'English'),
        langButton('zh-CN', '中文'),
      ),
      h('h1', { id: 'form-heading' }, t('page.title')),
      h('p', { class: 'tagline' }, t('page.tagline')),
    ),
    h(
      'main',
      {},
      storedArea,
      form.form,
      progress.el,
      result,
      loginArea,
      compareArea,
      shareArea,
      guidesSection,
      downloadArea,
      details,
    ),
    h(
      'footer',
      {},
      h('p', {}, t('page.footer')),
      h(
        'p',
        {},
        h('a', { href: '/api.html' }, t('page.api')),
        ' · ',
        h('a', { href: '/widget-demo' }, t('page.widget')),
      ),
    ),
    announcer,
  )
  return { run, form, openStored }
}

const switchLang = (next: Lang) => {
  if (next === lang) return
  const current = view?.form.read()
  if (current) values = current
  lang = next
  const url = new URL(location.href)
  url.searchParams.set('lang', lang)
  history.replaceState(null, '', url)
  view = render()
  // Texts from the API (reasons, hints, guides) come in the request's language: ask again.
  if (storedId) void view?.openStored(storedId)
  else if (lastRun) void view?.run({ ...lastRun })
  document.querySelector<HTMLButtonElement>(`.lang button[lang="${lang}"]`)?.focus()
}

let view = render()

// `#email=` (links from the widget): fill in and check at once. A fragment never reaches the server logs.
const fromHash = new URLSearchParams(location.hash.slice(1)).get('email')
if (storedId && view) void view.openStored(storedId)
else if (fromHash && view) {
  view.form.input.value = fromHash
  void view.run({ ...view.form.read() })
}
