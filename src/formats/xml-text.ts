/**
 * @module
 * Escaping for text and attribute values in the XML this service writes.
 */

// Characters XML 1.0 does not allow at all (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/F).
// eslint-disable-next-line no-control-regex -- matching them is the point
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/gu

/**
 * Escapes `&`, `<`, `>`, `"` and `'` and replaces characters XML cannot hold with U+FFFD.
 *
 * @example
 * escapeXml(`a&b<'c'>`) // 'a&amp;b&lt;&apos;c&apos;&gt;'
 */
export const escapeXml = (text: string): string =>
  text
    .replace(INVALID_XML, '\ufffd')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')

/**
 * One element with escaped text content, or '' when the value is empty.
 * @example
 * element('Server', 'imap.qq.com') // '<Server>imap.qq.com</Server>'
 */
export const element = (name: string, value: string | number): string =>
  value === '' ? '' : `<${name}>${escapeXml(String(value))}</${name}>`
