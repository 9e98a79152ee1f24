/**
 * @module
 * The live progress list: one line per source and per probe as the stream reports them, in a
 * log region so screen readers hear each step.
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
  done(ms: number): void
}

/** Long autoconfig URLs: the host and path are enough to recognise them. */
const shortName = (name: string) => name.replace(/^https?:\/\//, '').replace(/\?.*$/, '')

export const createProgress = (t: Translate, options: { compact?: boolean } = {}): Progress => {
  const list = h('ol', { class: 'progress-list' })
  const status = h('p', { class: 'progress-status' })
  // role=log: additions are announced politely, in order; nothing is re-read.
  const log = h(
    'div',
    { role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions text' },
    status,
    list,
  )
  const el = h('section', { class: 'progress', 'aria-label': t('progress.heading') }, log)
  el.hidden = true
  let steps = 0
  let sawRecommendation = ''

  const add = (state: string, text: string, extra?: string) => {
    steps += 1
    if (options.compact) {
      status.textContent = t('progress.steps', { count: steps })
      return
    }
    list.append(
      h(
        'li',
        { class: `step step-${state}` },
        h('span', { class: 'step-icon', 'aria-hidden': 'true' }, statusIcon(state as 'ok')),
        h('span', { class: 'step-text' }, text),
        extra ? h('span', { class: 'step-extra' }, extra) : null,
      ),
    )
  }

  return {
    el,
    start(domain) {
      steps = 0
      sawRecommendation = ''
      list.replaceChildren()
      status.textContent = t('progress.start', { domain })
      el.hidden = false
    },
    source(s) {
      const what =
        s.status === 'found' ? t('source.found', { count: s.servers }) : t(`source.${s.status}`)
      const state = s.status === 'found' ? 'ok' : s.status === 'none' ? 'none' : 'error'
      add(
        state,
        `${t(`source.${s.type}`)}: ${what}`,
        `${shortName(s.name)}${s.code ? ` · ${s.code}` : ''}`,
      )
    },
    probe(p) {
      const label = t('probe.label', {
        protocol: protocolName(p.protocol),
        host: p.host,
        port: p.port,
        security: securityName(t, p.security),
      })
      add(
        p.status,
        `${label}: ${t(`probe.${p.status}`)}`,
        `${Math.round(p.timings.total)} ms${p.code ? ` · ${p.code}` : ''}`,
      )
    },
    recommendation(v) {
      const incoming = v.recommended.incoming
      const key = incoming ? `${incoming.protocol}:${incoming.host}:${incoming.port}` : 'none'
      if (key === sawRecommendation) return
      sawRecommendation = key
      if (!incoming) return
      add(
        'ok',
        t('progress.recommendation', {
          protocol: protocolName(incoming.protocol),
          host: `${incoming.host}:${incoming.port}`,
        }),
      )
    },
    done(ms) {
      status.textContent = t('progress.done', { seconds: (ms / 1000).toFixed(1) })
    },
  }
}
