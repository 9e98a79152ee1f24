/**
 * @module
 * The fast path for the answers that are the same for every address at a database domain, but
 * for the local part: `GET /api/v1/lookup` without probes, and the Mozilla autoconfig XML.
 * Each is built once per (domain, language, region) for a stand-in address, kept serialized,
 * and sent with the asker's local part filled in, an ETag (If-None-Match → 304) and
 * Cache-Control. Such an answer sends no traffic, so it costs only the request (the network
 * sources behind a lookup run once per domain and cache period, billed to the first asker).
 * Anything else (an unknown domain, probes, a stream, a bad query) goes on to the routes.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { LRUCache } from 'lru-cache'
import { buildReport } from '../diagnose/report.ts'
import type { SettingsSource } from '../diagnose/account-settings.ts'
import { SELF_REQUEST_HEADER } from '../discovery/http.ts'
import type { DiscoveryService } from '../discovery/pipeline.ts'
import { SOURCES_CACHE_MS } from '../discovery/source-cache.ts'
import { renderAutoconfig } from '../formats/autoconfig.ts'
import { escapeXml } from '../formats/xml-text.ts'
import { parseAddress } from '../formats/email-address.ts'
import type { Lang } from '../model/domain.ts'
import { LookupQuery, langFromHeader } from '../openapi/requests.ts'
import type { ProviderIndex, Region } from '../providers/index.ts'
import {
  type LocalPartTemplate,
  STAND_IN_LOCAL_PART,
  escapeJsonText,
  fillTemplate,
  toTemplate,
} from '../util/local-part-template.ts'
import { wantsEventStream } from './report-stream.ts'

/** How long a client may reuse an answer: as long as the sources behind it are kept here. */
export const KNOWN_ANSWER_MAX_AGE_SECONDS = SOURCES_CACHE_MS / 1000
/** Answers kept at most (domains × languages × regions). */
const MAX_ANSWERS = 10_000

export interface KnownAnswersDeps {
  providers: ProviderIndex
  discovery: DiscoveryService
  /** The autoconfig routes' settings (for a database domain: the database, no traffic). */
  settings: SettingsSource
}

interface Answer {
  template: LocalPartTemplate
  escape: (value: string) => string
  /** The template's digest, the first half of every ETag sent from it. */
  digest: string
  contentType: string
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')

const toAnswer = async (
  text: string | null,
  escape: (value: string) => string,
  contentType: string,
): Promise<Answer | null> => {
  const template = text === null ? null : toTemplate(text, escape)
  if (!template) return null
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(JSON.stringify(template)),
  )
  return { template, escape, digest: base64url(new Uint8Array(digest).slice(0, 12)), contentType }
}

/** True when If-None-Match names `etag` (weak comparison, RFC 9110 §13.1.2) or is `*`. */
const notModified = (header: string | undefined, etag: string) =>
  header !== undefined &&
  header.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t.replace(/^W\//, '') === etag
  })

const send = (c: Context, answer: Answer, localPart: string, vary?: string) => {
  const etag = `"${answer.digest}.${base64url(new TextEncoder().encode(localPart))}"`
  c.header('ETag', etag)
  c.header('Cache-Control', `private, max-age=${KNOWN_ANSWER_MAX_AGE_SECONDS}`)
  if (vary) c.header('Vary', vary, { append: true })
  if (notModified(c.req.header('if-none-match'), etag)) return c.body(null, 304)
  return c.body(fillTemplate(answer.template, localPart, answer.escape), 200, {
    'Content-Type': answer.contentType,
  })
}

/**
 * @example
 * const known = knownAnswers({ providers, discovery, settings })
 * app.use('/api/v1/lookup', known.lookup)
 * for (const path of AUTOCONFIG_PATHS) app.use(path, known.autoconfig)
 */
export const knownAnswers = (deps: KnownAnswersDeps) => {
  const answers = new LRUCache<string, Promise<Answer | null>>({
    max: MAX_ANSWERS,
    ttl: SOURCES_CACHE_MS,
  })
  /** One build per key at a time; a build that fails is forgotten, an unfit answer (null) kept. */
  const cached = (key: string, build: () => Promise<Answer | null>) => {
    const hit = answers.get(key)
    if (hit) return hit
    const building = build().catch(() => {
      answers.delete(key)
      return null
    })
    answers.set(key, building)
    return building
  }
  const standIn = (domain: string) => `${STAND_IN_LOCAL_PART}@${domain}`

  const lookupAnswer = (domain: string, lang: Lang, region: Region | undefined) =>
    cached(`lookup ${domain} ${lang} ${region ?? ''}`, async () => {
      const found = await deps.discovery.discover(standIn(domain), { probe: false })
      const report = buildReport(found, { lang, probed: false, region })
      return toAnswer(JSON.stringify(report), escapeJsonText, 'application/json')
    })

  const autoconfigAnswer = (domain: string) =>
    cached(`autoconfig ${domain}`, async () =>
      toAnswer(
        renderAutoconfig(await deps.settings(standIn(domain))),
        escapeXml,
        'text/xml; charset=utf-8',
      ),
    )

  const lookup: MiddlewareHandler = async function knownLookup(c, next) {
    if (c.req.method !== 'GET' || wantsEventStream(c)) return next()
    const query = LookupQuery.safeParse(c.req.query())
    if (!query.success || query.data.probe) return next()
    const address = parseAddress(query.data.email)
    if (!address || !deps.providers.byDomain(address.domain)) return next()
    const lang = query.data.lang ?? langFromHeader(c.req.header('accept-language'))
    const answer = await lookupAnswer(address.domain, lang, query.data.region)
    if (!answer) return next()
    return send(c, answer, address.localPart, 'Accept-Language')
  }

  const autoconfig: MiddlewareHandler = async function knownAutoconfig(c, next) {
    if (c.req.method !== 'GET' || c.req.header(SELF_REQUEST_HEADER)) return next()
    const value = c.req.query('emailaddress')
    const address = value === undefined ? null : parseAddress(value)
    if (!address || !deps.providers.byDomain(address.domain)) return next()
    const answer = await autoconfigAnswer(address.domain)
    if (!answer) return next()
    return send(c, answer, address.localPart)
  }

  return { lookup, autoconfig }
}
