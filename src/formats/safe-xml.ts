/**
 * @module
 * Parsing XML a client sent, the way src/discovery/autoconfig-xml.ts reads untrusted files:
 * any DTD or entity declaration is refused before parsing (XXE, billion laughs), the document
 * must be well-formed, and the parser expands no entities.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'

/** Markup that declares a DTD or entities. */
const FORBIDDEN = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i

export type SafeXml = { ok: true; tree: unknown } | { ok: false; reason: 'forbidden' | 'malformed' }

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
})

/**
 * Parses a small XML document or says why not. Text values keep their escapes (&amp; …):
 * decode them with `decodeXmlText`.
 *
 * @example
 * parseSafeXml('<a><b>1</b></a>') // { ok: true, tree: { a: { b: '1' } } }
 * parseSafeXml('<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>') // { ok: false, reason: 'forbidden' }
 */
export const parseSafeXml = (xml: string): SafeXml => {
  const source = xml.replace(/^\uFEFF/, '')
  if (FORBIDDEN.test(source)) return { ok: false, reason: 'forbidden' }
  try {
    if (XMLValidator.validate(source) !== true) return { ok: false, reason: 'malformed' }
    return { ok: true, tree: parser.parse(source) }
  } catch {
    // The parser's own failures (a stack overflow on absurd nesting, say) are just bad XML.
    return { ok: false, reason: 'malformed' }
  }
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/**
 * Decodes the five XML escapes and numeric character references in a text value.
 * @example
 * decodeXmlText('a&amp;b&#39;') // "a&b'"
 */
export const decodeXmlText = (value: string): string =>
  value.replace(/&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});/gi, (whole, name: string) => {
    const lower = name.toLowerCase()
    if (lower in NAMED) return NAMED[lower] ?? whole
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
