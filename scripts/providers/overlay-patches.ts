/**
 * @module
 * The curated overlay (data/providers-overlay.yaml): partial entries keyed by `id` that win
 * every conflict. Only the fields an entry names are applied; the rest come from the sources.
 */
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { ProviderObjectSchema } from '../../src/providers/index.ts'
import type { Imported, ProviderPatch, SourceRecord } from './types.ts'
import { PROTOCOLS } from '../../src/model/domain.ts'

const PatchSchema = ProviderObjectSchema.partial().extend({ id: ProviderObjectSchema.shape.id })
const Entries = z.union([
  z.array(z.record(z.string(), z.unknown())),
  z.object({ providers: z.array(z.record(z.string(), z.unknown())) }).transform((o) => o.providers),
])

/** Parses and validates the overlay text; throws naming the entry and field on a mistake. */
export const parseOverlayPatches = (text: string, ref: string): Imported => {
  const entries = Entries.parse(parseYaml(text))
  const records: SourceRecord[] = entries.map((entry, i) => {
    const result = PatchSchema.safeParse(entry)
    if (!result.success) {
      const issue = result.error.issues[0]
      throw new Error(
        `${ref}: entry ${i} (${String(entry.id)}): ${issue?.path.join('.')}: ${issue?.message}`,
      )
    }
    const parsed = result.data
    const data: ProviderPatch = {}
    for (const key of Object.keys(entry)) {
      if (key === 'id' || key === 'servers' || !(key in parsed)) continue
      Object.assign(data, { [key]: parsed[key as keyof typeof parsed] })
    }
    const rawServers = z.record(z.string(), z.unknown()).safeParse(entry.servers).data
    if (rawServers && parsed.servers) {
      data.servers = {}
      for (const protocol of PROTOCOLS) {
        if (protocol in rawServers) {
          data.servers[protocol] = parsed.servers[protocol].map((s) => ({
            ...s,
            source: s.source ?? 'overlay',
          }))
        }
      }
    }
    data.sources = [...(parsed.sources ?? []), 'mailsetup curated overlay']
    return { source: 'overlay', ref: `${ref}#${parsed.id}`, id: parsed.id, data }
  })
  return { records, fixes: [], skipped: [] }
}
