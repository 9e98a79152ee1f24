/**
 * @module
 * Comma-separated lists as configuration and HTTP headers write them.
 */

/**
 * The entries of a comma-separated list, trimmed, empty ones dropped.
 * @example
 * splitCommaList(' 10.0.0.0/8, ,fd00::/8 ') // ['10.0.0.0/8', 'fd00::/8']
 * splitCommaList(undefined)                 // []
 */
export const splitCommaList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
