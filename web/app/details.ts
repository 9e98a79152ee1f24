/**
 * @module
 * The helpdesk view: every source and every probe with its status, certificate, capabilities,
 * timings and transcript. Cards, not wide tables, so it fits a phone.
 */
import { h } from '../lib/dom.ts'
import { protocolName, securityName, statusIcon } from '../lib/labels.ts'
import type { Translate } from '../lib/messages.ts'
import type { ProbeResult, Report } from '../lib/types.ts'
import type { Lang } from '../../src/model/domain.ts'

const pair = (label: string, value: Node | string) => [h('dt', {}, label), h('dd', {}, value)]

const list = (t: Translate, items: string[]) =>
  items.length > 0 ? items.join(' ') : t('details.none')

const ms = (value: number | null) => (value === null ? '–' : String(Math.round(value)))

const date = (iso: string) => iso.slice(0, 10)

const certificate = (t: Translate, p: ProbeResult) => {
  const cert = p.tls?.certificate
  if (!p.tls) return []
  const yesNo = (v: boolean) => t(v ? 'yes' : 'no')
  return [
    ...pair(t('details.tls'), [p.tls.protocol, p.tls.cipher].filter(Boolean).join(' · ') || '–'),
    ...(cert
      ? [
          ...pair(t('details.certificate'), cert.subject),
          ...pair(t('details.certNames'), cert.names.join(', ')),
          ...pair(t('details.certIssuer'), cert.issuer),
          ...pair(
            t('details.certValidity'),
            t('details.certValid', {
              from: date(cert.validFrom),
              to: date(cert.validTo),
              days: cert.daysLeft,
            }),
          ),
          ...pair(t('details.certTrusted'), yesNo(p.tls.trusted)),
          ...pair(t('details.certNameMatch'), yesNo(p.tls.hostnameMatch)),
          ...pair(t('details.certSelfSigned'), yesNo(cert.selfSigned)),
          ...pair(t('details.fingerprint'), h('code', { class: 'wrap' }, cert.fingerprint256)),
        ]
      : []),
  ]
}

const probeCard = (t: Translate, lang: Lang, p: ProbeResult) =>
  h(
    'li',
    { class: `probe probe-${p.status}` },
    h(
      'h4',
      {},
      h('span', { 'aria-hidden': 'true' }, statusIcon(p.status), ' '),
      `${protocolName(p.protocol)} ${p.host}:${p.port} (${securityName(t, p.security)})`,
    ),
    h(
      'p',
      {},
      h('strong', {}, t(`probe.${p.status}`)),
      p.code ? ` · ${p.code}` : '',
      ' · ',
      p.message[lang],
    ),
    h(
      'dl',
      { class: 'facts' },
      pair(t('details.address'), p.address ?? '–'),
      p.greeting ? pair(t('details.greeting'), h('code', { class: 'wrap' }, p.greeting)) : [],
      pair(
        t('details.capsBefore'),
        h('code', { class: 'wrap' }, list(t, p.capabilities.beforeTls)),
      ),
      p.capabilities.afterTls.length > 0
        ? pair(
            t('details.capsAfter'),
            h('code', { class: 'wrap' }, list(t, p.capabilities.afterTls)),
          )
        : [],
      pair(t('details.auth'), list(t, p.auth)),
      certificate(t, p),
      pair(
        t('details.timings'),
        t('details.timingsValue', {
          dns: ms(p.timings.dns),
          connect: ms(p.timings.connect),
          tls: ms(p.timings.tls),
          greeting: ms(p.timings.greeting),
          total: ms(p.timings.total),
        }),
      ),
      p.detail ? pair(t('details.detail'), h('code', { class: 'wrap' }, p.detail)) : [],
    ),
    p.transcript.length > 0
      ? h(
          'details',
          { class: 'transcript' },
          h('summary', {}, t('details.transcript')),
          h('pre', {}, p.transcript.map((l) => `${l.dir} ${l.line}`).join('\n')),
        )
      : null,
  )

export const renderDetails = (t: Translate, lang: Lang, report: Report) =>
  h(
    'div',
    { class: 'details-body' },
    h('h3', {}, t('details.sources')),
    h(
      'ul',
      { class: 'sources' },
      report.sources.map((s) =>
        h(
          'li',
          { class: `source source-${s.status}` },
          h('span', { 'aria-hidden': 'true' }, statusIcon(s.status), ' '),
          h('strong', {}, t(`source.${s.type}`)),
          ': ',
          s.status === 'found' ? t('source.found', { count: s.servers }) : t(`source.${s.status}`),
          s.trusted === false ? ` (${t('source.untrusted')})` : '',
          h('br', {}),
          h('code', { class: 'wrap' }, s.name),
          s.code ? h('span', {}, ` · ${s.code}${s.detail ? `: ${s.detail}` : ''}`) : null,
        ),
      ),
    ),
    h('h3', {}, t('details.probes')),
    report.probes.length === 0
      ? h('p', {}, t('details.noProbes'))
      : h(
          'ul',
          { class: 'probes' },
          report.probes.map((p) => probeCard(t, lang, p)),
        ),
  )
