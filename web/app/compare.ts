/**
 * @module
 * IMAP beside POP3, next to the recommendation: what each does for synchronisation across
 * devices, folders and flags on the server, and bandwidth and storage, with the rows the
 * person's own answers touch marked, and the recommended column named.
 * The facts follow Microsoft's “What are IMAP and POP?” (support.microsoft.com, zh-CN read
 * 2026-12-01): IMAP reads from the server and downloads a message when it is opened, POP
 * downloads all new mail and by default removes it from the server.
 */
import { h } from '../lib/dom.ts'
import type { MessageKey, Translate } from '../lib/messages.ts'
import type { Needs } from '../../src/model/domain.ts'

type Row = 'sync' | 'folders' | 'transfer'

const ROWS: readonly Row[] = ['sync', 'folders', 'transfer']

/** Which of the person's answers bear on each row, as the message keys that say so. */
const why = (needs: Needs): Record<Row, MessageKey[]> => ({
  sync:
    needs.devices === 'several'
      ? ['compare.you.several']
      : needs.devices === 'one'
        ? ['compare.you.one']
        : [],
  folders: needs.keepOnServer ? ['compare.you.keep'] : [],
  transfer: [
    ...(needs.offline ? (['compare.you.offline'] as const) : []),
    ...(needs.serverQuotaSmall ? (['compare.you.quota'] as const) : []),
  ],
})

/**
 * @example
 * section.append(renderComparison(t, { devices: 'several' }, 'imap'))
 */
export const renderComparison = (
  t: Translate,
  needs: Needs,
  recommended: 'imap' | 'pop3' | null,
) => {
  const touched = why(needs)
  const head = (protocol: 'imap' | 'pop3') =>
    h(
      'th',
      { scope: 'col', class: recommended === protocol ? 'recommended' : '' },
      protocol === 'imap' ? 'IMAP' : 'POP3',
      recommended === protocol ? h('span', { class: 'tag' }, t('compare.recommended')) : null,
    )
  return h(
    'section',
    { class: 'compare', 'aria-labelledby': 'compare-heading' },
    h('h2', { id: 'compare-heading' }, t('compare.heading')),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, t('compare.aspect')), head('imap'), head('pop3')),
      ),
      h(
        'tbody',
        {},
        ROWS.map((row) =>
          h(
            'tr',
            { class: touched[row].length > 0 ? 'touched' : '', 'data-row': row },
            h(
              'th',
              { scope: 'row' },
              t(`compare.${row}`),
              ...touched[row].map((key) => h('span', { class: 'you' }, t(key))),
            ),
            h('td', {}, t(`compare.${row}.imap`)),
            h('td', {}, t(`compare.${row}.pop3`)),
          ),
        ),
      ),
    ),
  )
}
