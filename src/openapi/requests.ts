/**
 * @module
 * The request schemas of the API: what the routes parse and the OpenAPI document describes.
 * Below the routes, so that both import them from here.
 */
import { z } from 'zod'
import { REPORT_ID_PATTERN } from '../diagnose/report-id.ts'
import { parseAddress } from '../formats/email-address.ts'
import { REGIONS } from '../providers/schema.ts'
import {
  INCOMING_PROTOCOLS,
  LANGS,
  type Lang,
  type Needs,
  PROTOCOLS,
  SECURITIES,
} from '../model/domain.ts'

/**
 * A plausible address for the API: what the format endpoints accept (parseAddress), and a local
 * part without the specials that need quoting and without stray dots.
 */
export const isEmail = (value: string): boolean => {
  const local = parseAddress(value)?.localPart
  if (local === undefined) return false
  return !(
    /[\s@<>()[\]\\,;:"]/.test(local) ||
    local.startsWith('.') ||
    local.endsWith('.') ||
    local.includes('..')
  )
}

export const EmailSchema = z
  .string()
  .trim()
  .min(1, 'email is required')
  .max(254, 'email is longer than 254 characters')
  .refine(isEmail, 'Invalid email address')

export const LangSchema = z.enum(LANGS)

/** zh* in Accept-Language → zh-CN, anything else → en. */
export const langFromHeader = (header: string | undefined): Lang =>
  /^\s*zh/i.test(header ?? '') ? 'zh-CN' : 'en'

/** `cn`: the user reads mail in mainland China; `intl`: elsewhere. */
export const RegionSchema = z.enum(REGIONS)

export const NeedsSchema = z
  .object({
    devices: z.enum(['one', 'several']).optional(),
    keepOnServer: z.boolean().optional(),
    offline: z.boolean().optional(),
    serverQuotaSmall: z.boolean().optional(),
  })
  .strict() satisfies z.ZodType<Needs>

export const DiagnoseRequest = z
  .object({
    email: EmailSchema,
    lang: LangSchema.optional(),
    needs: NeedsSchema.optional(),
    probe: z.boolean().default(true),
    /** Where the user reads mail; picks among a provider's regional hosts (Exmail hwimap…). */
    region: RegionSchema.optional(),
  })
  .strict()

export const LookupQuery = z.object({
  email: EmailSchema,
  lang: LangSchema.optional(),
  region: RegionSchema.optional(),
  probe: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
})

export const ProbeRequest = z
  .object({
    host: z.string().trim().min(1, 'host is empty').max(253, 'host is longer than 253 characters'),
    port: z.number().int().min(1).max(65535).optional(),
    protocol: z.enum(PROTOCOLS).optional(),
    security: z.enum(SECURITIES).optional(),
  })
  .strict()

export const ReportQuery = z.object({ lang: LangSchema.optional() })

export const ReportGuideQuery = z.object({
  lang: LangSchema.optional(),
  protocol: z.enum(INCOMING_PROTOCOLS).optional(),
})

const HostSchema = z
  .string()
  .trim()
  .min(1, 'host is empty')
  .max(253, 'host is longer than 253 characters')
const PortSchema = z.number().int().min(1).max(65535)

/** POST /api/v1/login-test. The password is read, used and forgotten: never logged or stored. */
export const LoginTestRequest = z
  .object({
    email: EmailSchema,
    password: z
      .string()
      .min(1, 'password is required')
      .max(1024, 'password is longer than 1024 characters'),
    username: z
      .string()
      .trim()
      .min(1, 'username is empty')
      .max(320, 'username is longer than 320 characters')
      .optional(),
    incoming: z
      .object({
        protocol: z.enum(INCOMING_PROTOCOLS),
        host: HostSchema,
        port: PortSchema,
        security: z.enum(SECURITIES),
      })
      .strict()
      .optional(),
    outgoing: z
      .object({ host: HostSchema, port: PortSchema, security: z.enum(SECURITIES) })
      .strict()
      .optional(),
    /** A stored report whose recommended servers to test (and to record the verdict on). */
    reportId: z.string().regex(REPORT_ID_PATTERN, 'reportId is not a report id').optional(),
    lang: LangSchema.optional(),
    /** Lets a `security: none` server receive the password in plaintext. */
    allowPlaintext: z.boolean().default(false),
  })
  .strict()
