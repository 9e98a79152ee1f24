/**
 * @module
 * Configuration from environment variables, validated once at start. A bad value stops the
 * process with a message naming the variable.
 */
import ipaddr from 'ipaddr.js'
import * as z from 'zod'
import { DEFAULT_DOH_URL } from './dns/resolver-doh.ts'
import { parseCidrList } from './security/address-policy.ts'
import { DEFAULT_LIMITS } from './security/costs.ts'
import { parseOriginList } from './security/cors.ts'
import { splitCommaList } from './util/comma-list.ts'

const DEFAULT_PROBE_PORTS = '25,110,143,465,587,993,995'

const int = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback)

/** A list variable (empty by default) read by `parse`; a throw from it is an issue saying `message`. */
const parsedList = <T>(parse: (value: string) => T, message: string) =>
  z
    .string()
    .default('')
    .transform((value, ctx) => {
      try {
        return parse(value)
      } catch {
        ctx.addIssue({ code: 'custom', message })
        return z.NEVER
      }
    })

/** `ip`, `ip:port` or `[ipv6]:port`. */
const isDnsServer = (entry: string): boolean => {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(entry)
  if (bracketed) return ipaddr.IPv6.isValid(bracketed[1] ?? '') && validPort(bracketed[2])
  if (ipaddr.IPv6.isValid(entry)) return true
  const [ip, port, ...rest] = entry.split(':')
  return rest.length === 0 && ipaddr.IPv4.isValidFourPartDecimal(ip ?? '') && validPort(port)
}

const validPort = (port: string | undefined) =>
  port === undefined || (/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)

/** An http(s) origin, the service's public address: `scheme://host[:port]`, no path. */
const publicUrl = z
  .string()
  .trim()
  .transform((value, ctx) => {
    try {
      const [origin] = parseOriginList(value)
      if (origin !== undefined && !value.includes(',')) return origin
    } catch {
      // reported below
    }
    ctx.addIssue({
      code: 'custom',
      message: 'expected an http(s) origin, e.g. https://setup.example.com',
    })
    return z.NEVER
  })
  .optional()

/** The local address the service listens on, as a URL: `0.0.0.0` and `::` become localhost. */
const localUrl = (host: string, port: number): string => {
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}`
}

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000 }

/** `5` (per 15 minutes) or `5/15m`, `10/1h`, `3/90s`: failures allowed per window. */
const failureLimit = z
  .string()
  .default('5')
  .transform((value, ctx) => {
    const match = /^\s*(\d{1,6})\s*(?:\/\s*(\d{1,6})\s*([smh])\s*)?$/.exec(value)
    const max = Number(match?.[1])
    const windowMs = match?.[2]
      ? Number(match[2]) * (UNIT_MS[match[3] ?? 'm'] ?? 60_000)
      : 15 * 60_000
    if (!match || max < 1 || windowMs < 1_000) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected a count, optionally per window, e.g. 5 or 5/15m',
      })
      return z.NEVER
    }
    return { max, windowMs }
  })

const fields = z.object({
  PORT: int(0, 65535, 8787),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  MAILSETUP_DNS_SERVERS: z
    .string()
    .default('')
    .transform(splitCommaList)
    .refine(
      (servers) => servers.every(isDnsServer),
      'expected comma-separated ip or ip:port entries',
    ),
  MAILSETUP_ALLOW_TARGETS: parsedList(
    parseCidrList,
    'expected comma-separated CIDRs, e.g. 10.0.0.0/8,fd00::/8',
  ),
  MAILSETUP_PROBE_PORTS: z
    .string()
    .default(DEFAULT_PROBE_PORTS)
    .transform(splitCommaList)
    .refine(
      (ports) => ports.length > 0 && ports.every((p) => validPort(p)),
      'expected comma-separated port numbers',
    )
    .transform((ports) => ports.map(Number)),
  MAILSETUP_PROBE_TIMEOUT_MS: int(500, 120_000, 8_000),
  // Limits by cost, per client a minute (security/costs.ts); no ceiling but what a number holds.
  MAILSETUP_RATE_LIMIT: int(1, Number.MAX_SAFE_INTEGER, DEFAULT_LIMITS.probes),
  MAILSETUP_LOOKUP_LIMIT: int(1, Number.MAX_SAFE_INTEGER, DEFAULT_LIMITS.lookups),
  MAILSETUP_REQUEST_LIMIT: int(1, Number.MAX_SAFE_INTEGER, DEFAULT_LIMITS.requests),
  MAILSETUP_MAX_PROBE_SOCKETS: int(1, 100_000, 512),
  MAILSETUP_WORKERS: int(1, 64, 1),
  MAILSETUP_MAX_PER_HOST: int(1, 1_000, 8),
  MAILSETUP_EHLO_NAME: z
    .string()
    .regex(/^[a-zA-Z0-9.-]{1,253}$/, 'expected a host name')
    .default('probe.mailsetup.invalid'),
  MAILSETUP_EXTRA_CA: z.string().optional(),
  MAILSETUP_METRICS: z
    .enum(['0', '1', 'true', 'false'])
    .default('false')
    .transform((value) => value === '1' || value === 'true'),
  MAILSETUP_METRICS_TOKEN: z
    .string()
    .min(16, 'expected at least 16 characters')
    .regex(/^\S+$/, 'expected no spaces')
    .optional(),
  MAILSETUP_TRUST_PROXY: z
    .enum(['0', '1', 'true', 'false'])
    .default('false')
    .transform((value) => value === '1' || value === 'true'),
  MAILSETUP_PROVIDERS_FILE: z.string().optional(),
  MAILSETUP_WIDGET_ORIGINS: parsedList(
    parseOriginList,
    'expected comma-separated origins, e.g. https://help.example.com,http://localhost:3000',
  ),
  MAILSETUP_PROFILE_CERT: z.string().optional(),
  MAILSETUP_PROFILE_KEY: z.string().optional(),
  MAILSETUP_DATABASE: z.string().trim().min(1).default('var/mailsetup.sqlite'),
  MAILSETUP_REPORT_TTL_DAYS: int(1, 3_650, 30),
  MAILSETUP_VERIFIED_TTL_HOURS: int(1, 8_760, 24),
  MAILSETUP_PUBLIC_URL: publicUrl,
  MAILSETUP_LOGIN_FAILURE_LIMIT: failureLimit,
  MAILSETUP_DOH_URL: z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL of a DNS-over-HTTPS JSON API' })
    .default(DEFAULT_DOH_URL),
})

// Every absolute URL the service builds, and the CORS own-origin check, come from
// MAILSETUP_PUBLIC_URL, never from the request's Host header (which any client can set).
const schema = fields.transform((config) => ({
  ...config,
  MAILSETUP_PUBLIC_URL: config.MAILSETUP_PUBLIC_URL ?? localUrl(config.HOST, config.PORT),
}))

export type Config = z.infer<typeof schema>

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
  readonly variable: string
  constructor(variable: string, message: string) {
    super(`Invalid configuration: ${variable}: ${message}`)
    this.variable = variable
  }
}

/**
 * @example
 * const config = loadConfig(process.env) // throws ConfigError naming the variable
 */
export const loadConfig = (env: Record<string, string | undefined>): Config => {
  // An empty variable means "not set", as in most shells' habits.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  )
  const parsed = schema.safeParse(present)
  if (parsed.success) {
    const { MAILSETUP_PROFILE_CERT: cert, MAILSETUP_PROFILE_KEY: key } = parsed.data
    if (Boolean(cert) !== Boolean(key)) {
      throw new ConfigError(
        cert ? 'MAILSETUP_PROFILE_KEY' : 'MAILSETUP_PROFILE_CERT',
        'set both the certificate and the key, or neither',
      )
    }
    return parsed.data
  }
  const issue = parsed.error.issues[0]
  throw new ConfigError(String(issue?.path[0] ?? 'environment'), issue?.message ?? 'invalid')
}

/**
 * Variables that name files, servers or a process setting the Workers runtime does not have. Set
 * on Workers they would be silently ignored, so they are refused naming the variable instead.
 */
const NODE_ONLY: Record<string, string> = {
  MAILSETUP_DNS_SERVERS: 'Workers resolve over DNS-over-HTTPS: set MAILSETUP_DOH_URL',
  MAILSETUP_EXTRA_CA: "Workers trust only the runtime's certificate store",
  MAILSETUP_PROVIDERS_FILE: 'Workers read no files',
  MAILSETUP_PROFILE_CERT: 'Workers read no files; profiles are unsigned there',
  MAILSETUP_PROFILE_KEY: 'Workers read no files; profiles are unsigned there',
  MAILSETUP_DATABASE: 'reports live in the D1 binding DB',
  MAILSETUP_TRUST_PROXY: 'Workers take the client address from CF-Connecting-IP',
}

/**
 * The same validation for Workers vars and secrets (strings in `env`; bindings are skipped),
 * refusing the Node-only variables.
 *
 * @example
 * const config = loadWorkerConfig(env) // throws ConfigError naming the variable
 */
export const loadWorkerConfig = (env: Record<string, unknown>): Config => {
  const vars = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  )
  for (const [name, why] of Object.entries(NODE_ONLY)) {
    if (vars[name]) throw new ConfigError(name, `not supported on Cloudflare Workers (${why})`)
  }
  // Node defaults it to HOST:PORT; a worker has neither, and its Host header is the client's.
  if (!vars.MAILSETUP_PUBLIC_URL) {
    throw new ConfigError(
      'MAILSETUP_PUBLIC_URL',
      "required on Cloudflare Workers: the worker's public origin, e.g. https://mailsetup.example.workers.dev",
    )
  }
  return loadConfig(vars)
}
