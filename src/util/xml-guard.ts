/**
 * @module
 * What every parser of untrusted XML here shares: markup that declares a DTD or entities is
 * refused before parsing (XXE, billion laughs), and text values are decoded by hand (the five
 * XML escapes and numeric references) because the parsers expand no entities at all.
 */

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
