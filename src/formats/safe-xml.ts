/**
 * @module
 * Parsing XML a client sent, the way src/discovery/autoconfig-xml.ts reads untrusted files:
 * any DTD or entity declaration is refused before parsing (XXE, billion laughs), the document
 * must be well-formed, and the parser expands no entities.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { forbiddenDeclaration } from '../util/xml-guard.ts'

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
 * decode them with `decodeXmlText` (util/xml-guard.ts).
 *
 * @example
 * parseSafeXml('<a><b>1</b></a>') // { ok: true, tree: { a: { b: '1' } } }
 * parseSafeXml('<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>') // { ok: false, reason: 'forbidden' }
 */
export const parseSafeXml = (xml: string): SafeXml => {
  const source = xml.replace(/^\uFEFF/, '')
  if (forbiddenDeclaration(source)) return { ok: false, reason: 'forbidden' }
  try {
    if (XMLValidator.validate(source) !== true) return { ok: false, reason: 'malformed' }
    return { ok: true, tree: parser.parse(source) }
  } catch {
    // The parser's own failures (a stack overflow on absurd nesting, say) are just bad XML.
    return { ok: false, reason: 'malformed' }
  }
}
