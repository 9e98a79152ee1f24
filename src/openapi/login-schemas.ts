/**
 * @module
 * zod schemas of the login test's answer (POST /api/v1/login-test) and of the verdict a stored
 * report keeps, for the OpenAPI document; the tests parse real answers with them (strictly).
 */
import * as z from 'zod'
import { LOGIN_RESULT_CODE_LIST } from '../errors/table.ts'
import { LOGIN_STEPS } from '../login/types.ts'
import { PROTOCOLS, SECURITIES, USERNAME_FORMS } from '../model/domain.ts'

const LoginCodeSchema = z.enum(LOGIN_RESULT_CODE_LIST).meta({
  description:
    'A login-test code (AUTH_FAILED, AUTH_AUTHORIZATION_CODE_REQUIRED, …) or a probe code.',
})

const UsernameFormSchema = z.enum(USERNAME_FORMS).meta({
  description:
    '`address`: the full email address; `local-part`: the part before the @; `account-id`: the ID the provider issues (docomo’s d ACCOUNT ID), as the request gave it; `other`: the username the request gave. The username itself is never in an answer.',
})

export const LoginServerSchema = z
  .object({
    protocol: z.enum(PROTOCOLS),
    host: z.string(),
    port: z.number().int(),
    security: z.enum(SECURITIES),
  })
  .strict()

export const LoginStepSchema = z
  .object({
    server: z.enum(['incoming', 'outgoing']),
    step: z.enum(LOGIN_STEPS),
    status: z.enum(['ok', 'error']),
    ms: z.number().int().meta({ description: 'How long the phase took.' }),
    attempt: z.number().int().meta({ description: '1, or 2 for the other username form.' }),
    username: UsernameFormSchema,
    code: LoginCodeSchema.optional(),
  })
  .strict()
  .meta({
    description:
      'A phase that finished: `dns`, `connect`, `tls`, `login` (IMAP LOGIN, POP3 USER/PASS, SMTP AUTH), `mailbox` (IMAP EXAMINE INBOX). Also the `step` event of the stream.',
  })

export const LoginResultSchema = z
  .object({
    server: LoginServerSchema,
    address: z.string().nullable().meta({ description: 'The IP address the test connected to.' }),
    status: z.enum(['ok', 'error']),
    code: LoginCodeSchema.nullable(),
    username: UsernameFormSchema,
    message: z.object({ en: z.string(), 'zh-CN': z.string() }).strict(),
    reply: z
      .string()
      .nullable()
      .meta({ description: 'The server’s own answer to the login when it refused (decoded).' }),
    detail: z.string().nullable(),
    attempts: z.number().int().meta({ description: 'Login attempts made (at most 2).' }),
    steps: z.array(LoginStepSchema),
    transcript: z.array(z.object({ dir: z.enum(['C', 'S', '*']), line: z.string() }).strict()),
    timings: z.object({ total: z.number().int() }).strict(),
  })
  .strict()

export const LoginTestAnswerSchema = z
  .object({
    incoming: LoginResultSchema.nullable(),
    outgoing: LoginResultSchema.nullable(),
    reportId: z.string().nullable().meta({
      description:
        'The stored report the verdict was recorded on: the `reportId` sent, or the report a fresh discovery was stored as; null when servers were named.',
    }),
    url: z
      .string()
      .nullable()
      .meta({ description: 'That report’s share link (/r/{id}), whose page shows the verdict.' }),
    deleteToken: z.string().optional().meta({
      description:
        'Only when this test stored a fresh discovery as a report: the token that deletes it (DELETE /api/v1/reports/{id}), shown this once.',
    }),
    testedAt: z.string(),
  })
  .strict()

const ServerVerdictSchema = z
  .object({
    server: LoginServerSchema,
    status: z.enum(['ok', 'error']),
    code: LoginCodeSchema.nullable(),
    username: UsernameFormSchema,
  })
  .strict()

export const LoginVerdictSchema = z
  .object({
    testedAt: z.string(),
    incoming: ServerVerdictSchema.nullable(),
    outgoing: ServerVerdictSchema.nullable(),
  })
  .strict()
  .meta({ description: 'The newest login test of this report: never a password or username.' })
