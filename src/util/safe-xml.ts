/**
 * @module
 * The one parser for untrusted XML (a domain's autoconfig file, the Autodiscover request a client
 * POSTs): markup that declares a DTD or entities is refused before parsing (XXE, billion laughs),
 * the document must be well-formed, and the parser expands no entities at all; text values are
 * decoded by hand (the five XML escapes and numeric references) with `decodeXmlText`.
 * fast-xml-parser is imported on the first parse: with its entity tables it was about 4.5 MB of
 * an idle start's memory, for documents only discovery and Autodiscover ever read.
 */
import type { XMLParser } from 'fast-xml-parser'
import { onFirstUse } from './on-first-use.ts'

const loadParserModule = onFirstUse(() => import('fast-xml-parser'))

const FORBIDDEN = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i

/**
 * The forbidden declaration in `xml` (DOCTYPE, ENTITY, …), or null when there is none.
 * @example
 * forbiddenDeclaration('<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a/>') // 'DOCTYPE'
 */
export const forbiddenDeclaration = (xml: string): string | null => FORBIDDEN.exec(xml)?.[1] ?? null

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
    const code = lower.startsWith('#x')
      ? parseInt(lower.slice(2), 16)
      : parseInt(lower.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })

export type SafeXml =
  | { ok: true; tree: unknown }
  /** `detail` names the declaration (forbidden) or the parser's complaint (malformed). */
  | { ok: false; reason: 'forbidden' | 'malformed'; detail: string }

export interface SafeXmlOptions {
  /** Keep attributes, as `@_name` keys (default: dropped). */
  attributes?: boolean
  /** Read `ns:Name` as `Name` (default: kept as written). */
  removeNSPrefix?: boolean
  /** Element names always read as arrays, even when they occur once. */
  arrays?: readonly string[]
}

/**
 * A parser for small untrusted documents, built once per shape (on its first document). Text
 * values keep their escapes (&amp; …): decode them with `decodeXmlText`.
 *
 * @example
 * const parse = createSafeXmlParser({ removeNSPrefix: true })
 * await parse('<a><b>1</b></a>') // { ok: true, tree: { a: { b: '1' } } }
 * await parse('<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>') // { ok: false, reason: 'forbidden', detail: 'DOCTYPE' }
 */
export const createSafeXmlParser = (options: SafeXmlOptions = {}) => {
  const arrays = new Set(options.arrays ?? [])
  const build = (Parser: typeof XMLParser) =>
    new Parser({
      ignoreAttributes: !options.attributes,
      attributeNamePrefix: '@_',
      removeNSPrefix: options.removeNSPrefix ?? false,
      processEntities: false,
      htmlEntities: false,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      isArray: (name) => arrays.has(name),
    })
  let parser: XMLParser | undefined
  return async function parseSafeXml(xml: string): Promise<SafeXml> {
    const source = xml.replace(/^\uFEFF/, '')
    const forbidden = forbiddenDeclaration(source)
    if (forbidden) return { ok: false, reason: 'forbidden', detail: forbidden }
    const { XMLParser, XMLValidator } = await loadParserModule()
    parser ??= build(XMLParser)
    try {
      const valid = XMLValidator.validate(source)
      if (valid !== true)
        return {
          ok: false,
          reason: 'malformed',
          detail: `${valid.err.msg} (line ${valid.err.line})`,
        }
      return { ok: true, tree: parser.parse(source) }
    } catch (err) {
      // The parser's own failures (a stack overflow on absurd nesting, say) are just bad XML.
      return {
        ok: false,
        reason: 'malformed',
        detail: err instanceof Error ? err.message : 'unparseable',
      }
    }
  }
}
