/**
 * @module
 * Merges source records into provider entries. Records are applied in precedence order
 * (overlay, research, ISPDB, Delta Chat, MailCore2); the first value set wins and every later
 * source that disagrees is recorded as a conflict.
 */
import { isHostName, normalizeDomain } from '../../src/providers/index.ts'
import {
  SOURCE_RANK,
  SOURCE_REASON,
  type ProviderPatch,
  type ServerInput,
  type SourceRecord,
} from './types.ts'
import { PROTOCOLS, type Protocol } from '../../src/model/domain.ts'

export interface Conflict {
  provider: string
  field: string
  kept: { ref: string; value: string }
  dropped: { ref: string; value: string }
  reason: string
}

export interface Draft {
  id: string
  refs: string[]
  /** Only the overlay has touched it so far: later records with the same id join it. */
  overlayOnly: boolean
  patch: ProviderPatch & { servers: Partial<Record<Protocol, ServerInput[]>> }
  /** Which record set each single-valued field or server list. */
  setBy: Map<string, SourceRecord>
  domains: string[]
  mx: string[]
}

const SINGLE = [
  'name',
  'credential',
  'oauth2',
  'status',
  'enable',
  'website',
  'lastChecked',
  'confidence',
  'clientAccess',
  'domainSuffixes',
  'accountId',
] as const
/** Single-valued fields whose disagreements are worth a line in the report. */
const REPORTED = new Set<string>(['credential', 'status'])

const serverKey = (s: ServerInput, domain: string) =>
  `${s.host.replaceAll('%EMAILDOMAIN%', domain)}:${s.port}/${s.security}` +
  (s.username && s.username !== '%EMAILADDRESS%' ? ` user ${s.username}` : '')

const why = (kept: SourceRecord, dropped: SourceRecord) =>
  kept.source === dropped.source
    ? `same source; the first file wins`
    : `${kept.source} outranks ${dropped.source}: ${SOURCE_REASON[kept.source]}`

/**
 * The draft a record joins: the owner of its first (primary) name, else a draft owning at least
 * half of its names. So a record listing one regional alias does not swallow a whole provider.
 */
const ownerOf = (names: string[], owners: Map<string, Draft>): Draft | undefined => {
  const primary = names[0] && owners.get(names[0])
  if (primary) return primary
  const tally = new Map<Draft, number>()
  for (const n of names) {
    const o = owners.get(n)
    if (o) tally.set(o, (tally.get(o) ?? 0) + 1)
  }
  const [best] = [...tally].sort((a, b) => b[1] - a[1])
  return best && best[1] * 2 >= names.length ? best[0] : undefined
}

/** Merges records (any order) into drafts; returns them with the conflicts found. */
export const mergeRecords = (
  records: SourceRecord[],
): { drafts: Draft[]; conflicts: Conflict[] } => {
  const sorted = [...records].sort((a, b) => SOURCE_RANK[a.source] - SOURCE_RANK[b.source])
  const drafts = new Map<string, Draft>()
  const domainOwner = new Map<string, Draft>()
  const mxOwner = new Map<string, Draft>()
  const conflicts: Conflict[] = []
  const conflict = (
    d: Draft,
    field: string,
    kept: SourceRecord,
    keptValue: string,
    rec: SourceRecord,
    value: string,
  ) =>
    conflicts.push({
      provider: d.id,
      field,
      kept: { ref: kept.ref, value: keptValue },
      dropped: { ref: rec.ref, value },
      reason: why(kept, rec),
    })

  for (const rec of sorted) {
    const domains = (rec.data.domains ?? []).map(normalizeDomain).filter(isHostName)
    const mx = (rec.data.mx ?? []).map(normalizeDomain).filter(isHostName)
    const byId = drafts.get(rec.id)
    let target = byId?.overlayOnly ? byId : undefined
    target ??= ownerOf(domains, domainOwner)
    target ??= ownerOf(mx, mxOwner)
    if (!target) {
      const slug = rec.id
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^[^a-z0-9]+/, '')
      const id = drafts.has(slug) ? `${slug}-${rec.source}` : slug
      target = {
        id,
        refs: [],
        overlayOnly: rec.source === 'overlay',
        patch: { servers: {} },
        setBy: new Map(),
        domains: [],
        mx: [],
      }
      drafts.set(id, target)
    }
    const d = target
    d.refs.push(rec.ref)
    if (rec.source !== 'overlay') d.overlayOnly = false

    for (const [list, owners, field] of [
      [domains, domainOwner, 'domains'],
      [mx, mxOwner, 'mx'],
    ] as const) {
      for (const name of list) {
        const owner = owners.get(name)
        if (!owner) {
          owners.set(name, d)
          d[field].push(name)
        } else if (owner !== d) {
          const kept = owner.setBy.get(`${field}:${name}`)
          conflict(d, field, kept ?? rec, `${name} → ${owner.id}`, rec, `${name} → ${d.id}`)
        }
        if (!owner) d.setBy.set(`${field}:${name}`, rec)
      }
    }

    for (const field of SINGLE) {
      const value = rec.data[field]
      if (value === undefined) continue
      const setter = d.setBy.get(field)
      if (!setter) {
        Object.assign(d.patch, { [field]: value })
        d.setBy.set(field, rec)
      } else if (REPORTED.has(field) && JSON.stringify(d.patch[field]) !== JSON.stringify(value)) {
        conflict(d, field, setter, String(d.patch[field]), rec, String(value))
      }
    }

    for (const protocol of PROTOCOLS) {
      const list = rec.data.servers?.[protocol]
      if (!list?.length) continue
      const setter = d.setBy.get(`servers.${protocol}`)
      const current = d.patch.servers[protocol]
      if (!setter || !current) {
        d.patch.servers[protocol] = list
        d.setBy.set(`servers.${protocol}`, rec)
        continue
      }
      const domain = domains[0] ?? d.domains[0] ?? 'example.com'
      const keptKeys = new Set(current.map((s) => serverKey(s, domain)))
      const theirs = list.map((s) => serverKey(s, domain))
      if (theirs.some((k) => !keptKeys.has(k))) {
        conflict(d, `servers.${protocol}`, setter, [...keptKeys].join(', '), rec, theirs.join(', '))
      }
    }

    const p = d.patch
    p.hints = [...(p.hints ?? []), ...(rec.data.hints ?? [])].filter(
      (h, i, all) => all.findIndex((o) => o.text.en === h.text.en) === i,
    )
    p.notes = [...new Set([...(p.notes ?? []), ...(rec.data.notes ?? [])])]
    p.sources = [...new Set([...(p.sources ?? []), ...(rec.data.sources ?? [])])]
    if (!p.unverified?.length && rec.data.unverified?.length) p.unverified = rec.data.unverified
  }
  return { drafts: [...drafts.values()], conflicts }
}
