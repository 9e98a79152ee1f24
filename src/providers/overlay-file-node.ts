/**
 * @module
 * Reads the operator's providers file (MAILSETUP_PROVIDERS_FILE) on Node.
 */
import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { type Provider } from './schema.ts'
import { ProvidersFileError } from './overlay.ts'
import { parseProvidersText } from './overlay-text.ts'

/**
 * Reads and validates a providers file, JSON or YAML by extension (.json, .yaml, .yml).
 *
 * @example
 * loadOverlayFile('/etc/mailsetup/providers.yaml') // Provider[]
 * // throws ProvidersFileError:
 * // "providers file /x/y.yaml: entry 2 (acme): servers.imap.0.port: expected number, received string"
 */
export const loadOverlayFile = (path: string): Provider[] => {
  const label = `providers file ${path}`
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    throw new ProvidersFileError(`${label}: cannot read (${reason})`, { cause: err })
  }
  return parseProvidersText(text, extname(path).toLowerCase(), label)
}
