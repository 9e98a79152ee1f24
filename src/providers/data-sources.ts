/**
 * @module
 * The data sources behind a provider entry, worded for the people who read the API: which
 * database or page a fact comes from, its address and its licence. The entries keep short
 * references (`ISPDB thunderbird/autoconfig ispdb/163.com.xml`); this turns each into a
 * `DataSource`. The licences are credited in README.md ("Provider data").
 */
import * as z from 'zod'
import { ProviderObjectSchema, type Provider } from './schema.ts'
import { ViewServersSchema, viewServers } from './view-servers.ts'

export const DataSourceSchema = z
  .object({
    name: z.string(),
    url: z.string().optional(),
    licence: z.string().optional(),
    /** What this source says or which part of it, when the reference names it. */
    detail: z.string().optional(),
  })
  .strict()

export type DataSource = z.infer<typeof DataSourceSchema>

/**
 * A provider as `GET /api/v1/providers/{domain}` answers it: its sources as `DataSource`s, its
 * servers with the username form a user types (view-servers.ts), and without the maintainers'
 * `notes` (written for whoever curates the data, often about another app's behaviour, never for
 * the people who read the answer).
 */
export const ProviderViewSchema = ProviderObjectSchema.omit({ notes: true }).extend({
  servers: ViewServersSchema,
  sources: z.array(DataSourceSchema),
})

export type ProviderView = z.infer<typeof ProviderViewSchema>

// The snapshots data/README and docs/providers-conflicts.md name (shared/data/*/SOURCE.md).
const ISPDB_COMMIT = 'c6ad79659b5fc321d1593ec4c277815b83e5dec5'
const DELTACHAT_COMMIT = '5c14381dcfd97827fc966a40e51f720380767530'
const MAILCORE2_COMMIT = '8f0923db493ad8fc3e0f33fd0c70f3633e8787a7'

const detailOf = (rest: string | undefined) => {
  const text = rest?.trim().replace(/^\((.*)\)$/, '$1')
  return text ? { detail: text } : {}
}

type Rule = [RegExp, (m: RegExpExecArray) => DataSource]

/** The projects whose provider lists data/sources/*.json keeps facts of, by the word refs start with. */
const SNAPSHOT_NAMES: Readonly<Record<string, string>> = {
  'mutt-wizard': 'mutt-wizard',
  'K-9': 'K-9 Mail (Thunderbird for Android)',
  Nylas: 'Nylas sync-engine',
}

const RULES: readonly Rule[] = [
  [
    /^ISPDB thunderbird\/autoconfig(?:@([0-9a-f]+))? (ispdb\/\S+)(?: (.*))?$/,
    (m) => ({
      name: 'Thunderbird ISPDB (Mozilla autoconfig database)',
      url: `https://github.com/thunderbird/autoconfig/blob/${m[1] ?? ISPDB_COMMIT}/${m[2]}`,
      licence: 'MPL-2.0',
      ...detailOf(m[3]),
    }),
  ],
  [
    // A file of the ISPDB repository that the snapshot does not hold (data/sources/ispdb-extra.json):
    // a provider's own pull request, or a file removed upstream; the detail says which.
    /^ISPDB-extra thunderbird\/autoconfig@([0-9a-f]{40}) (ispdb\/\S+) \((.*); MPL-2\.0; facts only, file not copied\)$/,
    (m) => ({
      name: 'Thunderbird autoconfig repository, a file outside ISPDB',
      url: `https://github.com/thunderbird/autoconfig/blob/${m[1]}/${m[2]}`,
      licence: 'MPL-2.0 (facts only; nothing copied)',
      detail: m[3] ?? '',
    }),
  ],
  [
    /^DeltaChat deltachat\/provider-db(?:@([0-9a-f]+))? (_providers\/\S+)(?: (.*))?$/,
    (m) => ({
      name: 'Delta Chat provider database (provider-db)',
      url: `https://github.com/deltachat/provider-db/blob/${m[1] ?? DELTACHAT_COMMIT}/${m[2]}`,
      licence: 'MPL-2.0',
      ...detailOf(m[3]),
    }),
  ],
  [
    /^MailCore2 (?:MailCore\/mailcore2@([0-9a-f]+) )?resources\/providers\.json entry '([^']+)'(?: (.*))?$/,
    (m) => ({
      name: 'MailCore2 providers.json',
      url: `https://github.com/MailCore/mailcore2/blob/${m[1] ?? MAILCORE2_COMMIT}/resources/providers.json`,
      licence: 'BSD-3-Clause',
      detail: `entry '${m[2]}'${m[3] ? `; ${m[3]}` : ''}`,
    }),
  ],
  [
    /^FairEmail M66B\/FairEmail@([0-9a-f]+) (\S+) provider '([^']+)'(?: \(GPL-3\.0; facts only, file not copied\))?(?: (.*))?$/,
    (m) => ({
      name: 'FairEmail providers.xml',
      url: `https://github.com/M66B/FairEmail/blob/${m[1]}/${m[2]}`,
      licence: 'GPL-3.0 (facts only; nothing copied)',
      detail: `provider '${m[3]}'${m[4] ? `; ${m[4]}` : ''}`,
    }),
  ],
  [
    // Fact snapshots of other projects' provider lists (data/sources/*.json).
    /^(mutt-wizard|K-9|Nylas) ([\w.-]+\/[\w.-]+)@([0-9a-f]+) (\S+) entry '([^']+)' \(([^;]+); facts only, file not copied\)$/,
    (m) => ({
      name: `${SNAPSHOT_NAMES[m[1] ?? ''] ?? m[1]} ${m[4]?.split('/').pop() ?? ''}`,
      url: `https://github.com/${m[2]}/blob/${m[3]}/${m[4]}`,
      licence: `${m[6]} (facts only; nothing copied)`,
      detail: `entry '${m[5]}'`,
    }),
  ],
  [
    /^(?:\.\.\/shared\/data\/)?providers-research\.json#(\S+)(?: (.*))?$/,
    (m) => ({
      name: 'mailsetup provider research',
      detail: `entry ${m[1]}${m[2] ? ` ${m[2]}` : ''}`,
    }),
  ],
  [/^mailsetup curated overlay$/, () => ({ name: 'mailsetup curated data (data/providers)' })],
  [
    /^(https?:\/\/\S+)(?: (.*))?$/,
    (m) => ({ name: hostOf(m[1] ?? ''), url: m[1], ...detailOf(m[2]) }),
  ],
  // Prose that cites a page: the page is the source, the prose what it says.
  [/(https?:\/\/[^\s):;,]+)/, (m) => ({ name: hostOf(m[1] ?? ''), url: m[1], detail: m.input })],
]

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '').replace(/\.$/, '')
  } catch {
    return url
  }
}

/**
 * One reference as a data source; a reference no rule knows is the project's own research.
 *
 * @example
 * describeSource('ISPDB thunderbird/autoconfig ispdb/163.com.xml').licence // 'MPL-2.0'
 */
export const describeSource = (ref: string): DataSource => {
  for (const [pattern, build] of RULES) {
    const m = pattern.exec(ref.trim())
    if (m) return build(m)
  }
  return { name: 'mailsetup provider research', detail: ref }
}

/**
 * A provider with its sources described, one per distinct name and address.
 *
 * @example
 * providerView(qq).sources[0] // { name: 'mailsetup provider research', detail: 'entry qq …' }
 */
export const providerView = (p: Provider): ProviderView => {
  const seen = new Set<string>()
  const sources = p.sources.map(describeSource).filter((s) => {
    // The same file cited with and without its snapshot commit is one source.
    const key = `${s.name} ${(s.url ?? '').replace(/\/blob\/[0-9a-f]+\//, '/')} ${s.detail ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  const { notes: _maintainers, ...shown } = p
  return { ...shown, servers: viewServers(p), sources }
}
