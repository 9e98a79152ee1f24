/**
 * @module
 * Importer for the fact snapshots in data/sources/*.json: domains, MX suffixes and servers taken
 * by hand from a public project's provider list (FairEmail, mutt-wizard, Nylas sync-engine, K-9, and
 * the ISPDB files outside the shared snapshot), with that project's commit, path and licence. Only
 * facts are kept there, never the upstream file.
 */
import { z } from 'zod'
import type { Draft } from './merge.ts'
import type { Imported, ProviderPatch, ServerInput, SourceName } from './types.ts'
import { PROTOCOLS } from '../../src/model/domain.ts'

/** `host:port` or `host:port/security`; without a security the port decides (the port rule). */
const SERVER =
  /^([a-z0-9.-]+|imap\.%EMAILDOMAIN%|smtp\.%EMAILDOMAIN%):(\d+)(?:\/(tls|starttls|none))?$/

const Entry = z.object({
  id: z.string().optional(),
  name: z.string(),
  domains: z.array(z.string()).default([]),
  mx: z.array(z.string()).default([]),
  username: z.enum(['local', 'address']).default('address'),
  imap: z.array(z.string().regex(SERVER)).default([]),
  pop3: z.array(z.string().regex(SERVER)).default([]),
  smtp: z.array(z.string().regex(SERVER)).default([]),
  /**
   * Where this entry was read when it is not the file's `source` commit and path: the ISPDB files
   * outside the snapshot each sit at their own commit (a pull request's branch, or the last commit
   * before the file was removed).
   */
  commit: z
    .string()
    .regex(/^[0-9a-f]{40}$/)
    .optional(),
  path: z.string().optional(),
  /** Why this entry is not in the upstream snapshot (the pull request or issue that says so). */
  detail: z.string().optional(),
})

const Snapshot = z.object({
  source: z.object({
    key: z.enum(['fairemail', 'muttwizard', 'k9', 'nylas', 'ispdbextra']),
    name: z.string(),
    repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
    commit: z.string().regex(/^[0-9a-f]{40}$/),
    path: z.string(),
    licence: z.string(),
    read: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    note: z.string(),
  }),
  fixes: z.array(z.string()).default([]),
  omitted: z.array(z.string()).default([]),
  entries: z.array(Entry),
})

/**
 * Snapshots whose facts alone are weak: mutt-wizard is a community CSV without a security column,
 * K-9's providers.xml is the legacy list it kept before autoconfig, the Nylas list is archived
 * upstream. FairEmail is maintained and links most providers' pages.
 */
const WEAK: ReadonlySet<SourceName> = new Set(['muttwizard', 'k9', 'nylas'])

/**
 * Marks `low` the entries that only weak snapshots name (no other source set any field), so their
 * answers carry the "unverified" hint. Entries another source backs keep that source's confidence.
 */
export const markWeakOnly = (drafts: readonly Draft[]): void => {
  for (const d of drafts) {
    const sources = new Set([...d.setBy.values()].map((r) => r.source))
    if (d.patch.confidence === undefined && [...sources].every((s) => WEAK.has(s))) {
      d.patch.confidence = 'low'
    }
  }
}

const IMPLICIT_TLS = new Set([993, 995, 465])

const parseServer = (text: string, key: SourceName, local: boolean): ServerInput => {
  const [, host = '', port = '0', security] = SERVER.exec(text) ?? []
  const n = Number(port)
  return {
    host,
    port: n,
    security: (security as ServerInput['security']) ?? (IMPLICIT_TLS.has(n) ? 'tls' : 'starttls'),
    username: local ? '%EMAILLOCALPART%' : '%EMAILADDRESS%',
    source: key,
  }
}

/**
 * The reference an entry cites: project, repository at the commit, path and entry, with the
 * licence (src/providers/data-sources.ts turns it into a data source with its address). An ISPDB
 * file outside the snapshot is cited at the commit the entry was read, with why it is outside.
 */
export const snapshotRef = (
  s: z.infer<typeof Snapshot>['source'],
  entry: string,
  at: Pick<z.infer<typeof Entry>, 'commit' | 'path' | 'detail'> = {},
): string => {
  if (s.key === 'ispdbextra') {
    const detail = [at.detail, `${s.licence}; facts only, file not copied`].filter(Boolean)
    return `ISPDB-extra ${s.repo}@${at.commit ?? s.commit} ${at.path ?? s.path} (${detail.join('; ')})`
  }
  return s.key === 'fairemail'
    ? `FairEmail ${s.repo}@${s.commit} ${s.path} provider '${entry}' (${s.licence}; facts only, file not copied)`
    : `${s.name.split(' ')[0]} ${s.repo}@${s.commit} ${s.path} entry '${entry}' (${s.licence}; facts only, file not copied)`
}

/** Parses one snapshot file's text into records, one per entry. */
export const parseSnapshot = (json: string, ref: string): Imported => {
  const snap = Snapshot.parse(JSON.parse(json))
  const { source } = snap
  const key = source.key
  const records = snap.entries.map((e) => {
    const servers: NonNullable<ProviderPatch['servers']> = {}
    for (const protocol of PROTOCOLS) {
      const list = e[protocol].map((s) => parseServer(s, key, e.username === 'local'))
      if (list.length) servers[protocol] = list
    }
    const data: ProviderPatch = {
      name: { en: e.name },
      domains: e.domains,
      mx: e.mx,
      servers,
      lastChecked: source.read.slice(0, 7),
      sources: [snapshotRef(source, e.name, e)],
    }
    const id = (e.id ?? e.name).toLowerCase()
    return { source: key, ref: `${ref}#${e.name}`, id, data }
  })
  return {
    records,
    fixes: snap.fixes.map((what) => ({ ref, what })),
    skipped: snap.omitted.map((what) => ({ ref, what: `left out: ${what}` })),
  }
}
