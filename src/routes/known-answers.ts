/**
 * @module
 * The fast path for the answers that are the same for every address at a database domain, but
 * for the local part: `GET /api/v1/lookup` without probes, and the Mozilla autoconfig XML.
 * Each is built once per (domain, language, region) for a stand-in address, kept serialized,
 * and sent with the asker's local part filled in, an ETag (If-None-Match → 304) and
 * Cache-Control. Such an answer sends no traffic, so it costs only the request (the network
 * sources behind a lookup run once per domain and cache period, billed to the first asker).
 * Anything else (an unknown domain, probes, a stream, a bad query) goes on to the routes.
 * A runtime that can answer before the app ({@link KnownAnswers.plain}, src/node.ts) reads a
 * plain query by hand (known-plain-query.ts) and keeps each filled answer's bytes and headers.
 */
import { type RegionSource, resolveRegion } from '../model/region.ts'
import type { Context, MiddlewareHandler } from 'hono'
import { getQueryParam } from 'hono/utils/url'
import { LRUCache } from 'lru-cache'
import { growingLru } from '../util/growing-lru.ts'
import { buildReport } from '../diagnose/report.ts'
import type { SettingsSource } from '../diagnose/account-settings.ts'
import { SELF_REQUEST_HEADER } from '../discovery/http.ts'
import type { DiscoveryService } from '../discovery/pipeline.ts'
import { SOURCES_CACHE_MS } from '../discovery/source-cache.ts'
import { renderAutoconfig } from '../formats/autoconfig.ts'
import { escapeXml } from '../formats/xml-text.ts'
import { parseAddress } from '../formats/email-address.ts'
import { LookupQuery, langFromHeader } from '../openapi/requests.ts'
import type { ProviderIndex } from '../providers/index.ts'
import {
  type LocalPartTemplate,
  STAND_IN_LOCAL_PART,
  escapeJsonText,
  fillTemplate,
  toTemplate,
} from '../util/local-part-template.ts'
import { AUTOCONFIG_PATHS } from './autoconfig.ts'
import { plainAutoconfig, plainLookup } from './known-plain-query.ts'

/** How long a client may reuse an answer: as long as the sources behind it are kept here. */
export const KNOWN_ANSWER_MAX_AGE_SECONDS = SOURCES_CACHE_MS / 1000
/** Answers kept at most (domains × languages × regions). */
const MAX_ANSWERS = 10_000
/** Bytes of filled answers kept for the plain path (a lookup is about 5 kB): a bounded memory. */
const MAX_FILLED_BYTES = 4 * 1024 * 1024
export const LOOKUP_PATH = '/api/v1/lookup'

export interface KnownAnswersDeps {
  providers: ProviderIndex
  discovery: DiscoveryService
  /** The autoconfig routes' settings (for a database domain: the database, no traffic). */
  settings: SettingsSource
}

/** What a fast path needs of a request. */
export interface KnownRequest {
  method: string
  /** The whole URL, scheme and host included (as `c.req.url`). */
  url: string
  path: string
  /** A request header by its lower-case name. */
  header: (name: string) => string | undefined
}

/** A kept answer ready to send (the runtime adds its own headers, such as X-Request-Id). */
export interface KnownResponse {
  status: 200 | 304
  headers: Record<string, string>
  body: string | null
}

/** What the plain path needs of a request: its path and query as the request line has them. */
export interface PlainRequest {
  path: string
  /** What follows the `?`, as sent ('' without one). */
  query: string
  /** A request header by its lower-case name. */
  header: (name: string) => string | undefined
}

/**
 * A kept answer ready to write: the status, the headers as name, value, name, value …
 * (Content-Length included; the runtime adds X-Request-Id) and the body's bytes.
 */
export interface PlainResponse {
  status: 200 | 304
  head: readonly string[]
  body: Uint8Array | null
}

/** One asker's answer, filled in and encoded once. */
interface Filled {
  answer: Answer
  etag: string
  ok: PlainResponse
  notModified: PlainResponse
}

interface Answer {
  template: LocalPartTemplate
  escape: (value: string) => string
  /** The template's digest, the first half of every ETag sent from it. */
  digest: string
  contentType: string
  vary?: string
}

/** Which kept answer a request asks for, and for which local part. */
interface Wanted {
  key: string
  localPart: string
  build: () => Promise<Answer | null>
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
  vary?: string,
): Promise<Answer | null> => {
  const template = text === null ? null : toTemplate(text, escape)
  if (!template) return null
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(JSON.stringify(template)),
  )
  const short = base64url(new Uint8Array(digest).slice(0, 12))
  return { template, escape, digest: short, contentType, ...(vary ? { vary } : {}) }
}

/** True when If-None-Match names `etag` (weak comparison, RFC 9110 §13.1.2) or is `*`. */
const notModified = (header: string | undefined, etag: string) =>
  header !== undefined &&
  header.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t.replace(/^W\//, '') === etag
  })

const respond = (answer: Answer, localPart: string, ifNoneMatch?: string): KnownResponse => {
  const etag = `"${answer.digest}.${base64url(new TextEncoder().encode(localPart))}"`
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': `private, max-age=${KNOWN_ANSWER_MAX_AGE_SECONDS}`,
    ...(answer.vary ? { Vary: answer.vary } : {}),
  }
  if (notModified(ifNoneMatch, etag)) return { status: 304, headers, body: null }
  headers['Content-Type'] = answer.contentType
  return { status: 200, headers, body: fillTemplate(answer.template, localPart, answer.escape) }
}

const encoder = new TextEncoder()

/** The response `respond` gives, as header pairs and bytes. */
const toPlain = (res: KnownResponse): PlainResponse => {
  const body = res.body === null ? null : encoder.encode(res.body)
  const head = Object.entries(res.headers).flat()
  if (body) head.push('Content-Length', String(body.byteLength))
  return { status: res.status, head, body }
}

/** A region from the time zone says so in the report: its answer is kept apart from an answered one's. */
const lookupKey = (
  domain: string,
  lang: string,
  region: string | undefined,
  regionFrom?: RegionSource,
) => `lookup ${domain} ${lang} ${region ?? ''}${regionFrom === 'time-zone' ? ' time-zone' : ''}`
const autoconfigKey = (domain: string) => `autoconfig ${domain}`

export interface KnownAnswers {
  /** Middleware for the lookup and autoconfig paths: builds a missing answer, or goes on. */
  middleware: MiddlewareHandler
  /**
   * The answer to a GET whose query is plain (known-plain-query.ts), when it is already kept;
   * else null, and the request goes to the app. For a runtime's own path before the app.
   */
  plain(req: PlainRequest): PlainResponse | null
}

/**
 * @example
 * const known = knownAnswers({ providers, discovery, settings })
 * app.use('/api/v1/lookup', known.middleware)
 * known.plain({ path, query, header }) // a kept answer, or null
 */
export const knownAnswers = (deps: KnownAnswersDeps): KnownAnswers => {
  const answers = growingLru<string, { ready?: Answer | null; building: Promise<Answer | null> }>(
    MAX_ANSWERS,
    { ttl: SOURCES_CACHE_MS },
  )
  /** One build per key at a time; a build that fails is forgotten, an unfit answer (null) kept. */
  const cached = (wanted: Wanted) => {
    const hit = answers.get(wanted.key)
    if (hit) return hit.building
    const entry: { ready?: Answer | null; building: Promise<Answer | null> } = {
      building: wanted.build().then(
        (answer) => (entry.ready = answer),
        () => {
          answers.delete(wanted.key)
          return null
        },
      ),
    }
    answers.set(wanted.key, entry)
    return entry.building
  }
  const standIn = (domain: string) => `${STAND_IN_LOCAL_PART}@${domain}`
  const known = (email: string | undefined) => {
    const address = email === undefined ? null : parseAddress(email)
    return address && deps.providers.byDomain(address.domain) ? address : null
  }

  const lookup = (req: KnownRequest): Wanted | null => {
    if (req.header('accept')?.includes('text/event-stream')) return null
    const query = LookupQuery.safeParse(getQueryParam(req.url))
    if (!query.success || query.data.probe) return null
    const address = known(query.data.email)
    if (!address) return null
    const lang = query.data.lang ?? langFromHeader(req.header('accept-language'))
    const { region, regionFrom } = resolveRegion(query.data)
    return {
      key: lookupKey(address.domain, lang, region, regionFrom),
      localPart: address.localPart,
      build: async () => {
        const found = await deps.discovery.discover(standIn(address.domain), { probe: false })
        const report = buildReport(found, { lang, probed: false, region, regionFrom })
        const json = JSON.stringify(report)
        return toAnswer(json, escapeJsonText, 'application/json', 'Accept-Language')
      },
    }
  }

  const autoconfig = (req: KnownRequest): Wanted | null => {
    if (req.header(SELF_REQUEST_HEADER) !== undefined) return null
    const email = getQueryParam(req.url, 'emailaddress')
    const address = known(typeof email === 'string' ? email : undefined)
    if (!address) return null
    return {
      key: autoconfigKey(address.domain),
      localPart: address.localPart,
      build: async () => {
        const settings = await deps.settings(standIn(address.domain))
        return toAnswer(renderAutoconfig(settings), escapeXml, 'text/xml; charset=utf-8')
      },
    }
  }

  const wantedBy = (req: KnownRequest): Wanted | null => {
    if (req.method !== 'GET') return null
    if (req.path === LOOKUP_PATH) return lookup(req)
    return (AUTOCONFIG_PATHS as readonly string[]).includes(req.path) ? autoconfig(req) : null
  }

  const middleware: MiddlewareHandler = async function knownAnswer(c: Context, next) {
    const req = {
      method: c.req.method,
      url: c.req.url,
      path: c.req.path,
      header: (name: string) => c.req.header(name),
    }
    const wanted = wantedBy(req)
    const answer = wanted ? await cached(wanted) : null
    if (!wanted || !answer) return next()
    const res = respond(answer, wanted.localPart, c.req.header('if-none-match'))
    for (const [name, value] of Object.entries(res.headers))
      c.header(name, value, { append: name === 'Vary' })
    return res.status === 304 ? c.body(null, 304) : c.body(res.body ?? '', 200)
  }

  const filled = new LRUCache<string, Filled>({
    maxSize: MAX_FILLED_BYTES,
    sizeCalculation: (f) => (f.ok.body?.byteLength ?? 0) + 256,
  })
  /** The same key as the routes' own reading of the request gives (lookup, autoconfig). */
  const plainWanted = (req: PlainRequest) => {
    if (req.path === LOOKUP_PATH) {
      if (req.header('accept')?.includes('text/event-stream')) return null
      const query = plainLookup(req.query)
      if (!query) return null
      const lang = query.lang ?? langFromHeader(req.header('accept-language'))
      const key = lookupKey(query.address.domain, lang, query.region)
      return { key, localPart: query.address.localPart }
    }
    if (!(AUTOCONFIG_PATHS as readonly string[]).includes(req.path)) return null
    if (req.header(SELF_REQUEST_HEADER) !== undefined) return null
    const address = plainAutoconfig(req.query)
    return address && { key: autoconfigKey(address.domain), localPart: address.localPart }
  }

  const plain = (req: PlainRequest): PlainResponse | null => {
    const wanted = plainWanted(req)
    const answer = wanted && answers.get(wanted.key)?.ready
    if (!wanted || !answer) return null
    const at = `${wanted.key}\n${wanted.localPart}`
    let hit = filled.get(at)
    // An answer rebuilt (its sources expired) makes the bytes filled from the old one stale.
    if (hit?.answer !== answer) {
      const ok = respond(answer, wanted.localPart)
      const etag = ok.headers.ETag!
      hit = {
        answer,
        etag,
        ok: toPlain(ok),
        notModified: toPlain(respond(answer, wanted.localPart, etag)),
      }
      filled.set(at, hit)
    }
    return notModified(req.header('if-none-match'), hit.etag) ? hit.notModified : hit.ok
  }

  return { middleware, plain }
}
