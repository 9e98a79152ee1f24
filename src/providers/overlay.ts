/**
 * @module
 * The operator overlay (MAILSETUP_PROVIDERS_FILE): a JSON or YAML list of provider entries in
 * the same model, validated at start. A bad file throws an error naming file, entry and field.
 * Runtime-neutral: overlay-file-node.ts reads the file on Node.
 */
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { ProviderSchema, type Provider } from './schema.ts'

/** Thrown for an unreadable or invalid providers file; `code` is stable, `message` names it all. */
export class ProvidersFileError extends Error {
  override readonly name = 'ProvidersFileError'
  readonly code = 'PROVIDERS_FILE_INVALID'
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err))

const idOf = (entry: unknown): string => {
  const id = z.object({ id: z.string() }).safeParse(entry)
  return id.success ? id.data.id : '?'
}

/**
 * Validates already-parsed data: a list of entries, or `{ providers: [...] }`.
 * `label` starts every error message (the loader passes `providers file <path>`).
 */
export const parseProviders = (data: unknown, label: string): Provider[] => {
  const list = Array.isArray(data)
    ? data
    : z.object({ providers: z.array(z.unknown()) }).safeParse(data).data?.providers
  if (!list) throw new ProvidersFileError(`${label}: expected a list of providers`)
  const seen = new Set<string>()
  return list.map((entry, i) => {
    const result = ProviderSchema.safeParse(entry)
    if (!result.success) {
      const issue = result.error.issues[0]
      const field = issue?.path.length ? issue.path.join('.') : '(entry)'
      const message = (issue?.message ?? 'invalid').replace(/^Invalid input: /, '')
      throw new ProvidersFileError(`${label}: entry ${i} (${idOf(entry)}): ${field}: ${message}`)
    }
    if (seen.has(result.data.id)) {
      throw new ProvidersFileError(`${label}: entry ${i} (${result.data.id}): id: duplicate id`)
    }
    seen.add(result.data.id)
    return result.data
  })
}

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
