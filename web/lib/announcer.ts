/**
 * @module
 * A polite live region for short messages (copied, result ready) that screen readers announce.
 */
import { h } from './dom.ts'

/**
 * @example
 * const { el, announce } = createAnnouncer()
 * announce('Copied Server.')
 */
export const createAnnouncer = () => {
  const el = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' })
  const announce = (text: string) => {
    el.textContent = ''
    // A fresh text node after a tick, so the same message twice is announced twice.
    setTimeout(() => (el.textContent = text), 50)
  }
  return { el, announce }
}
