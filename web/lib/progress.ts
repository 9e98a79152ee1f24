/**
 * @module
 * The progress list as a story: one line per source saying what it found (updated as its
 * reports arrive), then the probes grouped by server, each with its timing and code on demand.
 * When the run is complete the list folds into a one-line summary that can be opened again.
 * Screen readers hear each new line (role=log).
 */
import { h } from './dom.ts'
import { protocolName, securityName, statusIcon } from './labels.ts'
import type { Translate } from './messages.ts'
import type { ProbeResult, RecommendationView, SourceReport } from './types.ts'

export interface Progress {
  el: HTMLElement
  start(domain: string): void
  source(s: SourceReport): void
  probe(p: ProbeResult): void
  recommendation(v: RecommendationView): void
  /** The run is complete: `ms` it took, or null for a stored report shown again. */
  done(ms: number | null): void
}

type State = 'ok' | 'warning' | 'error' | 'none'

/** Long autoconfig URLs: the host and path are enough to recognise them. */
const shortName = (name: string) => name.replace(/^https?:\/\//, '').replace(/\?.*$/, '')

const step = (state: State, text: string, extra?: string) =>
  h(
    'li',
    { class: `step step-${state}` },
    h('span', { class: 'step-icon', 'aria-hidden': 'true' }, statusIcon(state as 'ok')),
    h('span', { class: 'step-text' }, text),
    extra ? h('span', { class: 'step-extra' }, extra) : null,
  )

/** What one source found, from all its reports so far (autoconfig tries several places). */
const sourceLine = (t: Translate, domain: string, reports: readonly SourceReport[]) => {
  const first = reports[0]
  if (!first) return null
  const label = t(`source.${first.type}`)
  const found = reports.filter((r) => r.status === 'found')
  if (found.length > 0) {
    const servers = found.reduce((n, r) => n + r.servers, 0)
    return step(
      'ok',
      `${label}: ${found.map((r) => shortName(r.name)).join(', ')}`,
      t('source.found', { count: servers }),
    )
  }
  // An MX that names hosts no provider is known for: the hosts are still a finding (guessing
  // and probing go on from them).
  if (first.type === 'mx' && first.status === 'none' && first.name !== domain)
    return step('ok', `${label}: ${first.name}`, t('story.mxUnknown'))
  const errors = reports.filter((r) => r.status === 'error')
  if (first.type === 'autoconfig' || errors.length === 0) {
    return step(
      'none',
      `${label}: ${t('source.none')}`,
      reports.length > 1 ? t('story.tried', { count: reports.length }) : undefined,
    )
  }
  const codes = [...new Set(errors.map((r) => r.code).filter(Boolean))].join(', ')
  return step('error', `${label}: ${t('source.error')}`, codes || undefined)
}

export const createProgress = (t: Translate, options: { compact?: boolean } = {}): Progress => {
  const status = h('p', { class: 'progress-status' })
  const sourceList = h('ol', { class: 'progress-list progress-sources' })
  const serverList = h('div', { class: 'progress-servers' })
  const details = h(
    'details',
    { class: 'progress-details', open: true },
    h('summary', { class: 'progress-toggle' }, t('story.toggle')),
    sourceList,
    serverList,
  )
  // role=log: additions are announced politely, in order; nothing is re-read.
  const log = h(
    'div',
    { role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions text' },
    status,
    options.compact ? null : details,
  )
  const el = h('section', { class: 'progress', 'aria-label': t('progress.heading') }, log)
  el.hidden = true

  let domain = ''
  let sources = new Map<string, { reports: SourceReport[]; line: HTMLElement | null }>()
  let servers = new Map<
    string,
    { list: HTMLElement; heading: HTMLElement; probes: ProbeResult[] }
  >()
  let steps = 0

  const serverHeading = (host: string, probes: readonly ProbeResult[]) => {
    const working = probes.filter((p) => p.status !== 'error').length
    return t('story.server', { host, working, count: probes.length })
  }

  const counted = () => {
    steps += 1
    if (options.compact) status.textContent = t('progress.steps', { count: steps })
  }

  return {
    el,
    start(next) {
      domain = next
      sources = new Map()
      servers = new Map()
      steps = 0
      sourceList.replaceChildren()
      serverList.replaceChildren()
      details.open = true
      status.textContent = t('progress.start', { domain })
      el.hidden = false
    },
    source(s) {
      counted()
      const entry = sources.get(s.type) ?? { reports: [], line: null }
      entry.reports.push(s)
      const line = sourceLine(t, domain, entry.reports)
      if (line) {
        if (entry.line) entry.line.replaceWith(line)
        else sourceList.append(line)
        entry.line = line
      }
      sources.set(s.type, entry)
    },
    probe(p) {
      counted()
      let server = servers.get(p.host)
      if (!server) {
        const heading = h('h3', { class: 'progress-server-name' })
        const list = h('ol', { class: 'progress-list' })
        serverList.append(h('section', { class: 'progress-server' }, heading, list))
        server = { list, heading, probes: [] }
        servers.set(p.host, server)
      }
      server.probes.push(p)
      server.heading.textContent = serverHeading(p.host, server.probes)
      const label = t('probe.label', {
        protocol: protocolName(p.protocol),
        host: p.host,
        port: p.port,
        security: securityName(t, p.security),
      })
      server.list.append(
        step(
          p.status,
          `${label}: ${t(`probe.${p.status}`)}`,
          `${Math.round(p.timings.total)} ms${p.code ? ` · ${p.code}` : ''}`,
        ),
      )
    },
    recommendation(v) {
      const incoming = v.recommended.incoming
      if (!incoming) return
      if (options.compact) return
      status.textContent = t('progress.recommendation', {
        protocol: protocolName(incoming.protocol),
        host: `${incoming.host}:${incoming.port}`,
      })
    },
    done(ms) {
      const probes = [...servers.values()].reduce((n, s) => n + s.probes.length, 0)
      const summary = t('story.summary', {
        sources: sources.size,
        probes,
        servers: servers.size,
      })
      const time = ms === null ? '' : ` ${t('progress.done', { seconds: (ms / 1000).toFixed(1) })}`
      status.textContent = `${summary}${time}`
      details.open = false
    },
  }
}
