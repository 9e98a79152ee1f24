/**
 * @module
 * The newest verified servers of a domain, kept for the domain-level client endpoints
 * (MAILSETUP_VERIFIED_TTL_HOURS). Usernames are kept as their form (the address or its local
 * part), never as one person's username, so one entry serves every address at the domain.
 */
import * as z from 'zod'
import { type CandidateServer, SOURCE_TYPES } from '../discovery/types.ts'
import { type ProviderIndex, splitEmail } from '../providers/index.ts'
import { type AccountSettings, byDirection, displayNameOf } from './account-settings.ts'
import { PROTOCOLS, SECURITIES } from '../model/domain.ts'

const VerifiedServerSchema = z.object({
  protocol: z.enum(PROTOCOLS),
  host: z.string(),
  port: z.number().int(),
  security: z.enum(SECURITIES),
  username: z.enum(['address', 'local-part']),
  source: z.enum(SOURCE_TYPES),
})

export const VerifiedSettingsSchema = z.object({
  providerId: z.string().nullable(),
  servers: z.array(VerifiedServerSchema),
})

export type VerifiedSettings = z.infer<typeof VerifiedSettingsSchema>

const formOf = (username: string, email: string): 'address' | 'local-part' | null => {
  const { localPart } = splitEmail(email)
  const wanted = username.trim().toLowerCase()
  if (wanted === email.toLowerCase()) return 'address'
  if (wanted === localPart.toLowerCase()) return 'local-part'
  return null
}

/**
 * The verified servers of some settings in their shareable form; null when none is verified.
 * A server whose username is neither the address nor its local part is left out (it belongs to
 * one person).
 */
export const toVerified = (settings: AccountSettings): VerifiedSettings | null => {
  const servers = [...settings.incoming, ...settings.outgoing].flatMap((s) => {
    const username = formOf(s.username, settings.email)
    if (!s.verified || !username) return []
    const { protocol, host, port, security } = s
    return [{ protocol, host, port, security, username, source: s.source.type }]
  })
  return servers.some((s) => s.protocol !== 'smtp')
    ? { providerId: settings.provider?.id ?? null, servers }
    : null
}

/** Stored verified settings, expanded for one address; null when the stored value is not valid. */
export const fromVerified = (
  stored: unknown,
  email: string,
  index: ProviderIndex,
): AccountSettings | null => {
  const parsed = VerifiedSettingsSchema.safeParse(stored)
  if (!parsed.success) return null
  const { localPart, domain } = splitEmail(email)
  const provider = parsed.data.providerId ? (index.get(parsed.data.providerId) ?? null) : null
  const servers = parsed.data.servers.map((s): CandidateServer => ({
    protocol: s.protocol,
    host: s.host,
    port: s.port,
    security: s.security,
    username: s.username === 'address' ? `${localPart}@${domain}` : localPart,
    source: { type: s.source, url: s.host, trusted: true },
    verified: true,
  }))
  return {
    email: `${localPart}@${domain}`,
    domain,
    displayName: displayNameOf(provider, domain),
    provider,
    ...byDirection(servers),
  }
}
