/**
 * @module
 * The text of a providers file (MAILSETUP_PROVIDERS_FILE), JSON or YAML, parsed and validated.
 * Apart from overlay.ts so that the YAML parser is loaded only when a file is given.
 */
import { parse as parseYaml } from 'yaml'
import { ProvidersFileError, parseProviders } from './overlay.ts'
import type { Provider } from './schema.ts'

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err))

/**
 * Parses and validates the text of a providers file, JSON or YAML by its extension.
 * @example
 * parseProvidersText(text, '.yaml', 'providers file /etc/mailsetup/providers.yaml')
 */
export const parseProvidersText = (text: string, ext: string, label: string): Provider[] => {
  let data: unknown
  try {
    if (ext === '.json') data = JSON.parse(text)
    else if (ext === '.yaml' || ext === '.yml') data = parseYaml(text)
    else throw new Error(`unknown extension "${ext}", expected .json, .yaml or .yml`)
  } catch (err) {
    throw new ProvidersFileError(`${label}: ${messageOf(err)}`, { cause: err })
  }
  return parseProviders(data, label)
}
