/**
 * @module
 * Shapes shared by the importers: every source becomes a list of `SourceRecord`s, partial
 * provider entries tagged with where they came from.
 */
import type { z } from 'zod'
import type { ProviderInput, ServerSpecSchema } from '../../src/providers/index.ts'
import type { Protocol } from '../../src/model/domain.ts'

/** Sources in precedence order: a lower rank wins a conflict. */
export const SOURCE_RANK = {
  overlay: 0,
  research: 1,
  ispdb: 2,
  deltachat: 3,
  ispdbextra: 4,
  fairemail: 5,
  mailcore2: 6,
  muttwizard: 7,
  k9: 8,
  nylas: 9,
} as const

export type SourceName = keyof typeof SOURCE_RANK

/** Why each source ranks where it does (printed in the conflict report). */
export const SOURCE_REASON: Record<SourceName, string> = {
  overlay: 'curated overlay (data/providers-overlay.yaml) wins every conflict',
  research: 'hand-checked research with cited sources and confidence',
  ispdb: 'Thunderbird ISPDB, maintained upstream (snapshot 2026-03)',
  deltachat: 'Delta Chat provider-db (snapshot 2024-11), tested by its users',
  ispdbextra:
    'ISPDB files outside the 2026-03 snapshot (data/sources/ispdb-extra.json): configs the providers wrote themselves, closed or removed upstream because the providers serve them at autoconfig.<domain>',
  fairemail:
    'FairEmail providers.xml facts (data/sources/fairemail.json), maintained, most entries link the provider’s page',
  mailcore2: 'MailCore2 providers.json, unchanged since 2020',
  muttwizard:
    'mutt-wizard domains.csv facts (data/sources/mutt-wizard.json), community data without a security column',
  k9: 'K-9 Mail providers.xml facts (data/sources/k9.json), the legacy list of Thunderbird for Android',
  nylas: 'Nylas sync-engine providers.py facts (data/sources/nylas.json), archived upstream',
}

/**
 * The month of each upstream snapshot (each SOURCE.md in shared/data): an entry's `lastChecked` when
 * the source gives no date of its own, i.e. "these values as that source had them then".
 */
export const SOURCE_SNAPSHOT = {
  ispdb: '2026-03',
  deltachat: '2024-11',
  mailcore2: '2020-07',
} as const

export type ServerInput = z.input<typeof ServerSpecSchema>

export type ProviderPatch = Partial<Omit<ProviderInput, 'servers'>> & {
  servers?: Partial<Record<Protocol, ServerInput[]>>
}

export interface SourceRecord {
  source: SourceName
  /** File or entry, e.g. `ispdb/163.com.xml`. */
  ref: string
  id: string
  data: ProviderPatch
}

/** A correction applied to upstream data while importing. */
export interface Fix {
  ref: string
  what: string
}

export interface Imported {
  records: SourceRecord[]
  fixes: Fix[]
  skipped: Fix[]
}
