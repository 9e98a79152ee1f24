/**
 * @module
 * Importer for the Delta Chat provider database: Markdown files with YAML front matter. Servers,
 * status, domains and dates are imported; the login hints (written for that app) are not.
 */
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { SOURCE_SNAPSHOT, type Imported, type ProviderPatch, type ServerInput } from './types.ts'

const FrontMatter = z.object({
  name: z.string(),
  status: z.enum(['OK', 'PREPARATION', 'BROKEN']),
  domains: z.array(z.string()).default([]),
  server: z
    .array(
      z.object({
        type: z.string().transform((s) => s.toLowerCase()),
        socket: z.string().transform((s) => s.toUpperCase()),
        hostname: z.string(),
        port: z.number(),
        username_pattern: z.string().optional(),
      }),
    )
    .default([]),
  oauth2: z.string().optional(),
  before_login_hint: z.string().optional(),
  after_login_hint: z.string().optional(),
  last_checked: z.union([z.string(), z.date()]).optional(),
  website: z.string().optional(),
})

const SOCKET = { SSL: 'tls', STARTTLS: 'starttls', PLAIN: 'none' } as const
const STATUS = { OK: 'ok', PREPARATION: 'preparation', BROKEN: 'broken' } as const
const APP_PASSWORD = /app(?:lication)?[- ](?:specific[- ])?password|app-password|per-app-password/i

/** Splits `---\nyaml\n---\nbody`, tolerating front matter indented by a space (ouvaton.coop.md). */
const frontMatter = (text: string): string | undefined => {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)
  if (!m?.[1]) return undefined
  const lines = m[1].split(/\r?\n/)
  const indent = Math.min(
    ...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0),
  )
  return lines.map((l) => l.slice(indent)).join('\n')
}

/** Parses one `_providers/<id>.md` file; `example.com.md` (a sample) is skipped. */
export const parseDeltaChat = (text: string, ref: string, id: string): Imported => {
  if (id === 'example.com')
    return { records: [], fixes: [], skipped: [{ ref, what: 'sample file' }] }
  const yaml = frontMatter(text)
  const parsed = FrontMatter.safeParse(yaml === undefined ? undefined : parseYaml(yaml))
  if (!parsed.success) {
    return {
      records: [],
      fixes: [],
      skipped: [{ ref, what: `unreadable front matter: ${parsed.error.issues[0]?.message}` }],
    }
  }
  const fm = parsed.data
  const skipped = fm.domains
    .filter((d) => d.includes('*'))
    .map((d) => ({ ref, what: `wildcard domain ${d} (only exact domains are indexed)` }))
  const servers: Record<'imap' | 'smtp', ServerInput[]> = { imap: [], smtp: [] }
  for (const s of fm.server) {
    if (s.type !== 'imap' && s.type !== 'smtp') continue
    servers[s.type].push({
      host: s.hostname,
      port: s.port,
      security: SOCKET[s.socket as keyof typeof SOCKET] ?? 'none',
      username: /^emaillocalpart$/i.test(s.username_pattern ?? '')
        ? '%EMAILLOCALPART%'
        : '%EMAILADDRESS%',
      source: 'deltachat',
    })
  }
  const hintText = [fm.before_login_hint, fm.after_login_hint].filter((h) => h?.trim())
  const lastChecked =
    fm.last_checked instanceof Date ? fm.last_checked.toISOString().slice(0, 7) : fm.last_checked
  const data: ProviderPatch = {
    name: { en: fm.name },
    domains: fm.domains.filter((d) => !d.includes('*')),
    servers: {
      ...(servers.imap.length ? { imap: servers.imap } : {}),
      ...(servers.smtp.length ? { smtp: servers.smtp } : {}),
    },
    status: STATUS[fm.status],
    ...(fm.oauth2 ? { oauth2: true } : {}),
    ...(hintText.some((h) => APP_PASSWORD.test(h ?? '')) && fm.status !== 'BROKEN'
      ? { credential: 'app-password' as const }
      : {}),
    lastChecked: lastChecked ? String(lastChecked) : SOURCE_SNAPSHOT.deltachat,
    ...(fm.website ? { website: fm.website } : {}),
    sources: [`DeltaChat deltachat/provider-db _providers/${id}.md`],
  }
  // The hints are written for the Delta Chat app ("to log in with Delta Chat…"), often in the
  // provider's own language: they never reach this service's users. The overlay rewrites the
  // useful ones in English and Chinese; the report lists every one left out.
  const fixes = hintText.map((h) => ({
    ref,
    what: `app-specific hint not imported: "${(h ?? '').trim().replace(/\s+/g, ' ').slice(0, 160)}"`,
  }))
  return { records: [{ source: 'deltachat', ref, id, data }], fixes, skipped }
}
