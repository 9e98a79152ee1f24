/**
 * @module
 * Importer for MailCore2 `providers.json`: domain and MX regexes plus server lists.
 * Only literal regexes (and a leading `.*\.` on MX patterns) become domains or MX suffixes.
 */
import { z } from 'zod'
import { SOURCE_SNAPSHOT, type Fix, type Imported, type ServerInput } from './types.ts'
import type { Protocol } from '../../src/model/domain.ts'

const Server = z.object({
  hostname: z.string().optional(),
  port: z.number().optional(),
  ssl: z.boolean().optional(),
  /** Implicit TLS too: MailCore2 spells it `tls` on a few entries (Apple's SMTP 465). */
  tls: z.boolean().optional(),
  starttls: z.boolean().optional(),
})
const Entry = z.object({
  'domain-match': z.array(z.string()).default([]),
  'mx-match': z.array(z.string()).default([]),
  servers: z.record(z.string(), z.array(Server)).default({}),
})
const File = z.record(z.string(), Entry)

/** Entries known to be wrong upstream, dropped with the reason shown in the report. */
export const MAILCORE2_DROPPED: Record<string, string> = {
  qq: 'maps qq.com to imap.exmail.qq.com / smtp.exmail.qq.com, the Tencent Exmail (enterprise) hosts; personal QQ Mail uses imap.qq.com / smtp.qq.com',
}

const PROTOCOL: Record<string, Protocol> = { imap: 'imap', pop: 'pop3', smtp: 'smtp' }

/** `gmail\.com` → `gmail.com`; undefined for anything that is not a plain literal. */
export const literalRegex = (re: string): string | undefined => {
  const unescaped = re.replace(/\\\./g, '.')
  return /^[a-z0-9.-]+$/i.test(unescaped) && !/[^\\]\.\*/.test(re)
    ? unescaped.toLowerCase()
    : undefined
}

const mxSuffix = (re: string) => literalRegex(re.replace(/^\.\*\\\./, ''))

/** Parses the whole providers.json text into records, one per usable entry. */
export const parseMailcore2 = (json: string, ref: string): Imported => {
  const file = File.parse(JSON.parse(json))
  const fixes: Fix[] = []
  const skipped: Fix[] = []
  const records = Object.entries(file).flatMap(([id, entry]) => {
    const where = `${ref}#${id}`
    if (MAILCORE2_DROPPED[id]) {
      fixes.push({ ref: where, what: `entry dropped: ${MAILCORE2_DROPPED[id]}` })
      return []
    }
    const domains: string[] = []
    for (const re of entry['domain-match']) {
      const d = literalRegex(re)
      if (d) domains.push(d)
      else skipped.push({ ref: where, what: `domain regex /${re}/ is not a literal domain` })
    }
    const mx: string[] = []
    for (const re of entry['mx-match']) {
      const m = mxSuffix(re)
      if (m) mx.push(m)
      else skipped.push({ ref: where, what: `MX regex /${re}/ is not a literal host suffix` })
    }
    if (!domains.length && !mx.length) {
      skipped.push({
        ref: where,
        what: 'no literal domain or MX pattern (template or fallback entry)',
      })
      return []
    }
    const servers: Partial<Record<Protocol, ServerInput[]>> = {}
    for (const [kind, list] of Object.entries(entry.servers)) {
      const protocol = PROTOCOL[kind]
      if (!protocol) continue
      for (const s of list) {
        if (!s.hostname || !s.port) continue
        ;(servers[protocol] ??= []).push({
          host: s.hostname.replace('{domain}', '%EMAILDOMAIN%'),
          port: s.port,
          security: s.ssl || s.tls ? 'tls' : s.starttls ? 'starttls' : 'none',
          source: 'mailcore2',
        })
      }
    }
    return [
      {
        source: 'mailcore2' as const,
        ref: where,
        id,
        data: {
          name: { en: id },
          domains,
          mx,
          servers,
          lastChecked: SOURCE_SNAPSHOT.mailcore2,
          sources: [`MailCore2 resources/providers.json entry '${id}'`],
        },
      },
    ]
  })
  return { records, fixes, skipped }
}
