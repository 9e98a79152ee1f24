/**
 * @module
 * The request schemas of the API: what the routes parse and the OpenAPI document describes.
 * Below the routes, so that both import them from here.
 */
import * as z from 'zod'
import { REPORT_ID_PATTERN } from '../diagnose/report-id.ts'
import { parseAddress } from '../formats/email-address.ts'
import { MATRIX } from '../probes/matrix.ts'
import { isHostName, normalizeDomain } from '../providers/index.ts'
import { REGIONS } from '../providers/schema.ts'
import { LOCAL_SUFFIXES } from '../security/host-name.ts'
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

// The address rule as a JSON Schema pattern, for the document: the same host-name rule as the
// guard (security/host-name.ts), built from its list of local suffixes. The routes validate with
// the functions (parseAddress, isEmail); the fuzz test checks that no address this pattern
// allows is refused. Punycode (xn--) labels are left out of the pattern (the route checks them).
const caseless = (text: string) =>
  text.replace(/[a-z]/g, (ch) => `[${ch}${ch.toUpperCase()}]`).replaceAll('.', '\\.')
const LABEL_CHAR = 'a-zA-Z0-9_\\u00a1-\\uffff'
/** A top-level label needs a letter: not all digits (full-width digits included). */
const TLD_LETTER = 'a-zA-Z\\u00a1-\\uff0f\\uff1a-\\uffff'
const LABEL = `[${LABEL_CHAR}](?:[${LABEL_CHAR}-]{0,61}[${LABEL_CHAR}])?`
/** A public host name with two labels or more, no IP address, no .local/.internal/… name. */
export const DOMAIN_PATTERN = [
  '(?=[^@]{1,253}$)',
  '(?!(?:[^@]*\\.)?[xX][nN]--)',
  `(?!(?:[^@]*\\.)?(?:${LOCAL_SUFFIXES.map(caseless).join('|')})$)`,
  // The last label holds a letter; no label starts or ends with a hyphen.
  `(?=(?:[^@]*\\.)?[^.@]*[${TLD_LETTER}][^.@]*$)`,
  `(?:${LABEL}\\.)+${LABEL}`,
].join('')
const CONTROL = '\\u0000-\\u0020\\u007f-\\u009f\\u2028\\u2029'
/** The API's address (isEmail): no specials that need quoting, no stray dots. */
export const EMAIL_PATTERN = `^(?=.{3,254}$)(?!\\.)(?!.*\\.\\.)(?![^@]*\\.@)[^\\s@<>()\\[\\]\\\\,;:"${CONTROL}]{1,64}@${DOMAIN_PATTERN}$`
/** The format endpoints' address (parseAddress): any local part without controls or spaces. */
export const FORMAT_ADDRESS_PATTERN = `^(?=.{3,254}$)[^\\s${CONTROL}]{1,64}@${DOMAIN_PATTERN}$`

/** A trimmed string that must not be empty: in the document, one that is not all whitespace. */
const NOT_BLANK = '\\S'

const ADDRESS_EXAMPLES = [
  'ann@qq.com',
  'someone@163.com',
  'ann@example.com',
  'zhang.san@exmail.qq.com',
]

export const EmailSchema = z
  .string()
  .trim()
  .min(1, 'email is required')
  .max(254, 'email is longer than 254 characters')
  .refine(isEmail, 'Invalid email address')
  .meta({
    pattern: EMAIL_PATTERN,
    examples: ADDRESS_EXAMPLES,
    description:
      'An email address whose domain is a public host name: no IP address, no single-label, .local, .localhost, .internal, .lan, .onion or numeric top-level name, no invalid punycode.',
  })

/**
 * The address the format endpoints and the guides read (`emailaddress`, `email`): lenient about
 * the local part (every renderer escapes it), strict about the domain; the parsed address.
 */
export const FormatAddressSchema = z
  .string()
  .trim()
  .min(1, 'the address is required')
  .max(254, 'the address is longer than 254 characters')
  .transform((value, ctx) => {
    const address = parseAddress(value)
    if (address) return address
    ctx.addIssue({ code: 'custom', message: 'Invalid email address' })
    return z.NEVER
  })
  .meta({
    pattern: FORMAT_ADDRESS_PATTERN,
    examples: ADDRESS_EXAMPLES,
    description:
      'An email address; its domain must be a public host name (no IP address, no .local/.internal/… name).',
  })

export const LangSchema = z.enum(LANGS)

/** zh* in Accept-Language → zh-CN, anything else → en. */
export const langFromHeader = (header: string | undefined): Lang =>
  /^\s*zh/i.test(header ?? '') ? 'zh-CN' : 'en'

/** `cn`: the user reads mail in mainland China; `intl`: elsewhere. */
export const RegionSchema = z.enum(REGIONS)

/** An IANA time zone name as a browser reports it (Asia/Shanghai, Europe/Berlin, UTC). */
export const TimeZoneSchema = z
  .string()
  .max(64, 'timeZone is longer than 64 characters')
  .regex(/^[A-Za-z][A-Za-z0-9_+\-/]*$/, 'timeZone is not a time zone name')

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
    /** The browser's time zone: the region's default when `region` is not given. */
    timeZone: TimeZoneSchema.optional(),
  })
  .strict()

export const LookupQuery = z.object({
  email: EmailSchema,
  lang: LangSchema.optional(),
  region: RegionSchema.optional(),
  timeZone: TimeZoneSchema.optional(),
  probe: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
})

const STANDARD_PORTS = [...new Set(MATRIX.map((entry) => entry.port))]
const MATRIX_SECURITIES = [...new Set(MATRIX.map((entry) => entry.security))]

/**
 * POST /api/v1/probe. Two rules across fields, checked here and stated in the document's
 * `anyOf`: a port outside the matrix needs `protocol`; without a port, `protocol` and `security`
 * must name at least one probe of the matrix.
 */
export const ProbeRequest = z
  .object({
    host: z
      .string()
      .trim()
      .min(1, 'host is empty')
      .max(253, 'host is longer than 253 characters')
      .meta({ pattern: NOT_BLANK }),
    port: z.number().int().min(1).max(65535).optional(),
    protocol: z.enum(PROTOCOLS).optional(),
    security: z.enum(SECURITIES).optional(),
  })
  .strict()
  .superRefine((req, ctx) => {
    if (req.port !== undefined) {
      if (req.protocol === undefined && !STANDARD_PORTS.includes(req.port))
        ctx.addIssue({
          code: 'custom',
          path: ['protocol'],
          message: 'protocol is required for a non-standard port',
        })
      return
    }
    const matches = MATRIX.some(
      (entry) =>
        (!req.protocol || entry.protocol === req.protocol) &&
        (!req.security || entry.security === req.security),
    )
    if (!matches)
      ctx.addIssue({
        code: 'custom',
        path: ['security'],
        message: 'no probe matches the protocol and security asked for',
      })
  })
  .meta({
    anyOf: [
      { required: ['port', 'protocol'] },
      { required: ['port'], properties: { port: { enum: STANDARD_PORTS } } },
      { not: { anyOf: [{ required: ['port'] }, { required: ['security'] }] } },
      {
        not: { anyOf: [{ required: ['port'] }, { required: ['protocol'] }] },
        properties: { security: { enum: MATRIX_SECURITIES } },
      },
      ...MATRIX.map((entry) => ({
        not: { required: ['port'] },
        required: ['protocol', 'security'],
        properties: { protocol: { const: entry.protocol }, security: { const: entry.security } },
      })),
    ],
  })

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
    /** A fresh discovery's region, as for POST /api/v1/diagnose (which host of a provider's). */
    region: RegionSchema.optional(),
    /** A fresh discovery's time zone: the region's default when `region` is not given. */
    timeZone: TimeZoneSchema.optional(),
    /** Lets a `security: none` server receive the password in plaintext. */
    allowPlaintext: z.boolean().default(false),
  })
  .strict()

/** GET /api/v1/guides/:client. */
export const GuideQuery = z.object({
  email: FormatAddressSchema,
  lang: LangSchema.optional(),
  protocol: z.enum(INCOMING_PROTOCOLS).optional(),
  region: RegionSchema.optional(),
  timeZone: TimeZoneSchema.optional(),
})

/** GET /api/v1/guides. */
export const GuideListQuery = z.object({ lang: LangSchema.optional() })

/** GET /api/v1/providers?q=&limit=. */
export const ProviderSearchQuery = z.object({
  q: z.string().trim().min(1, 'q is required').max(100).meta({ pattern: NOT_BLANK }),
  limit: z.coerce.number().int().min(1).max(50).default(10),
})

/** GET /api/v1/providers/:domain: an address domain or alias (IDN allowed). */
export const ProviderDomainParam = z.object({
  domain: z
    .string()
    .max(253)
    .transform(normalizeDomain)
    .refine(isHostName, 'expected a domain name')
    .meta({ pattern: `^${DOMAIN_PATTERN}\\.?$` }),
})

/** The Mozilla autoconfig endpoints. */
export const AutoconfigQuery = z.object({ emailaddress: FormatAddressSchema })

/** GET /mobileconfig. */
export const MobileconfigQuery = z.object({
  emailaddress: FormatAddressSchema,
  protocol: z.enum(INCOMING_PROTOCOLS).optional(),
  lang: LangSchema.optional(),
})
