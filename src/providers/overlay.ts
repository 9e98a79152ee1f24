/**
 * @module
 * The operator overlay (MAILSETUP_PROVIDERS_FILE): a JSON or YAML list of provider entries in
 * the same model, validated at start. A bad file throws an error naming file, entry and field.
 * Runtime-neutral: overlay-text.ts parses a file's text (YAML: kept apart, so that a start
 * without a file does not load the parser), overlay-file-node.ts reads the file on Node.
 */
import * as z from 'zod'
import { ProviderSchema, type Provider } from './schema.ts'

/** Thrown for an unreadable or invalid providers file; `code` is stable, `message` names it all. */
export class ProvidersFileError extends Error {
  override readonly name = 'ProvidersFileError'
  readonly code = 'PROVIDERS_FILE_INVALID'
}

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
