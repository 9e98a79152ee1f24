/**
 * @module
 * A tiny element builder: text always goes in as text nodes (API strings are never parsed as
 * HTML), attributes as attributes, `on*` functions as listeners.
 */

type Child = Node | string | number | null | undefined | false
type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>

/**
 * @example
 * h('button', { type: 'button', class: 'copy', onclick: () => copy(value) }, 'Copy')
 */
export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue
    if (typeof value === 'function') el.addEventListener(name.slice(2), value)
    else el.setAttribute(name, value === true ? '' : String(value))
  }
  append(el, children)
  return el
}

export const append = (parent: Node, children: (Child | Child[])[]) => {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)))
  }
}

/** Replaces an element's content. */
export const fill = (el: ParentNode & Node, ...children: (Child | Child[])[]) => {
  el.replaceChildren()
  append(el, children)
}

let counter = 0
/** A page-unique id for label/aria wiring (the widget lives in its own shadow root). */
export const uid = (prefix: string) => `${prefix}-${++counter}`

/** API texts may hold a help page's address: make it a link (text nodes only, never HTML). */
export const linkify = (text: string) =>
  text
    .split(/(https:\/\/[^\s)]+)/)
    .map((part, i) =>
      i % 2 === 1
        ? h('a', { href: part, target: '_blank', rel: 'noopener noreferrer', class: 'wrap' }, part)
        : part,
    )
