/**
 * @module
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with
 * (requests) and the tests check responses against (responses). Served at /openapi.json.
 */
import * as z from 'zod'
import { ProviderViewSchema } from '../providers/index.ts'
import { CLIENT_IDS } from '../guides/types.ts'
import {
  AutodiscoverJsonErrorSchema,
  AutodiscoverRedirectSchema,
  ErrorBodySchema,
  HealthSchema,
  GuideListSchema,
  GuideSchema,
  MatrixResultSchema,
  ProbeResultSchema,
  ProviderSummarySchema,
  DiagnosisSchema,
  RecommendationEventSchema,
  ReportSchema,
  ReportServerSchema,
  StoredReportSchema,
  SourceReportSchema,
} from './schemas.ts'
import { INCOMING_PROTOCOLS } from '../model/domain.ts'
import {
  LoginResultSchema,
  LoginStepSchema,
  LoginTestAnswerSchema,
  LoginVerdictSchema,
} from './login-schemas.ts'
import {
  AutoconfigQuery,
  DiagnoseRequest,
  LoginTestRequest,
  GuideListQuery,
  GuideQuery,
  LookupQuery,
  MobileconfigQuery,
  ProbeRequest,
  ProviderDomainParam,
  ProviderSearchQuery,
  ReportGuideQuery,
  ReportQuery,
} from './requests.ts'

type Json = Record<string, unknown>

const COMPONENTS = {
  Error: ErrorBodySchema,
  ProbeRequest,
  ProbeResult: ProbeResultSchema,
  MatrixResult: MatrixResultSchema,
  DiagnoseRequest,
  Report: ReportSchema,
  Diagnosis: DiagnosisSchema,
  RecommendationEvent: RecommendationEventSchema,
  StoredReport: StoredReportSchema,
  Server: ReportServerSchema,
  SourceReport: SourceReportSchema,
  Provider: ProviderViewSchema,
  ProviderSummary: ProviderSummarySchema,
  Guide: GuideSchema,
  GuideList: GuideListSchema,
  LoginTestRequest,
  LoginTestAnswer: LoginTestAnswerSchema,
  LoginResult: LoginResultSchema,
  LoginStep: LoginStepSchema,
  LoginVerdict: LoginVerdictSchema,

  AutodiscoverRedirect: AutodiscoverRedirectSchema,
  AutodiscoverJsonError: AutodiscoverJsonErrorSchema,
  Health: HealthSchema,
} as const

type ComponentName = keyof typeof COMPONENTS

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` })

const componentSchemas = (): Json => {
  const registry = z.registry<{ id: string }>()
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id })
  const { schemas } = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    io: 'input',
    unrepresentable: 'any',
  })
  // Each schema repeats the dialect and its own id; the document declares the dialect once and
  // components are named by their key.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema as Json
      return [id, rest]
    }),
  )
}

/** One field's JSON Schema, as the route reads it (input side). */
const fieldSchema = (field: z.ZodType): Json => {
  const { $schema: _dialect, ...json } = z.toJSONSchema(field, {
    io: 'input',
    unrepresentable: 'any',
  }) as Json
  return json
}

/** Parameters from a zod object: its keys, whether each is optional, and its schema. */
const parametersOf = (
  where: 'query' | 'path',
  schema: z.ZodObject,
  descriptions: Record<string, string> = {},
) =>
  Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: where,
    required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
    ...(descriptions[name] ? { description: descriptions[name] } : {}),
    schema: fieldSchema(field as z.ZodType),
  }))
const queryParameters = (schema: z.ZodObject, descriptions: Record<string, string> = {}) =>
  parametersOf('query', schema, descriptions)

const json = (schema: Json) => ({ 'application/json': { schema } })
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      { description: ERROR_TEXT[status] ?? 'Error', content: json(ref('Error')) },
    ]),
  )
const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input: `error.field` names the field.',
  401: 'UNAUTHORIZED: no `Authorization: Bearer <deleteToken>`.',
  405: 'METHOD_NOT_ALLOWED: another method; the Allow header names the ones this path serves.',
  403: 'TARGET_BLOCKED: a private, local or reserved address, or not a mail port.',
  404: 'Not found.',
  413: 'PAYLOAD_TOO_LARGE: the request body is too large.',
  415: 'UNSUPPORTED_MEDIA_TYPE: the body must be sent as application/json.',
  429: 'RATE_LIMITED (a client budget, named in `error.limit`) or BUSY (too many probes service-wide); see Retry-After.',
}
const ORIGIN_TEXT =
  'ORIGIN_NOT_ALLOWED: a browser page on an origin not listed in MAILSETUP_WIDGET_ORIGINS.'

/**
 * What every operation can answer besides its own statuses, added to each so that a route
 * documented by anyone gets them: 405 (another method), 429 (every route but the health check
 * is metered), 403 ORIGIN_NOT_ALLOWED under /api/, 413 and 415 for a JSON body.
 */
const withCommonResponses = (paths: Record<string, Record<string, Json>>) => {
  for (const [path, methods] of Object.entries(paths)) {
    for (const operation of Object.values(methods)) {
      const responses = operation.responses as Record<string, Json>
      const add = (status: number, description = ERROR_TEXT[status] ?? 'Error') => {
        responses[status] ??= { description, content: json(ref('Error')) }
      }
      add(405)
      if (path !== '/healthz') add(429)
      // The CORS check runs on /api and everything under it.
      if (path === '/api' || path.startsWith('/api/')) {
        const forbidden = responses[403]
        if (forbidden) forbidden.description = `${String(forbidden.description)} Or ${ORIGIN_TEXT}`
        else add(403, ORIGIN_TEXT)
      }
      const body = operation.requestBody as { content?: Json } | undefined
      if (body?.content?.['application/json']) {
        add(413)
        add(415)
      }
    }
  }
  return paths
}

const xml = { 'text/xml': { schema: { type: 'string' } } }
/** Autodiscover answers in its own XML terms, errors included. */
const autodiscoverXml = (description: string) => ({ description, content: xml })
const REPORT_ID = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{22}$' },
}
/** `events`: each event's name and the schema of its `data` (JSON), in the `x-events` extension. */
const SSE = (text: string, events: Partial<Record<string, ComponentName>> = {}) => ({
  'text/event-stream': {
    schema: { type: 'string' },
    description: `${text}; a stream that fails ends with an \`error\` event carrying the Error body instead.`,
    ...(Object.keys(events).length > 0
      ? {
          'x-events': Object.fromEntries(
            Object.entries({ ...events, error: 'Error' }).map(([name, schema]) => [
              name,
              ref(schema as ComponentName),
            ]),
          ),
        }
      : {}),
  },
})
const REPORT_EVENTS = {
  source: 'SourceReport',
  probe: 'ProbeResult',
  recommendation: 'RecommendationEvent',
} as const
const CLIENT_PARAM = {
  name: 'client',
  in: 'path',
  required: true,
  schema: { type: 'string', enum: [...CLIENT_IDS] },
}

const caseless = (text: string) =>
  text.replace(/[a-z]/gi, (ch) => `[${ch.toUpperCase()}${ch.toLowerCase()}]`)

const autoconfigGet = (where: string) => ({
  get: {
    summary: `Mozilla autoconfig (config-v1.1.xml) for an address, ${where}`,
    description:
      'From the operator file and the provider database, else the domain’s own autoconfig, else the newest verified settings kept for the domain, else a verified discovery with probes. The answer depends on the domain only.',
    parameters: queryParameters(AutoconfigQuery, { emailaddress: 'The email address.' }),
    responses: {
      200: { description: 'config-v1.1.xml', content: xml },
      ...errors(400, 404),
    },
  },
})

const autodiscoverPox = {
  post: {
    summary: 'Microsoft Autodiscover (POX) for classic Outlook',
    requestBody: {
      required: true,
      content: {
        'text/xml': { schema: { type: 'string', maxLength: 16 * 1024 } },
        'application/xml': { schema: { type: 'string', maxLength: 16 * 1024 } },
      },
    },
    responses: {
      200: autodiscoverXml(
        'The settings (Action settings), or an error document: ErrorCode 601 for another response schema, 500 for an unknown domain.',
      ),
      400: autodiscoverXml('ErrorCode 600: malformed XML, a DTD or entity, or no EMailAddress.'),
      413: autodiscoverXml('ErrorCode 600: a body over 16 KB.'),
      415: autodiscoverXml(
        'ErrorCode 600: a content type other than text/xml or application/xml (UTF-8).',
      ),
    },
  },
  get: {
    summary: 'Autodiscover asked with GET (as Exchange: an error document)',
    responses: { 200: autodiscoverXml('ErrorCode 600.') },
  },
}

const autodiscoverJson = (extra: Json[] = []) => ({
  get: {
    summary: 'Autodiscover v2 (JSON): where Outlook finds the POX endpoint',
    parameters: [
      ...extra,
      { name: 'Email', in: 'query', required: false, schema: { type: 'string' } },
      {
        name: 'Protocol',
        in: 'query',
        required: true,
        description: 'AutodiscoverV1, in any case.',
        schema: { type: 'string', pattern: `^${caseless('AutodiscoverV')}1$` },
      },
    ],
    responses: {
      200: {
        description: 'The POX endpoint on MAILSETUP_PUBLIC_URL.',
        content: json(ref('AutodiscoverRedirect')),
      },
      400: {
        description: 'Another protocol, in Microsoft’s own error shape.',
        content: json(ref('AutodiscoverJsonError')),
      },
    },
  },
})

/** The endpoints mail clients read by themselves, outside /api/. */
const clientEndpoints = {
  '/mail/config-v1.1.xml': autoconfigGet('on autoconfig.<domain>'),
  '/.well-known/autoconfig/mail/config-v1.1.xml': autoconfigGet('on <domain>/.well-known/'),
  '/autodiscover/autodiscover.xml': autodiscoverPox,
  '/Autodiscover/Autodiscover.xml': autodiscoverPox,
  '/AutoDiscover/AutoDiscover.xml': autodiscoverPox,
  '/autodiscover/autodiscover.json': autodiscoverJson(),
  '/autodiscover/autodiscover.json/v1.0/{email}': autodiscoverJson([
    { name: 'email', in: 'path', required: true, schema: { type: 'string', minLength: 1 } },
  ]),
  '/mobileconfig': {
    get: {
      summary: 'An Apple configuration profile for iOS, iPadOS and macOS Mail',
      description:
        'Never a password; signed when the service has a signing certificate; its visible texts in `lang` or the Accept-Language.',
      parameters: queryParameters(MobileconfigQuery, {
        emailaddress: 'The email address.',
        protocol: 'The incoming protocol; default the recommended one.',
        lang: 'Language of the visible texts; default from Accept-Language.',
      }),
      responses: {
        200: {
          description: 'The profile, as an attachment.',
          content: { 'application/x-apple-aspen-config': { schema: { type: 'string' } } },
        },
        ...errors(400, 404),
      },
    },
  },
}

/**
 * @example
 * app.get('/openapi.json', (c) => c.json(buildOpenApiDocument('https://setup.example.com')))
 */
export const buildOpenApiDocument = (publicUrl: string): Json => ({
  openapi: '3.1.0',
  servers: [{ url: publicUrl }],
  jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
  info: {
    title: 'mailsetup API',
    version: '1',
    description:
      'Email account setup and diagnostics: find IMAP, POP3 and SMTP settings for an address, prove them with live probes, and explain what to use and why (en, zh-CN).',
  },
  paths: withCommonResponses({
    '/healthz': {
      get: {
        summary: 'Liveness',
        responses: { 200: { description: 'The service is up.', content: json(ref('Health')) } },
      },
    },
    '/openapi.json': {
      get: {
        summary: 'This document',
        responses: { 200: { description: 'OpenAPI 3.1.', content: json({ type: 'object' }) } },
      },
    },
    '/api': {
      get: {
        summary: 'The readable API page',
        responses: { 302: { description: 'A redirect to /api.html.' } },
      },
    },
    '/metrics': {
      get: {
        summary: 'Prometheus metrics',
        description:
          'The Prometheus text exposition: requests by route and status, probes by protocol and code, probe, request and diagnosis latency, probe sockets open and reserved, rate-limit refusals by budget, reports stored, and the process metrics. Off (404) unless the operator sets MAILSETUP_METRICS=1 or MAILSETUP_METRICS_TOKEN; with a token, send `Authorization: Bearer <token>` (401 without one, 403 for another).',
        responses: {
          200: {
            description: 'The exposition (text format 0.0.4).',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
          401: { description: 'UNAUTHORIZED: no bearer token.', content: json(ref('Error')) },
          403: { description: 'FORBIDDEN: not the token.', content: json(ref('Error')) },
          404: { description: 'NOT_FOUND: metrics are off.', content: json(ref('Error')) },
        },
      },
    },
    '/api/v1/probe': {
      post: {
        summary: 'Probe one port, or the whole matrix of a host',
        description:
          'With only `host`, probes IMAP 993/143, POP3 995/110 and SMTP 465/587/25 concurrently. A failed probe is still a 200 with `status: "error"` and a stable `code`. With `Accept: text/event-stream`, a `probe` event per result as it completes, then a `result` event.',
        requestBody: { required: true, content: json(ref('ProbeRequest')) },
        responses: {
          200: {
            description: 'A ProbeResult (one port) or a MatrixResult (whole host).',
            content: {
              ...json({ oneOf: [ref('ProbeResult'), ref('MatrixResult')] }),
              ...SSE('probe events, then a result event'),
            },
          },
          ...errors(400, 403, 413, 429),
        },
      },
    },
    '/api/v1/diagnose': {
      post: {
        summary: 'Discover, probe and recommend the settings for an address',
        description:
          'Every source (operator overlay, provider database, autoconfig, MX, SRV, guessing), every candidate probed unless `probe: false`, and the recommendation with its reasons. With `Accept: text/event-stream`, a `source` event per source result, a `probe` event per probe and a `recommendation` event (a RecommendationEvent) whenever the recommendation so far changes, then a `report` event. For a provider with alternative hosts, each `recommendation` carries the `hostChoice` and the `stability` figures measured so far: one more event follows each host whose handshakes end, so a client can show the choice before the report.',
        requestBody: { required: true, content: json(ref('DiagnoseRequest')) },
        responses: {
          200: {
            description:
              'The report, stored: `id`, `url` (the share link /r/{id}) and `deleteToken` (only here). With SSE the final `report` event carries them.',
            content: {
              ...json(ref('Diagnosis')),
              ...SSE('source, probe and recommendation events, then a report event', {
                ...REPORT_EVENTS,
                report: 'Diagnosis',
              }),
            },
          },
          ...errors(400, 413, 429),
        },
      },
    },
    '/api/v1/login-test': {
      post: {
        summary: 'Log in with the user’s own password or authorization code',
        description:
          'Logs in to the incoming server (IMAP: LOGIN, then INBOX opened read-only with EXAMINE, ID sent when offered; POP3: USER/PASS) and the outgoing one (SMTP AUTH), and says per server whether it works: `status`, a stable `code` (AUTH_FAILED, AUTH_AUTHORIZATION_CODE_REQUIRED, AUTH_APP_PASSWORD_REQUIRED, AUTH_OAUTH_ONLY, SERVICE_NOT_ENABLED, UNSAFE_LOGIN, … or a probe code), the username form that worked and a message in both languages with the provider’s words. Without `incoming`/`outgoing` it tests the recommended servers of the stored report `reportId` (and records the verdict there: `loginTest` of GET /api/v1/reports/{id}), else of a fresh discovery (the one POST /api/v1/diagnose runs, with `region` and `timeZone`), which is stored as a report like a diagnosis and keeps the verdict (`reportId`, `url` and, this once, `deleteToken` in the answer); a request refused after that discovery stores nothing; with one of them, only that one. The username is `username`, else the discovered form; after AUTH_FAILED the other form (full address / local part) is tried once. A `security: none` server is refused with PLAINTEXT_REFUSED unless `allowPlaintext`; no password follows a failed certificate check. Failed tests are limited per account and server (429 LOGIN_LIMITED with Retry-After). The password and username never appear in an answer, a log or a stored report. With `Accept: text/event-stream`: a `step` event (a LoginStep) as each phase finishes, then a `result` event (the LoginTestAnswer), or an `error` event `{ error: { code, message } }`. With a fresh discovery the stream begins at once and first carries the discovery’s events, shaped as POST /api/v1/diagnose streams them: `source` (a SourceReport), `probe` (a ProbeResult) and `recommendation` as they happen, then `report` (the Diagnosis as stored, without its verdict yet) before the first `step`; a refusal after the discovery (NO_SETTINGS, PLAINTEXT_REFUSED, TARGET_BLOCKED, LOGIN_LIMITED with `retryAfter`, BUSY) is then the `error` event instead of a 4xx.',
        requestBody: { required: true, content: json(ref('LoginTestRequest')) },
        responses: {
          200: {
            description: 'One LoginResult per server tested (null for a server not tested).',
            content: {
              ...json(ref('LoginTestAnswer')),
              ...SSE(
                'with a fresh discovery first source, probe and recommendation events and a report event; step events, then a result event (or an error event)',
              ),
            },
          },
          ...errors(400, 403, 404, 413, 429),
        },
      },
    },
    '/api/v1/lookup': {
      get: {
        summary: 'The fast answer for an address (probes only with probe=1)',
        parameters: queryParameters(LookupQuery, {
          email: 'The email address.',
          lang: 'Language of reasons and hints; default from Accept-Language.',
          probe: '1 to probe the candidates.',
          region:
            'Where the user reads mail (cn: mainland China, intl: elsewhere); picks among a provider’s regional hosts and names the other.',
          timeZone:
            'The browser’s IANA time zone (Asia/Shanghai …): without `region`, a mainland zone means cn, any other intl, and the report says the region came from the time zone.',
        }),
        responses: {
          200: {
            description:
              'The report. With `Accept: text/event-stream`, the events of POST /api/v1/diagnose (source, probe, recommendation), then a `report` event.',
            content: {
              ...json(ref('Report')),
              ...SSE('source, probe and recommendation events, then a report event', {
                ...REPORT_EVENTS,
                report: 'Report',
              }),
            },
          },
          ...errors(400, 429),
        },
      },
    },
    '/api/v1/providers': {
      get: {
        summary: 'Search the provider database (suggestions)',
        parameters: queryParameters(ProviderSearchQuery, {
          q: 'A domain, a name or a part of one.',
          limit: 'At most this many suggestions.',
        }),
        responses: {
          200: {
            description: 'Matching providers, best first.',
            content: json({
              type: 'object',
              properties: { providers: { type: 'array', items: ref('ProviderSummary') } },
              required: ['providers'],
            }),
          },
          ...errors(400),
        },
      },
    },
    '/api/v1/guides': {
      get: {
        summary: 'The mail clients there are setup guides for',
        parameters: queryParameters(GuideListQuery),
        responses: {
          200: { description: 'Client ids and names.', content: json(ref('GuideList')) },
          ...errors(400),
        },
      },
    },
    '/api/v1/guides/{client}': {
      get: {
        summary: 'Step-by-step setup of one mail client for an address',
        description:
          'Steps with the labels the client shows and the values to type, the credential to use (account password, app password, 授权码), the protocol choice in one sentence, and the usual errors with their fix. Steps whose screen labels could not be checked carry `unconfirmed: true`.',
        parameters: [
          CLIENT_PARAM,
          ...queryParameters(GuideQuery, {
            email: 'The email address.',
            lang: 'Language of the guide; default from Accept-Language.',
            protocol: 'The incoming protocol; default the recommended one.',
            region:
              "Where the user reads mail: picks among a provider's regional hosts (Exmail hwimap…) and names the other.",
            timeZone:
              'The browser’s IANA time zone: without `region`, a mainland zone means cn, any other intl, and the guide says the region came from the time zone.',
          }),
        ],
        responses: {
          200: { description: 'The guide.', content: json(ref('Guide')) },
          ...errors(400, 404, 429),
        },
      },
    },
    '/api/v1/reports/{id}': {
      get: {
        summary: 'A stored report (no probe is run)',
        description:
          'With `lang`, the reasons, warnings, credential text and hints are given in that language (the recommendation is worded again from the stored probe results; nothing is probed).',
        parameters: [
          REPORT_ID,
          ...queryParameters(ReportQuery, {
            lang: "Language of the texts; default the report's own.",
          }),
        ],
        responses: {
          200: { description: 'The report as it was made.', content: json(ref('StoredReport')) },
          ...errors(400, 404, 405),
        },
      },
      delete: {
        summary: 'Delete a stored report',
        parameters: [
          REPORT_ID,
          {
            name: 'Authorization',
            in: 'header',
            required: true,
            description: '`Bearer <deleteToken>` from the diagnosis that made the report.',
            schema: { type: 'string' },
          },
        ],
        responses: {
          204: { description: 'Deleted.' },
          403: {
            description: 'FORBIDDEN: the token does not match; the report stays.',
            content: json(ref('Error')),
          },
          ...errors(400, 401, 404, 405),
        },
      },
    },
    '/api/v1/reports/{id}/guides/{client}': {
      get: {
        summary: "One client's setup guide from a stored report's recommended settings",
        parameters: [
          REPORT_ID,
          CLIENT_PARAM,
          ...queryParameters(ReportGuideQuery, {
            lang: 'Language of the guide; default from Accept-Language.',
            protocol: "The incoming protocol; default the report's recommended one.",
          }),
        ],
        responses: {
          200: { description: 'The guide.', content: json(ref('Guide')) },
          ...errors(400, 404, 405),
        },
      },
    },
    '/api/v1/reports/{id}/mobileconfig': {
      get: {
        summary: "An Apple configuration profile from a stored report's recommended settings",
        parameters: [
          REPORT_ID,
          {
            name: 'protocol',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: [...INCOMING_PROTOCOLS] },
          },
        ],
        responses: {
          200: {
            description: 'The profile (signed when the service has a signing certificate).',
            content: { 'application/x-apple-aspen-config': { schema: { type: 'string' } } },
          },
          ...errors(400, 404, 405),
        },
      },
    },
    '/api/v1/reports/{id}/config-v1.1.xml': {
      get: {
        summary: "Mozilla autoconfig XML from a stored report's recommended settings",
        parameters: [REPORT_ID],
        responses: {
          200: {
            description: 'config-v1.1.xml',
            content: { 'text/xml': { schema: { type: 'string' } } },
          },
          ...errors(400, 404, 405),
        },
      },
    },
    '/api/v1/providers/{domain}': {
      get: {
        summary:
          'The provider entry for an address domain or alias: the same rule as a lookup for an address at that domain (not by entry id)',
        parameters: parametersOf('path', ProviderDomainParam),
        responses: {
          200: { description: 'The provider.', content: json(ref('Provider')) },
          ...errors(400, 404),
        },
      },
    },
    ...clientEndpoints,
  }),
  components: { schemas: componentSchemas() },
})
