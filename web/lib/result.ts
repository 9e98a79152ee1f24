/**
 * @module
 * The answer: which protocol and why, provider hints, and the settings to type with a copy
 * button on each value. Shared by the page and the widget.
 */
import { copyText } from './copy.ts'
import { h, linkify } from './dom.ts'
import { protocolName, securityName } from './labels.ts'
import type { Translate } from './messages.ts'
import type { RecommendationView, Report, ReportServer } from './types.ts'

export interface ResultOptions {
  t: Translate
  /** Says something in the page's status region (copy confirmations). */
  announce: (text: string) => void
  /** Where the fallback copy textarea goes (the widget's shadow root). */
  root?: Node
  compact?: boolean
  /** Heading level of the result's title; sub-headings are one below. */
  level?: 2 | 3
  /** Checks another address (a suggested one, when the domain looks mistyped). */
  onRetry?: (email: string) => void
}

/** "Check ann@qq.com instead": one button per address the typo check suggests. */
const didYouMean = (o: ResultOptions, report: Report | null) => {
  const meant = report?.didYouMean ?? []
  const retry = o.onRetry
  if (meant.length === 0 || !retry) return null
  return h(
    'p',
    { class: 'did-you-mean' },
    meant.map((email) =>
      h(
        'button',
        { type: 'button', class: 'primary', onclick: () => retry(email) },
        o.t('result.checkInstead', { email }),
      ),
    ),
  )
}

const copyButton = (o: ResultOptions, field: string, value: string) =>
  h(
    'button',
    {
      type: 'button',
      class: 'copy',
      'aria-label': o.t('copy.label', { field, value }),
      'data-copy': value,
      onclick: async () => {
        const ok = await copyText(value, o.root)
        o.announce(ok ? o.t('copy.done', { field }) : o.t('copy.failed'))
      },
    },
    o.t('copy.button'),
  )

const row = (o: ResultOptions, label: string, value: string, copy = true, note?: string) =>
  h(
    'tr',
    {},
    h('th', { scope: 'row' }, label),
    h(
      'td',
      {},
      h('code', { class: 'value' }, value),
      note ? h('span', { class: 'note' }, note) : null,
    ),
    h('td', { class: 'copy-cell' }, copy ? copyButton(o, label, value) : null),
  )

const badge = (o: ResultOptions, s: ReportServer) => {
  if (s.status === 'error') return h('span', { class: 'badge badge-error' }, o.t('result.failed'))
  return s.verified
    ? h('span', { class: 'badge badge-ok' }, o.t('result.verified'))
    : h('span', { class: 'badge badge-unknown' }, o.t('result.notVerified'))
}

const serverTable = (
  o: ResultOptions,
  title: string,
  server: ReportServer | null,
  view: Pick<RecommendationView, 'credential' | 'username'>,
) => {
  const { credential } = view
  // An account ID is said in words (the address does not tell it): nothing to copy.
  const copyUsername = view.username?.form !== 'account-id'
  const H = o.level === 3 ? 'h5' : 'h4'
  if (!server)
    return h('section', { class: 'server' }, h(H, {}, title), h('p', {}, o.t('result.noServer')))
  return h(
    'section',
    { class: 'server' },
    h(H, {}, title, ' ', badge(o, server)),
    h(
      'table',
      { class: 'settings' },
      h('caption', { class: 'visually-hidden' }, title),
      h(
        'tbody',
        {},
        row(o, o.t('field.server'), server.host),
        row(o, o.t('field.port'), String(server.port)),
        row(o, o.t('field.security'), securityName(o.t, server.security), false),
        row(o, o.t('field.username'), server.username, copyUsername),
        row(
          o,
          o.t('field.password'),
          o.t(`credential.${credential.kind}`),
          false,
          o.compact ? undefined : credential.text,
        ),
      ),
    ),
  )
}

const notes = (title: string, cls: string, items: string[], H: 'h3' | 'h4') =>
  items.length === 0
    ? null
    : h(
        'section',
        { class: cls },
        h(H, {}, title),
        h(
          'ul',
          {},
          items.map((text) => h('li', {}, text)),
        ),
      )

/** Reasons about the choice among a provider's alternative hosts: shown in their own block. */
const CHOICE_CODES = new Set([
  'SERVER_REGION',
  'SERVER_REGION_TIMEZONE',
  'SERVER_REGION_DEFAULT',
  'SERVER_STEADIER',
  'SERVER_ALTERNATIVE_UNREACHABLE',
  'SERVER_ALTERNATIVE_SILENT',
  'SERVER_NOT_MEASURED',
  'SERVER_MEASURED',
])

type Stability = NonNullable<RecommendationView['stability']>

const hostLine = (o: ResultOptions, host: Stability['hosts'][number], chosen: boolean) => {
  const region = host.region ? o.t(`region.${host.region}`) : host.host
  const figures =
    host.medianMs === null
      ? o.t('result.hostFailed', { region, attempts: String(host.attempts.length) })
      : o.t('result.hostLine', {
          region,
          median: String(host.medianMs),
          spread: String(host.spreadMs ?? 0),
          answered: String(host.answered),
          attempts: String(host.attempts.length),
        })
  return h(
    'li',
    { class: chosen ? 'host chosen' : 'host' },
    h('code', {}, host.host),
    chosen ? h('span', { class: 'badge badge-ok' }, o.t('result.hostChosen')) : null,
    h('br', {}),
    figures,
  )
}

/**
 * Which of the provider's alternative hosts, why, the other one, and what the service measured:
 * from a streamed recommendation as soon as it names a choice (the figures fill in as each host
 * is measured), or from the report.
 */
const choiceBlock = (o: ResultOptions, report: RecommendationView, H: 'h3' | 'h4') => {
  const texts = report.reasons.filter(
    (r) => CHOICE_CODES.has(r.code) && r.code !== 'SERVER_MEASURED',
  )
  if (report.hostChoice.length === 0 || texts.length === 0) return null
  const chosen = (h0: Stability['hosts'][number]) =>
    report.hostChoice.some((c) => c.host === h0.host && c.port === h0.port)
  const hosts = report.stability?.hosts ?? []
  return h(
    'section',
    { class: 'host-choice', 'aria-labelledby': 'host-choice-heading' },
    h(H, { id: 'host-choice-heading' }, o.t('result.choice')),
    texts.map((r) => h('p', {}, r.text)),
    hosts.length > 0
      ? h(
          'div',
          { class: 'measured' },
          h('p', { class: 'help' }, o.t('result.measured')),
          h(
            'ul',
            {},
            hosts.map((host) => hostLine(o, host, chosen(host))),
          ),
        )
      : null,
  )
}

/**
 * The result for a recommendation (streamed early) or the final report (adds hints).
 *
 * @example
 * container.replaceChildren(renderResult(report, report, { t, announce }))
 */
export const renderResult = (view: RecommendationView, report: Report | null, o: ResultOptions) => {
  const H2 = o.level === 3 ? 'h3' : 'h2'
  const H3 = o.level === 3 ? 'h4' : 'h3'
  const t = o.t
  const incoming = view.recommended.incoming
  const headline = view.protocol ? t(`result.${view.protocol}`) : t('result.none')
  const hints = report?.hints ?? []
  const choice = o.compact ? null : choiceBlock(o, view, H3)
  return h(
    'div',
    { class: 'result' },
    h(H2, { class: 'result-title', tabindex: '-1' }, headline),
    report?.provider
      ? h('p', { class: 'provider' }, t('result.provider', { name: report.provider.name }))
      : null,
    // Provider hints first: an authorization code or "enable IMAP" decides whether anything works.
    hints.length > 0
      ? h(
          'section',
          { class: 'hints', role: 'note' },
          h(H3, {}, t('result.hints')),
          h(
            'p',
            { class: 'credential' },
            h('strong', {}, t(`credential.${view.credential.kind}`)),
            ': ',
            view.credential.text,
          ),
          h(
            'ul',
            {},
            hints.map((text) => h('li', {}, linkify(text))),
          ),
        )
      : null,
    notes(
      t('result.warnings'),
      'warnings',
      view.warnings.map((w) => w.text),
      H3,
    ),
    didYouMean(o, report),
    o.compact
      ? null
      : notes(
          t('result.why'),
          'reasons',
          view.reasons.filter((r) => !choice || !CHOICE_CODES.has(r.code)).map((r) => r.text),
          H3,
        ),
    choice,
    h(
      'section',
      { class: 'settings-block' },
      h(H3, {}, t('result.settings')),
      h(
        'div',
        { class: 'servers' },
        serverTable(
          o,
          t('result.incoming', {
            protocol: incoming ? protocolName(incoming.protocol) : 'IMAP/POP3',
          }),
          incoming,
          view,
        ),
        serverTable(o, t('result.outgoing'), view.recommended.outgoing, view),
      ),
    ),
  )
}
