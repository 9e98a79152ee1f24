/**
 * @module
 * Importer for Mozilla ISPDB `clientConfig` XML (one file per provider).
 */
import { XMLParser } from 'fast-xml-parser'
import {
  SOURCE_SNAPSHOT,
  type Fix,
  type Imported,
  type ProviderPatch,
  type ServerInput,
} from './types.ts'
import type { Protocol } from '../../src/model/domain.ts'

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) =>
    [
      'emailProvider',
      'domain',
      'incomingServer',
      'outgoingServer',
      'authentication',
      'instruction',
    ].includes(name),
})

const SOCKET = { SSL: 'tls', STARTTLS: 'starttls', plain: 'none' } as const
const AUTH = {
  'password-cleartext': 'password',
  'password-encrypted': 'password-encrypted',
  OAuth2: 'oauth2',
  none: 'none',
  'client-IP-address': 'client-ip',
  NTLM: 'ntlm',
  GSSAPI: 'gssapi',
} as const

type XmlNode = Record<string, unknown>
const isNode = (v: unknown): v is XmlNode =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const text = (v: unknown): string =>
  typeof v === 'string'
    ? v.trim()
    : isNode(v) && typeof v['#text'] === 'string'
      ? v['#text'].trim()
      : ''
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v])

/** ISPDB has `%EMAILADDRESS` typos (office365.com.xml); complete unterminated placeholders. */
export const fixPlaceholders = (s: string): string =>
  s.replace(/%(EMAILADDRESS|EMAILLOCALPART|EMAILDOMAIN)(?!%)/g, '%$1%')

/** Parses one ISPDB file's text into records (usually one). */
export const parseIspdb = (xml: string, ref: string): Imported => {
  const doc = parser.parse(xml) as unknown
  const fixes: Fix[] = []
  const skipped: Fix[] = []
  const root = isNode(doc) && isNode(doc.clientConfig) ? doc.clientConfig : undefined
  const providers = list(root?.emailProvider).filter(isNode)
  const records = providers.map((ep) => {
    const id = String(ep['@_id'] ?? ref)
    const servers: Partial<Record<Protocol, ServerInput[]>> = {}
    const nodes = [...list(ep.incomingServer), ...list(ep.outgoingServer)].filter(isNode)
    for (const node of nodes) {
      const type = String(node['@_type'] ?? '')
      const rawUser = text(node.username)
      const username = fixPlaceholders(rawUser)
      if (username !== rawUser)
        fixes.push({ ref, what: `${type} username "${rawUser}" → "${username}"` })
      if (type !== 'imap' && type !== 'pop3' && type !== 'smtp') {
        skipped.push({ ref, what: `server type ${type} (only IMAP, POP3 and SMTP are used)` })
        continue
      }
      const socket = text(node.socketType) as keyof typeof SOCKET
      const auth = list(node.authentication)
        .map((a) => AUTH[text(a) as keyof typeof AUTH])
        .filter((a) => a !== undefined)
      const server: ServerInput = {
        host: text(node.hostname),
        port: Number(text(node.port)),
        security: SOCKET[socket] ?? 'none',
        username: username || '%EMAILADDRESS%',
        auth: auth.length ? [...new Set(auth)] : ['password'],
        source: 'ispdb',
      }
      ;(servers[type] ??= []).push(server)
    }
    const all = Object.values(servers).flat()
    const oauthOnly =
      all.length > 0 && all.every((s) => s.auth?.length === 1 && s.auth[0] === 'oauth2')
    const enable = isNode(ep.enable) ? ep.enable : undefined
    const instructions = list(enable?.instruction)
    const en = instructions.find((i) => !isNode(i) || i['@_lang'] === undefined)
    const zh = instructions.find((i) => isNode(i) && String(i['@_lang']).startsWith('zh'))
    const url = enable ? String(enable['@_visiturl'] ?? '') : ''
    const data: ProviderPatch = {
      name: { en: text(ep.displayName) || id },
      domains: list(ep.domain).map(text).filter(Boolean),
      servers,
      oauth2: all.some((s) => s.auth?.includes('oauth2')),
      ...(oauthOnly ? { credential: 'oauth2-only' as const } : {}),
      ...(enable && text(en)
        ? {
            enable: {
              steps: { en: text(en), ...(zh ? { 'zh-CN': text(zh) } : {}) },
              ...(url.startsWith('http') ? { url } : {}),
            },
          }
        : {}),
      lastChecked: SOURCE_SNAPSHOT.ispdb,
      sources: [`ISPDB thunderbird/autoconfig ${ref}`],
    }
    return { source: 'ispdb' as const, ref, id, data }
  })
  return { records, fixes, skipped }
}
