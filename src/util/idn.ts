/**
 * @module
 * IDN to punycode with the WHATWG URL parser, which every runtime has (node:url's
 * domainToASCII would tie the core to Node).
 */

/**
 * Returns the ASCII (punycode) form of a host name, or '' when it is not a usable name.
 * @example
 * toAsciiDomain('Bücher.Example') // 'xn--bcher-kva.example'
 */
export const toAsciiDomain = (name: string): string => {
  if (/[/?#@:\\\s%[\]]/.test(name)) return ''
  try {
    return new URL(`http://${name}/`).hostname
  } catch {
    return ''
  }
}
