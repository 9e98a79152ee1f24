/**
 * @module
 * Client guide tabs (ARIA tabs: arrow keys, Home, End), each panel rendered from
 * GET /api/v1/guides/:client for the address and the recommended protocol.
 */
import { fetchGuide } from '../lib/api.ts'
import { h, fill } from '../lib/dom.ts'
import type { Translate } from '../lib/messages.ts'
import type { ClientId, Guide } from '../lib/types.ts'
import { CLIENT_IDS } from '../../src/guides/types.ts'
import type { IncomingProtocol, Lang } from '../../src/model/domain.ts'

/** The tabs, in the order the server knows the clients. */
export const GUIDE_CLIENTS: readonly ClientId[] = CLIENT_IDS

export interface GuideQuery {
  email: string
  lang: Lang
  protocol?: IncomingProtocol
  /** The stored report the guide is rendered from (it carries the region itself). */
  reportId?: string
  /** Where the user reads mail, for a guide rendered without a stored report. */
  region?: 'cn' | 'intl'
  /** The browser's time zone: the region's default there when the user gave no answer. */
  timeZone?: string
}

const renderGuide = (t: Translate, guide: Guide) =>
  h(
    'div',
    { class: 'guide' },
    h('p', { class: 'guide-version' }, guide.clientVersion),
    h('p', { class: 'protocol-choice' }, guide.protocolChoice),
    guide.notices.length > 0
      ? h(
          'div',
          { class: 'notices', role: 'note' },
          h('strong', {}, t('guides.notices')),
          h(
            'ul',
            {},
            guide.notices.map((n) => h('li', {}, n)),
          ),
        )
      : null,
    h(
      'ol',
      { class: 'guide-steps' },
      guide.steps.map((step) =>
        h(
          'li',
          { class: `guide-step guide-step-${step.kind}`, 'data-step': step.id },
          step.kind === 'test' ? h('span', { class: 'tag tag-test' }, t('guides.test')) : null,
          h('span', { class: 'step-body' }, step.text),
          step.values.length > 0
            ? h(
                'dl',
                { class: 'guide-values' },
                step.values.flatMap((v) => [
                  h('dt', {}, v.label),
                  h('dd', {}, h('code', {}, v.value)),
                ]),
              )
            : null,
        ),
      ),
    ),
    guide.unconfirmedNote ? h('p', { class: 'guide-note' }, guide.unconfirmedNote) : null,
    guide.errors.length > 0
      ? h(
          'details',
          { class: 'guide-errors' },
          h('summary', {}, t('guides.errors')),
          h(
            'dl',
            {},
            guide.errors.flatMap((e) => [
              h('dt', {}, e.symptom, ' ', h('code', { class: 'code' }, e.code)),
              e.clientMessage
                ? h(
                    'dd',
                    { class: 'client-message' },
                    t('guides.clientSays'),
                    ' ',
                    h('q', {}, e.clientMessage),
                  )
                : null,
              h('dd', {}, e.fix),
            ]),
          ),
        )
      : null,
  )

/**
 * @example
 * const tabs = createGuideTabs(t, '')
 * section.append(tabs.el); tabs.show({ email, lang, protocol: 'imap' })
 */
export const createGuideTabs = (t: Translate, base: string, headingId: string) => {
  const tablist = h('div', { role: 'tablist', class: 'tabs', 'aria-labelledby': headingId })
  const panel = h('div', { role: 'tabpanel', class: 'tab-panel', tabindex: '0', id: 'guide-panel' })
  const el = h('div', { class: 'guide-tabs' }, tablist, panel)
  const cache = new Map<string, Promise<Guide>>()
  let query: GuideQuery | null = null
  let selected: ClientId = 'outlook'
  let controller: AbortController | null = null

  const buttons = GUIDE_CLIENTS.map((id) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${id}`,
        'aria-controls': 'guide-panel',
        'data-client': id,
        onclick: () => select(id, false),
      },
      t(`client.${id}`),
    ),
  )
  tablist.append(...buttons)
  tablist.addEventListener('keydown', (event) => {
    const index = GUIDE_CLIENTS.indexOf(selected)
    const last = GUIDE_CLIENTS.length - 1
    const to =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1
    const id = GUIDE_CLIENTS[to]
    if (!id) return
    event.preventDefault()
    select(id, true)
  })

  const load = async () => {
    if (!query) return
    controller?.abort()
    controller = new AbortController()
    const key = `${selected}|${query.reportId ?? query.email}|${query.lang}|${query.protocol ?? ''}|${query.region ?? ''}|${query.timeZone ?? ''}`
    let pending = cache.get(key)
    if (!pending) {
      pending = fetchGuide(base, selected, query, controller.signal)
      cache.set(key, pending)
      pending.catch(() => cache.delete(key))
    }
    panel.setAttribute('aria-busy', 'true')
    fill(panel, h('p', { class: 'loading' }, t('guides.loading')))
    try {
      const guide = await pending
      if (guide.client !== selected) return
      fill(panel, renderGuide(t, guide))
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return
      fill(panel, h('p', { class: 'error' }, t('guides.failed')))
    } finally {
      panel.removeAttribute('aria-busy')
    }
  }

  const select = (id: ClientId, focus: boolean) => {
    selected = id
    for (const b of buttons) {
      const on = b.dataset.client === id
      b.setAttribute('aria-selected', String(on))
      b.tabIndex = on ? 0 : -1
      if (on && focus) b.focus()
    }
    panel.setAttribute('aria-labelledby', `tab-${id}`)
    void load()
  }

  return {
    el,
    show(next: GuideQuery) {
      query = next
      select(selected, false)
    },
  }
}
