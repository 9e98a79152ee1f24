/**
 * @module
 * "Share this report": the link to a stored report (`/r/{id}`) and a button that copies it.
 */
import { copyText } from './copy.ts'
import { h } from './dom.ts'
import type { Translate } from './messages.ts'
import type { Report } from './types.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** How many days a stored report is kept (the operator sets it). */
export const daysKept = (report: Pick<Report, 'createdAt' | 'expiresAt'>): number =>
  report.createdAt && report.expiresAt
    ? Math.round((Date.parse(report.expiresAt) - Date.parse(report.createdAt)) / DAY_MS)
    : 30

/**
 * @example
 * area.append(renderShare(t, 'https://setup.example.net/r/q3Jx0b7VhYtH2c9pZ1mA4w', 30, announce))
 */
export const renderShare = (
  t: Translate,
  url: string,
  days: number,
  announce: (text: string) => void,
  options: { root?: Node; level?: 2 | 3 } = {},
) => {
  const field = h('input', {
    type: 'url',
    class: 'share-link',
    readonly: true,
    value: url,
    'aria-labelledby': 'share-heading',
    onfocus: (event: Event) => (event.target as HTMLInputElement).select(),
  })
  const button = h(
    'button',
    {
      type: 'button',
      class: 'copy share-copy',
      onclick: async () => {
        const ok = await copyText(url, options.root)
        announce(ok ? t('share.copied') : t('share.copyFailed'))
        button.textContent = ok ? t('share.copied') : t('share.copy')
      },
    },
    t('share.copy'),
  )
  return h(
    'section',
    { class: 'share', 'aria-labelledby': 'share-heading' },
    h(options.level === 3 ? 'h3' : 'h2', { id: 'share-heading' }, t('share.heading')),
    h('div', { class: 'share-row' }, field, button),
    h('p', { class: 'help' }, t('share.note', { days })),
  )
}
