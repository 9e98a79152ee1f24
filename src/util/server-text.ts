/**
 * @module
 * A server's reply text in readable form. RFC 5321 §4.2.1 and RFC 3501 leave the charset of
 * reply text open, and Chinese providers answer in GBK: QQ's older `535 Error: 请使用授权码登录`
 * arrives as GBK bytes, which a UTF-8 reader shows as mojibake. The probe engine's line buffer
 * reads every line with it, and the login attempts decode what their libraries read as UTF-8
 * (src/login/byte-tail.ts). Runtime-neutral: TextDecoder's
 * `gb18030` (a superset of GBK) is in Node built with full ICU (the default) and in Workers.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true })
const gbk = new TextDecoder('gb18030', { fatal: true })

/**
 * Bytes as text: UTF-8 when they are valid UTF-8, else GBK when they are valid GBK, else
 * UTF-8 with replacement characters.
 *
 * @example
 * decodeServerBytes(Uint8Array.of(0xc7, 0xeb)) // '请'
 */
export const decodeServerBytes = (bytes: Uint8Array): string => {
  try {
    return utf8.decode(bytes)
  } catch {
    try {
      return gbk.decode(bytes)
    } catch {
      return new TextDecoder('utf-8').decode(bytes)
    }
  }
}

/**
 * Text a library handed over as a "byte container" (one character per byte, as nodemailer keeps a
 * reply that is not valid UTF-8, or as a latin1 read gives it), decoded properly. Text that is
 * already decoded (it has characters above U+00FF, or its bytes are not valid GBK) is kept.
 *
 * @example
 * fromByteContainer('535 Error: \u00c7\u00eb') // '535 Error: 请'
 */
export const fromByteContainer = (text: string): string => {
  // eslint-disable-next-line no-control-regex
  if (!/[\u0080-\u00ff]/.test(text) || /[^\u0000-\u00ff]/.test(text)) return text
  const bytes = Uint8Array.from(text, (char) => char.charCodeAt(0))
  try {
    utf8.decode(bytes)
    return text // valid UTF-8 would have been decoded by the library: this is real Latin-1 text
  } catch {
    try {
      return gbk.decode(bytes)
    } catch {
      return text
    }
  }
}
