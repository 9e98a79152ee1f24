/**
 * @module
 * Microsoft Autodiscover for classic Outlook: the POX endpoint (`POST` on the three path
 * spellings clients use) and the v2 JSON endpoint that points Outlook at it.
 *
 * Transport errors answer in the format's own terms (an Autodiscover error document):
 * a content type other than text/xml or application/xml (charset utf-8 or none) → 415,
 * a body over 16 KB → 413, a DTD or entity, malformed XML or no EMailAddress → 400 with
 * ErrorCode 600. A GET, like Exchange's, is 200 with ErrorCode 600; a schema other than
 * Outlook's → 200 with 601; an unknown domain → 200 with 500, identical for every local part.
 */
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import {
  OUTLOOK_RESPONSE_SCHEMA,
  parseAutodiscoverRequest,
} from '../formats/autodiscover-request.ts'
import {
  type AutodiscoverErrorCode,
  renderAutodiscover,
  renderAutodiscoverError,
} from '../formats/autodiscover.ts'
import { parseAddress } from '../formats/email-address.ts'
import type { SettingsSource } from '../diagnose/account-settings.ts'

export const AUTODISCOVER_PATHS = [
  '/autodiscover/autodiscover.xml',
  '/Autodiscover/Autodiscover.xml',
  '/AutoDiscover/AutoDiscover.xml',
] as const

/** A real request is about 350 bytes. */
export const MAX_AUTODISCOVER_BODY_BYTES = 16 * 1024

const XML_TYPES = new Set(['text/xml', 'application/xml'])

export interface AutodiscoverDeps {
  settings: SettingsSource
  /** The service's public origin (MAILSETUP_PUBLIC_URL): the v2 answer points Outlook there. */
  publicUrl: string
  /** Clock and id of error documents; fixed in tests. */
  now?: () => Date
  errorId?: () => number
}

/** True for text/xml or application/xml, with no charset or a UTF-8 (or ASCII) one. */
export const isXmlContentType = (header: string | undefined): boolean => {
  if (!header) return false
  const [type = '', ...params] = header.split(';').map((p) => p.trim().toLowerCase())
  if (!XML_TYPES.has(type)) return false
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replaceAll('"', '')
  return charset === undefined || ['utf-8', 'utf8', 'us-ascii'].includes(charset)
}

const randomId = () => crypto.getRandomValues(new Uint32Array(1))[0] ?? 0

/**
 * Mount at `/`.
 *
 * @example
 * app.route('/', autodiscoverRoutes({ settings, publicUrl }))
 * // POST /autodiscover/autodiscover.xml (Outlook's request) → 200 text/xml …<Action>settings</Action>…
 * // GET /autodiscover/autodiscover.json?Email=ann@example.com&Protocol=AutodiscoverV1
 * //   → { "Protocol": "AutodiscoverV1", "Url": "<publicUrl>/autodiscover/autodiscover.xml" }
 */
export const autodiscoverRoutes = (deps: AutodiscoverDeps): Hono => {
  const app = new Hono()
  const now = deps.now ?? (() => new Date())
  const errorId = deps.errorId ?? randomId
  const autodiscoverUrl = `${deps.publicUrl}/autodiscover/autodiscover.xml`
  const xml = (c: Context, body: string, status: ContentfulStatusCode = 200) =>
    c.body(body, status, { 'Content-Type': 'text/xml; charset=utf-8', 'Cache-Control': 'no-store' })
  const error = (c: Context, code: AutodiscoverErrorCode, status: ContentfulStatusCode = 200) =>
    xml(c, renderAutodiscoverError(code, { time: now(), id: errorId() }), status)

  const limit = bodyLimit({
    maxSize: MAX_AUTODISCOVER_BODY_BYTES,
    onError: (c) =>
      xml(
        c,
        renderAutodiscoverError(600, { time: now(), id: errorId() }, 'Request body too large'),
        413,
      ),
  })

  const post = async function autodiscover(c: Context) {
    if (!isXmlContentType(c.req.header('content-type'))) {
      return xml(
        c,
        renderAutodiscoverError(
          600,
          { time: now(), id: errorId() },
          'Unsupported content type: send text/xml',
        ),
        415,
      )
    }
    const request = await parseAutodiscoverRequest(await c.req.text())
    if (!request.ok) return error(c, 600, 400)
    if (request.schema !== null && request.schema !== OUTLOOK_RESPONSE_SCHEMA) return error(c, 601)
    const address = parseAddress(request.email)
    if (!address) return error(c, 600, 400)
    const body = renderAutodiscover(await deps.settings(address.email, c.req.raw.signal))
    return body === null ? error(c, 500) : xml(c, body)
  }

  for (const path of AUTODISCOVER_PATHS) {
    app.post(path, limit, post)
    app.get(path, (c) => error(c, 600))
  }

  const v2 = function autodiscoverJson(c: Context) {
    const protocol = c.req.query('Protocol') ?? c.req.query('protocol') ?? ''
    if (protocol.toLowerCase() !== 'autodiscoverv1') {
      return c.json(
        {
          ErrorCode: 'InvalidProtocol',
          ErrorMessage: `The given protocol value '${protocol.slice(0, 40)}' is invalid. Supported values are 'AutodiscoverV1'.`,
        },
        400,
      )
    }
    c.header('Cache-Control', 'no-store')
    return c.json({ Protocol: 'AutodiscoverV1', Url: autodiscoverUrl })
  }
  app.get('/autodiscover/autodiscover.json', v2)
  app.get('/autodiscover/autodiscover.json/v1.0/:email', v2)
  return app
}
