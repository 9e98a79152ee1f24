/**
 * @module
 * Answers that differ between the addresses of one domain only by the local part: built once
 * for a stand-in address, kept as the text around each place the stand-in's local part
 * appears, and filled in with the asker's local part on the way out.
 */

/**
 * The stand-in local part. `+` and `'` make its raw form and its form-urlencoded form
 * (URLSearchParams, as in the autoconfig URLs) differ from each other and from
 * encodeURIComponent's; the capitals catch any step that changes case. A rendering that shows
 * it in any other form is not a template ({@link toTemplate} returns null).
 */
export const STAND_IN_LOCAL_PART = "Mailsetup+StandIn'7q"

const STAND_IN_CORE = /standin/i

/** The local part as `application/x-www-form-urlencoded` writes it (URLSearchParams). */
const formEncoded = (localPart: string) => new URLSearchParams({ x: localPart }).toString().slice(2)

export interface LocalPartTemplate {
  /** The text between the local part's places: one more than `forms`. */
  parts: readonly string[]
  /** How the local part is written at each place. */
  forms: readonly ('raw' | 'form-encoded')[]
}

/**
 * Splits `text`, rendered for {@link STAND_IN_LOCAL_PART}, at each place the stand-in shows
 * (raw or form-urlencoded, each passed through `escape`, the rendering's own escaping). Null
 * when the stand-in also shows in some other form: such a rendering cannot be filled in safely.
 *
 * @example
 * const t = toTemplate(JSON.stringify({ email: `${STAND_IN_LOCAL_PART}@qq.com` }), escapeJson)
 * fillTemplate(t!, 'ann', escapeJson) // '{"email":"ann@qq.com"}'
 */
export const toTemplate = (
  text: string,
  escape: (value: string) => string,
): LocalPartTemplate | null => {
  const raw = escape(STAND_IN_LOCAL_PART)
  const encoded = escape(formEncoded(STAND_IN_LOCAL_PART))
  const parts: string[] = []
  const forms: ('raw' | 'form-encoded')[] = []
  let at = 0
  for (;;) {
    const nextRaw = text.indexOf(raw, at)
    const nextEncoded = text.indexOf(encoded, at)
    if (nextRaw === -1 && nextEncoded === -1) break
    const isRaw = nextEncoded === -1 || (nextRaw !== -1 && nextRaw < nextEncoded)
    const index = isRaw ? nextRaw : nextEncoded
    parts.push(text.slice(at, index))
    forms.push(isRaw ? 'raw' : 'form-encoded')
    at = index + (isRaw ? raw : encoded).length
  }
  parts.push(text.slice(at))
  return parts.some((part) => STAND_IN_CORE.test(part)) ? null : { parts, forms }
}

/**
 * The template with `localPart` at each place, escaped as the rendering escapes text.
 * @example
 * fillTemplate(template, "o'brien", (s) => JSON.stringify(s).slice(1, -1))
 */
export const fillTemplate = (
  template: LocalPartTemplate,
  localPart: string,
  escape: (value: string) => string,
): string => {
  const raw = escape(localPart)
  let encoded: string | undefined
  let out = template.parts[0] ?? ''
  for (let i = 0; i < template.forms.length; i++) {
    const value = template.forms[i] === 'raw' ? raw : (encoded ??= escape(formEncoded(localPart)))
    out += value + (template.parts[i + 1] ?? '')
  }
  return out
}

/** JSON string escaping without the quotes, for {@link toTemplate} over JSON text. */
export const escapeJsonText = (value: string): string => JSON.stringify(value).slice(1, -1)
