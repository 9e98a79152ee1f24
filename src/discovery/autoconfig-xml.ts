/**
 * @module
 * Reads Mozilla's autoconfig file (config-v1.1.xml, the ISPDB format) into mail servers. Pure:
 * no I/O. The input is untrusted (any domain's web server), so DTDs and entity declarations are
 * refused before parsing, the parser expands no entities, and each server is validated with zod:
 * a bad server is skipped, a file with none left is XML_INVALID.
 * Format: https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat
 */
import * as z from 'zod'
import { createSafeXmlParser, decodeXmlText } from '../util/safe-xml.ts'
import { DiscoveryError } from './discovery-error.ts'
import { type Protocol, type Security, SECURITIES } from '../model/domain.ts'

export interface AutoconfigServer {
  protocol: Protocol
  /** As written; may hold a placeholder such as %EMAILDOMAIN%. */
  host: string
  port: number
  security: Security
  /** The template as written (%EMAILADDRESS%, %EMAILLOCALPART%, ...), or null when the file gives none. */
  username: string | null
  /** The <authentication> values in order, e.g. ['password-cleartext', 'OAuth2']. */
  auth: string[]
}

export interface AutoconfigDoc {
  /** The <domain> entries of the provider (lower-cased). */
  domains: string[]
  displayName: string | null
  /** Incoming (IMAP, POP3) then outgoing (SMTP), each in file order. */
  servers: AutoconfigServer[]
}

/** Larger than any real file (the biggest ISPDB file is a few KB); the fetch caps at 256 KB anyway. */
export const MAX_XML_CHARS = 512 * 1024

const SECURITY: Record<string, Security> = { ssl: 'tls', starttls: 'starttls', plain: 'none' }

const parseXml = createSafeXmlParser({
  attributes: true,
  arrays: ['emailProvider', 'domain', 'incomingServer', 'outgoingServer', 'authentication'],
})

const text = z.string().transform(decodeXmlText)

const serverSchema = z.object({
  '@_type': z.string(),
  hostname: text.pipe(
    z
      .string()
      .min(1)
      .max(253)
      .regex(/^[A-Za-z0-9%._-]+$/),
  ),
  port: z
    .string()
    .regex(/^\d{1,5}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(65535)),
  socketType: z
    .string()
    .transform((value) => SECURITY[value.toLowerCase()])
    .pipe(z.enum(SECURITIES)),
  username: text.optional(),
  authentication: z.array(z.unknown()).optional(),
})

const providerSchema = z.object({
  domain: z.array(z.unknown()).optional(),
  displayName: z.unknown().optional(),
  incomingServer: z.array(z.unknown()).optional(),
  outgoingServer: z.array(z.unknown()).optional(),
})

const rootSchema = z.object({
  clientConfig: z.object({ emailProvider: z.array(z.unknown()).min(1) }),
})

const toServer = (raw: unknown, allowed: readonly Protocol[]): AutoconfigServer | null => {
  const parsed = serverSchema.safeParse(raw)
  if (!parsed.success) return null
  const protocol = allowed.find((p) => p === parsed.data['@_type'].toLowerCase())
  if (!protocol) return null // exchange, ews, activesync...: not a protocol this service speaks
  return {
    protocol,
    host: parsed.data.hostname,
    port: parsed.data.port,
    security: parsed.data.socketType,
    username: parsed.data.username || null,
    auth: (parsed.data.authentication ?? [])
      .filter((a) => typeof a === 'string' && a !== '')
      .map((a) => decodeXmlText(String(a))),
  }
}

const isServer = (server: AutoconfigServer | null): server is AutoconfigServer => server !== null

/**
 * @example
 * const doc = await parseAutoconfigXml(await res.text())
 * doc.servers[0] // { protocol: 'imap', host: 'imap.163.com', port: 993, security: 'tls', username: '%EMAILADDRESS%', auth: ['password-cleartext'] }
 */
export const parseAutoconfigXml = async (xml: string): Promise<AutoconfigDoc> => {
  if (xml.length > MAX_XML_CHARS)
    throw new DiscoveryError('XML_INVALID', `larger than ${MAX_XML_CHARS} characters`)
  const parsed = await parseXml(xml)
  if (!parsed.ok && parsed.reason === 'forbidden')
    throw new DiscoveryError('XML_FORBIDDEN', `<!${parsed.detail} declaration`)
  if (!parsed.ok) throw new DiscoveryError('XML_INVALID', parsed.detail)

  const root = rootSchema.safeParse(parsed.tree)
  if (!root.success)
    throw new DiscoveryError('XML_INVALID', 'no clientConfig/emailProvider element')
  const provider = providerSchema.safeParse(root.data.clientConfig.emailProvider[0])
  if (!provider.success) throw new DiscoveryError('XML_INVALID', 'emailProvider is not an element')

  const { domain, displayName, incomingServer, outgoingServer } = provider.data
  const servers = [
    ...(incomingServer ?? []).map((raw) => toServer(raw, ['imap', 'pop3'])),
    ...(outgoingServer ?? []).map((raw) => toServer(raw, ['smtp'])),
  ].filter(isServer)
  if (servers.length === 0)
    throw new DiscoveryError('XML_INVALID', 'no usable IMAP, POP3 or SMTP server')

  return {
    domains: (domain ?? [])
      .filter((d): d is string => typeof d === 'string' && d !== '')
      .map((d) => decodeXmlText(d).toLowerCase()),
    displayName:
      typeof displayName === 'string' && displayName !== '' ? decodeXmlText(displayName) : null,
    servers,
  }
}
