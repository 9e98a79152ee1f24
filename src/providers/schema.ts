/**
 * @module
 * The provider model: one zod schema is the source of truth for the generated data module,
 * the curated overlay and an operator's MAILSETUP_PROVIDERS_FILE.
 */
import * as z from 'zod'
import { isHostName, normalizeDomain } from './domain.ts'
import { PROTOCOLS, SECURITIES, type Protocol, type Security } from '../model/domain.ts'
import { REGIONS, type Region } from '../model/region.ts'

export { REGIONS, type Region }

export const AUTH_METHODS = [
  'password',
  'password-encrypted',
  'oauth2',
  'none',
  'client-ip',
  'ntlm',
  'gssapi',
] as const
/** What the user must type into the password field of a mail client. */
export const CREDENTIALS = [
  'account-password',
  'app-password',
  'authorization-code',
  'oauth2-only',
  'unknown',
] as const
/** `preparation`: works after the user enables access; `broken`: password clients cannot log in. */
export const STATUSES = ['ok', 'preparation', 'broken'] as const
export const CONFIDENCES = ['high', 'medium', 'low', 'none'] as const
export const HINT_KINDS = [
  'credential',
  'enable',
  'quirk',
  'status',
  'security',
  'unknown',
] as const
/** How a provider without IMAP/POP3/SMTP for third-party clients can still be reached. */
export const CLIENT_ACCESS = ['bridge', 'none'] as const

export type Credential = (typeof CREDENTIALS)[number]

const PLACEHOLDER_HOST = /^(?:[a-z0-9_-]+\.|%EMAILDOMAIN%\.?)*(?:[a-z0-9_-]+|%EMAILDOMAIN%)$/i

/** A domain: normalised (case, trailing dot, IDN), then checked. */
export const DomainSchema = z
  .string()
  .transform((s) => normalizeDomain(s))
  .refine(isHostName, { message: 'expected a domain name' })

/** A host name that may contain %EMAILDOMAIN%. */
const HostTemplateSchema = z
  .string()
  .trim()
  .refine((s) => PLACEHOLDER_HOST.test(s), { message: 'expected a host name' })
  .transform((s) => s.toLowerCase().replaceAll('%emaildomain%', '%EMAILDOMAIN%'))

/** Text in English, optionally in Simplified Chinese too. */
export const LocalizedTextSchema = z.object({
  en: z.string().min(1),
  'zh-CN': z.string().min(1).optional(),
})

export const ServerSpecSchema = z.object({
  host: HostTemplateSchema,
  port: z.number().int().min(1).max(65535),
  security: z.enum(SECURITIES),
  /** Template with %EMAILADDRESS%, %EMAILLOCALPART% and %EMAILDOMAIN%. */
  username: z.string().min(1).default('%EMAILADDRESS%'),
  auth: z.array(z.enum(AUTH_METHODS)).default(['password']),
  confidence: z.enum(CONFIDENCES).optional(),
  note: z.string().optional(),
  /** Which data source this server came from (ispdb, deltachat, mailcore2, research, overlay). */
  source: z.string().optional(),
  /**
   * Where this host is meant to be used from, when the provider publishes alternatives for the
   * same mailbox: `cn` mainland China, `intl` elsewhere. Absent: everywhere.
   */
  region: z.enum(REGIONS).optional(),
})

/** A host named by a source whose port or TLS mode nobody could establish. */
export const UnverifiedHostSchema = z.object({
  protocol: z.enum(PROTOCOLS),
  host: HostTemplateSchema,
  note: z.string().optional(),
})

export const HintSchema = z.object({
  kind: z.enum(HINT_KINDS),
  text: LocalizedTextSchema,
})

const emptyServers = () => ({ imap: [], pop3: [], smtp: [] })

/** The fields of a provider; `ProviderSchema` adds the derived `insecure` flag. */
export const ProviderObjectSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'expected a lower-case id' }),
  name: z.object({ en: z.string().min(1), 'zh-CN': z.string().min(1).optional() }),
  domains: z.array(DomainSchema).default([]),
  /**
   * Parent domains whose every subdomain is an address domain here (Spectrum's nyc.rr.com,
   * Plusnet's name.plus.com): a lookup with no exact match takes the longest such suffix.
   */
  domainSuffixes: z.array(DomainSchema).default([]),
  /** MX host suffixes: a domain whose MX host ends in one of these is hosted here. */
  mx: z.array(DomainSchema).default([]),
  servers: z
    .object({
      imap: z.array(ServerSpecSchema).default([]),
      pop3: z.array(ServerSpecSchema).default([]),
      smtp: z.array(ServerSpecSchema).default([]),
    })
    .prefault(emptyServers),
  unverified: z.array(UnverifiedHostSchema).default([]),
  credential: z.enum(CREDENTIALS).default('account-password'),
  oauth2: z.boolean().default(false),
  enable: z.object({ steps: LocalizedTextSchema, url: z.url().optional() }).optional(),
  hints: z.array(HintSchema).default([]),
  /** Maintainers' notes from the sources (English); not shown to end users. */
  notes: z.array(z.string()).default([]),
  status: z.enum(STATUSES).default('ok'),
  /**
   * Set when the provider offers no IMAP/POP3/SMTP to ordinary mail clients: `bridge` (only
   * through its own program on the user's computer, e.g. Proton Mail Bridge) or `none` (its own
   * apps and webmail only, e.g. Tuta). `instead` says what to do.
   */
  clientAccess: z
    .object({
      kind: z.enum(CLIENT_ACCESS),
      instead: LocalizedTextSchema,
      url: z.url().optional(),
    })
    .optional(),
  /**
   * Set when the username is an ID the provider issues that the address does not tell (docomo's
   * d ACCOUNT ID): `label` names it for the user. The servers' username templates then hold only
   * the usual default, and a `credential` hint says what to type. `short` is the ID's name alone
   * ("d ACCOUNT ID (dアカウントID)"), for a client's username field where the whole phrase is too
   * long to read; without it the label fills those fields too.
   */
  accountId: z
    .object({
      label: LocalizedTextSchema,
      short: LocalizedTextSchema.optional(),
      url: z.url().optional(),
    })
    .optional(),
  insecure: z.boolean().default(false),
  confidence: z.enum(CONFIDENCES).default('medium'),
  website: z.string().optional(),
  sources: z.array(z.string()).default([]),
  lastChecked: z.string().optional(),
})

/** True when a provider lists servers but none of them offers TLS or STARTTLS. */
export const isPlaintextOnly = (p: { servers: Record<Protocol, { security: Security }[]> }) => {
  const all = PROTOCOLS.flatMap((proto) => p.servers[proto])
  return all.length > 0 && all.every((s) => s.security === 'none')
}

/** A provider entry, validated; `insecure` is derived from its servers, never trusted. */
export const ProviderSchema = ProviderObjectSchema.transform((p) => ({
  ...p,
  insecure: isPlaintextOnly(p),
}))

export type Provider = z.output<typeof ProviderSchema>
export type ProviderInput = z.input<typeof ProviderSchema>
export type ServerSpec = z.output<typeof ServerSpecSchema>
export type Hint = z.output<typeof HintSchema>
export type LocalizedText = z.output<typeof LocalizedTextSchema>
