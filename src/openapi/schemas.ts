/**
 * @module
 * zod schemas of what the API answers, for the OpenAPI document. Tests parse real responses
 * with them (strictly), so the document cannot drift from the code.
 */
import * as z from 'zod'
import { API_CODE_LIST, PROBE_CODE_LIST } from '../errors/table.ts'
import { SOURCE_TYPES } from '../discovery/types.ts'
import { CREDENTIALS, STATUSES } from '../providers/index.ts'
import { CLIENT_IDS } from '../guides/types.ts'
import { BUDGETS } from '../security/costs.ts'
import {
  INCOMING_PROTOCOLS,
  LANGS,
  PROTOCOLS,
  SECURITIES,
  USERNAME_FORMS,
} from '../model/domain.ts'
import { LoginVerdictSchema } from './login-schemas.ts'
import { REGION_SOURCES } from '../model/region.ts'
import { CHOICE_REASONS } from '../recommend/host-choice.ts'

export const ProbeCodeSchema = z
  .enum(PROBE_CODE_LIST)
  .meta({ description: 'A stable probe code; UIs key on it.' })
const Protocol = z.enum(PROTOCOLS)
const Security = z.enum(SECURITIES)
const Status = z.enum(['ok', 'warning', 'error'])
const ms = z.number().nullable()

export const ErrorBodySchema = z
  .object({
    error: z
      .object({
        code: z.enum(API_CODE_LIST).meta({ description: 'A stable API error code.' }),
        message: z.string(),
        field: z.string().optional(),
        limit: z
          .enum(BUDGETS)
          .optional()
          .meta({ description: 'On a 429 RATE_LIMITED: the budget that ran out.' }),
        retryAfter: z.number().int().optional().meta({
          description:
            'In a stream’s `error` event, where no Retry-After header can be sent: seconds to wait (LOGIN_LIMITED).',
        }),
      })
      .strict(),
  })
  .strict()

export const ProbeResultSchema = z
  .object({
    host: z.string(),
    address: z
      .string()
      .nullable()
      .meta({ description: 'The IP address used (pinned by the target guard).' }),
    port: z.number().int(),
    protocol: Protocol,
    security: Security,
    status: Status,
    code: ProbeCodeSchema.nullable(),
    problems: z.array(ProbeCodeSchema),
    detail: z.string().nullable(),
    greeting: z.string().nullable(),
    capabilities: z
      .object({ beforeTls: z.array(z.string()), afterTls: z.array(z.string()) })
      .strict(),
    auth: z.array(z.string()),
    tls: z
      .object({
        protocol: z.string().nullable(),
        cipher: z.string().nullable(),
        trusted: z.boolean(),
        hostnameMatch: z.boolean(),
        certificate: z
          .object({
            subject: z.string(),
            names: z.array(z.string()),
            issuer: z.string(),
            validFrom: z.string(),
            validTo: z.string(),
            daysLeft: z.number().int(),
            fingerprint256: z.string(),
            selfSigned: z.boolean(),
          })
          .strict()
          .nullable(),
        note: z.string().optional(),
      })
      .strict()
      .nullable(),
    timings: z.object({ dns: ms, connect: ms, tls: ms, greeting: ms, total: z.number() }).strict(),
    message: z.object({ en: z.string(), 'zh-CN': z.string() }).strict(),
    transcript: z.array(z.object({ dir: z.enum(['C', 'S', '*']), line: z.string() }).strict()),
  })
  .strict()

export const MatrixResultSchema = z
  .object({
    host: z.string(),
    address: z.string().nullable(),
    probes: z.array(ProbeResultSchema),
    timings: z.object({ dns: ms, total: z.number() }).strict(),
  })
  .strict()

const SourceSchema = z
  .object({ type: z.enum(SOURCE_TYPES), url: z.string().optional(), trusted: z.boolean() })
  .strict()

export const ReportServerSchema = z
  .object({
    protocol: Protocol,
    host: z.string(),
    port: z.number().int(),
    security: Security,
    username: z.string(),
    source: SourceSchema,
    verified: z.boolean(),
    status: Status.optional(),
    code: ProbeCodeSchema.nullable().optional(),
    region: z.enum(['cn', 'intl']).optional().meta({
      description:
        'Where the provider means this host to be used from (cn: mainland China, intl: elsewhere), when it publishes alternatives for the same mailbox.',
    }),
    auth: z.array(z.string()).optional().meta({
      description:
        'The SASL mechanisms the probe saw where a login would happen (POP3 adds USER); absent when none were captured.',
    }),
    oauthOnly: z.boolean().optional().meta({
      description:
        'True when the probe saw only OAuth sign-in (XOAUTH2, OAUTHBEARER) and no password mechanism: a client must sign in through the provider’s web page.',
    }),
    certNameOf: z.string().optional().meta({
      description:
        'Set on a host taken from another server’s certificate (that server said TLS_CERT_NAME): the host it stands in for. Only added when it resolved and answered on the same port with a fitting certificate.',
    }),
  })
  .strict()

const NoteSchema = z.object({ code: z.string(), text: z.string() }).strict()

export const SourceReportSchema = z
  .object({
    type: z.enum(SOURCE_TYPES),
    name: z.string(),
    status: z.enum(['found', 'none', 'error']),
    servers: z.number().int(),
    code: z.string().optional(),
    detail: z.string().optional(),
    trusted: z.boolean().optional(),
  })
  .strict()

const HandshakeAttemptSchema = z
  .object({
    ok: z.boolean(),
    ms: ms.meta({
      description:
        'From the start of the TCP connect until the server’s first byte arrived through TLS (its greeting); null when the handshake failed.',
    }),
    connectMs: ms,
    tlsMs: ms.meta({
      description:
        'The TLS handshake alone where the runtime shows when it ends (Node); null on Cloudflare Workers, which prove the session only with the first byte.',
    }),
    code: ProbeCodeSchema.nullable(),
  })
  .strict()

export const StabilitySchema = z
  .object({
    measuredFrom: z.literal('service').meta({
      description:
        'The handshakes ran from this service’s own location, not the user’s: a host far from the service can be near the user.',
    }),
    handshakes: z.number().int(),
    spread: z.literal('max-min').meta({
      description:
        '`spreadMs` is the largest minus the smallest time of the handshakes that worked.',
    }),
    hosts: z.array(
      z
        .object({
          protocol: Protocol,
          host: z.string(),
          port: z.number().int(),
          region: z.enum(['cn', 'intl']).optional(),
          address: z.string().nullable(),
          attempts: z.array(HandshakeAttemptSchema),
          answered: z.number().int().meta({ description: 'Handshakes that worked.' }),
          medianMs: ms,
          spreadMs: ms,
        })
        .strict(),
    ),
  })
  .strict()
  .nullable()
  .meta({
    description:
      'When a diagnosis probes a provider that publishes alternative hosts for the same mailbox (Exmail’s imap and hwimap …): each of them got a few TCP + TLS handshakes from the service; null otherwise.',
  })

const ChoiceHostSchema = z
  .object({
    protocol: Protocol,
    host: z.string(),
    port: z.number().int(),
    region: z.enum(['cn', 'intl']),
  })
  .strict()

export const HostChoiceSchema = z
  .object({
    protocol: Protocol,
    host: z.string(),
    port: z.number().int(),
    region: z.enum(['cn', 'intl']),
    because: z.enum(CHOICE_REASONS).meta({
      description:
        '`region`: the user’s answer; `time-zone`: the region their browser’s time zone suggests; `steadier`: no region, and this host connected clearly more steadily from the service; `provider-default`: no region and no clear difference (the provider’s first host); `unreachable`: the other host did not answer the service’s checks.',
    }),
    alternative: ChoiceHostSchema.nullable().meta({
      description:
        'The host to use instead if this one is slow: the other region’s (for `unreachable`, the host that did not answer the service, which may answer the user).',
    }),
  })
  .strict()

export const ReportSchema = z
  .object({
    email: z.string(),
    domain: z.string(),
    lang: z.enum(LANGS),
    region: z.enum(['cn', 'intl']).nullable().meta({
      description:
        'The region the hosts were chosen for (the answer, else the time zone’s), or null.',
    }),
    regionFrom: z.enum(REGION_SOURCES).nullable().meta({
      description: 'Where `region` came from: the user’s `answer` or the browser’s `time-zone`.',
    }),
    provider: z
      .object({
        id: z.string(),
        name: z.string(),
        status: z.enum(STATUSES),
        credential: z.enum(CREDENTIALS),
      })
      .strict()
      .nullable(),
    incoming: z.array(ReportServerSchema),
    outgoing: z.array(ReportServerSchema),
    protocol: z.enum(INCOMING_PROTOCOLS).nullable(),
    recommended: z
      .object({ incoming: ReportServerSchema.nullable(), outgoing: ReportServerSchema.nullable() })
      .strict(),
    reasons: z.array(NoteSchema),
    warnings: z.array(NoteSchema),
    credential: z
      .object({
        kind: z.enum(CREDENTIALS),
        text: z.string(),
        hint: z.string().optional().meta({
          description:
            'The provider’s own words on the secret (e.g. QQ Mail’s 16-character 授权码).',
        }),
        url: z.string().optional().meta({
          description: 'Where the provider switches mail-client access on or makes the code.',
        }),
      })
      .strict(),
    username: z
      .object({
        form: z.enum(USERNAME_FORMS),
        value: z.string().meta({
          description:
            'The username to type; for `account-id`, what to type in words (the provider’s name for its ID, e.g. “your d ACCOUNT ID (dアカウントID)”), since the address does not tell it.',
        }),
      })
      .strict()
      .nullable(),
    hints: z.array(z.string()),
    probes: z.array(ProbeResultSchema),
    sources: z.array(SourceReportSchema),
    stability: StabilitySchema,
    hostChoice: z.array(HostChoiceSchema).meta({
      description:
        'Which of the provider’s alternative hosts (per protocol) is recommended, why, and the one to switch to; empty when the provider publishes none.',
    }),
    didYouMean: z.array(z.string()).meta({
      description:
        'When the domain does not exist or has no MX record: the addresses at known domains one or two typing mistakes away (`ann@qq.con` → `ann@qq.com`), nearest first; else empty.',
    }),
  })
  .strict()

/**
 * A `recommendation` event of a diagnosis stream: the recommendation so far, sent whenever it
 * changes (a probe result, a host's handshakes), before the final `report`.
 */
export const RecommendationEventSchema = ReportSchema.pick({
  protocol: true,
  recommended: true,
  reasons: true,
  warnings: true,
  credential: true,
  username: true,
  hostChoice: true,
})
  .extend({
    stability: StabilitySchema.meta({
      description:
        'The provider’s alternative hosts measured so far (each host once its three handshakes have ended), from the service’s own location; null until the first one has. `hostChoice` rests on these figures: a later event may change the choice as more hosts are measured, and the `report` has them all.',
    }),
  })
  .meta({
    description:
      'The recommendation so far, sent when it changes: after a probe result, and after each measured host of a provider with alternative hosts (`hostChoice` and `stability` then say which host and on what figures). The last one agrees with the `report`.',
  })

const reportLink = {
  id: z
    .string()
    .meta({ description: 'The report id: 128 random bits, base64url (22 characters).' }),
  url: z.string().meta({ description: 'The share link: `/r/{id}`.' }),
  createdAt: z.string().meta({ description: 'When the diagnosis ran (ISO 8601).' }),
  expiresAt: z.string().meta({ description: 'When the stored report is deleted (ISO 8601).' }),
}

/** A diagnosis as POST /api/v1/diagnose answers it: the report, stored, with its link. */
export const DiagnosisSchema = ReportSchema.extend({
  ...reportLink,
  deleteToken: z.string().meta({
    description:
      'Deletes the report (`Authorization: Bearer <deleteToken>`); only in this answer, never again.',
  }),
})
  .partial({ id: true, url: true, createdAt: true, expiresAt: true, deleteToken: true })
  .meta({ description: 'The link fields are absent only when the report could not be stored.' })

/** A stored report as GET /api/v1/reports/{id} answers it. */
export const StoredReportSchema = ReportSchema.extend({
  ...reportLink,
  loginTest: LoginVerdictSchema.nullable(),
})

export const ProviderSummarySchema = z
  .object({
    id: z.string(),
    name: z.object({ en: z.string(), 'zh-CN': z.string().optional() }).strict(),
    domains: z.array(z.string()),
    status: z.enum(STATUSES),
  })
  .strict()

const GuideServerSchema = z
  .object({
    host: z.string(),
    port: z.number().int(),
    security: Security,
    securityLabel: z
      .string()
      .meta({ description: 'The encryption choice as this client names it.' }),
    username: z.string(),
  })
  .strict()

export const GuideSchema = z
  .object({
    client: z.enum(CLIENT_IDS),
    clientName: z.string(),
    clientVersion: z
      .string()
      .meta({ description: 'The client versions the guide was written for.' }),
    lang: z.enum(LANGS),
    email: z.string(),
    provider: z.object({ id: z.string(), name: z.string() }).strict().nullable(),
    protocol: z.enum(INCOMING_PROTOCOLS),
    protocolChoice: z.string(),
    notices: z.array(z.string()),
    credential: z
      .object({ kind: z.enum(CREDENTIALS), name: z.string(), text: z.string() })
      .strict(),
    incoming: GuideServerSchema.nullable(),
    outgoing: GuideServerSchema.nullable(),
    steps: z.array(
      z
        .object({
          id: z.string(),
          kind: z.enum(['step', 'test']),
          text: z.string(),
          values: z.array(z.object({ label: z.string(), value: z.string() }).strict()),
          unconfirmed: z.boolean().meta({
            description: 'The screen labels of this step could not be checked against a source.',
          }),
        })
        .strict(),
    ),
    unconfirmedNote: z.string().nullable().meta({
      description: 'One note for under the steps when some labels could not be checked.',
    }),
    errors: z.array(
      z
        .object({
          code: z.string(),
          symptom: z.string(),
          clientMessage: z
            .string()
            .optional()
            .meta({ description: 'What this client shows for it, in its own words.' }),
          fix: z.string(),
        })
        .strict(),
    ),
    hints: z.array(z.string()),
  })
  .strict()

export const GuideListSchema = z
  .object({ clients: z.array(z.object({ id: z.enum(CLIENT_IDS), name: z.string() }).strict()) })
  .strict()

/** GET /autodiscover/autodiscover.json: where Outlook finds the POX endpoint. */
export const AutodiscoverRedirectSchema = z
  .object({ Protocol: z.literal('AutodiscoverV1'), Url: z.string() })
  .strict()

/** GET /autodiscover/autodiscover.json with another protocol, in Microsoft's own shape. */
export const AutodiscoverJsonErrorSchema = z
  .object({ ErrorCode: z.literal('InvalidProtocol'), ErrorMessage: z.string() })
  .strict()

/** GET /healthz. */
export const HealthSchema = z.object({ status: z.literal('ok') }).strict()
