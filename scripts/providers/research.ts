/**
 * @module
 * Importer for providers-research.json: hand-collected facts with sources and confidence.
 * Unknown ports or TLS modes are not guessed: such hosts go to `unverified`.
 */
import { z } from 'zod'
import { type Credential } from '../../src/providers/index.ts'
import type { Imported, ProviderPatch, ServerInput } from './types.ts'
import { PROTOCOLS } from '../../src/model/domain.ts'

const Server = z.object({
  host: z.string(),
  port: z.number().nullable().optional(),
  tls: z.string().nullable().optional(),
  confidence: z.string().optional(),
  note: z.string().optional(),
  region: z.string().optional(),
  family: z.string().optional(),
})
const Entry = z.object({
  id: z.string(),
  name: z.object({ en: z.string(), zh: z.string().optional() }),
  domains: z.array(z.string()).default([]),
  mx_match: z.array(z.string()).default([]),
  imap: z.array(Server).default([]),
  pop3: z.array(Server).default([]),
  smtp: z.array(Server).default([]),
  username: z.string().optional(),
  auth: z.object({
    credential: z.string(),
    oauth2: z.boolean().optional(),
    detail: z.string().optional(),
    zh: z.string().optional(),
  }),
  enable_steps: z.object({ en: z.string().optional(), zh: z.string().optional() }).optional(),
  quirks: z.array(z.string()).default([]),
  sources: z.array(z.string()).default([]),
  confidence: z.string(),
  domains_note: z.string().optional(),
  mx_note: z.string().optional(),
  international_webmail: z.array(z.string()).optional(),
})

/** Research credential words → the model's credential. */
export const RESEARCH_CREDENTIAL: Record<string, Credential> = {
  authorization_code: 'authorization-code',
  independent_password: 'authorization-code',
  password_or_client_specific_password: 'account-password',
  password_or_client_password: 'account-password',
  password_or_third_party_client_security_password: 'account-password',
  password_or_app_password: 'account-password',
  oauth2_or_app_password: 'app-password',
  app_password_or_oauth2: 'app-password',
  app_specific_password: 'app-password',
  oauth2_only: 'oauth2-only',
  oauth2: 'oauth2-only',
  unknown: 'unknown',
}

const TLS = { SSL: 'tls', STARTTLS: 'starttls', PLAIN: 'none' } as const
const CONFIDENCE = ['high', 'medium', 'low', 'none'] as const

/** "high (hosts), medium (UI paths)" → 'high'; "medium-high" → 'medium'. */
export const confidenceOf = (s: string | undefined): (typeof CONFIDENCE)[number] | undefined => {
  const word = /^(high|medium|low|none)\b/.exec(s?.trim() ?? '')?.[1]
  if (s?.startsWith('medium-high')) return 'medium'
  return CONFIDENCE.find((c) => c === word)
}

/** Parses providers-research.json text. */
export const parseResearch = (json: string, ref: string): Imported => {
  const entries = z.array(Entry).parse(JSON.parse(json))
  const skipped: Imported['skipped'] = []
  const records = entries.map((e) => {
    const where = `${ref}#${e.id}`
    const servers: NonNullable<ProviderPatch['servers']> = {}
    const unverified: NonNullable<ProviderPatch['unverified']> = []
    const credential = RESEARCH_CREDENTIAL[e.auth.credential]
    const auth: ServerInput['auth'] =
      credential === 'oauth2-only'
        ? ['oauth2']
        : e.auth.oauth2
          ? ['password', 'oauth2']
          : ['password']
    const imapLocal = /^IMAP: local part/i.test(e.username ?? '')
    for (const protocol of PROTOCOLS) {
      for (const s of e[protocol]) {
        const host = s.host.replace('{domain}', '%EMAILDOMAIN%')
        const security = s.tls ? TLS[s.tls.toUpperCase() as keyof typeof TLS] : undefined
        const note = [s.region ?? s.family, s.note].filter(Boolean).join('; ')
        if (!s.port || !security) {
          unverified.push({ protocol, host, note: note || 'port and TLS mode unknown' })
          continue
        }
        const server: ServerInput = {
          host,
          port: s.port,
          security,
          username: protocol === 'imap' && imapLocal ? '%EMAILLOCALPART%' : '%EMAILADDRESS%',
          auth,
          source: 'research',
          ...(confidenceOf(s.confidence) ? { confidence: confidenceOf(s.confidence) } : {}),
          ...(note ? { note } : {}),
        }
        ;(servers[protocol] ??= []).push(server)
      }
    }
    if (!credential) skipped.push({ ref: where, what: `unknown credential "${e.auth.credential}"` })
    const data: ProviderPatch = {
      name: { en: e.name.en, ...(e.name.zh ? { 'zh-CN': e.name.zh } : {}) },
      domains: e.domains,
      mx: e.mx_match.map((m) => m.replace(/^[^.]*\*[^.]*\./, '')),
      servers,
      unverified,
      credential: credential ?? 'unknown',
      oauth2: e.auth.oauth2 ?? false,
      ...(e.enable_steps?.en
        ? {
            enable: {
              steps: {
                en: e.enable_steps.en,
                ...(e.enable_steps.zh ? { 'zh-CN': e.enable_steps.zh } : {}),
              },
            },
          }
        : {}),
      notes: [
        e.auth.detail,
        e.username && `Username: ${e.username}`,
        e.domains_note,
        e.mx_note,
        e.international_webmail && `International webmail: ${e.international_webmail.join(', ')}`,
        ...e.quirks,
      ].filter((n): n is string => Boolean(n)),
      confidence: confidenceOf(e.confidence) ?? 'low',
      sources: e.sources,
    }
    return { source: 'research' as const, ref: where, id: e.id, data }
  })
  return { records, fixes: [], skipped }
}
