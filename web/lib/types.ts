/**
 * @module
 * The API's answer shapes, taken from the server's own zod schemas and guide model (types
 * only: nothing of the server ends up in the bundle).
 */
import type { z } from 'zod'
import type {
  DiagnosisSchema,
  ProbeResultSchema,
  SourceReportSchema,
} from '../../src/openapi/schemas.ts'
import type { Guide } from '../../src/guides/types.ts'
import type { Lang, Needs } from '../../src/model/domain.ts'

/** A report as the API answers it: with its id and link once stored (and the token, once). */
export type Report = z.infer<typeof DiagnosisSchema>
export type ProbeResult = z.infer<typeof ProbeResultSchema>
export type SourceReport = z.infer<typeof SourceReportSchema>
export type ReportServer = NonNullable<Report['recommended']['incoming']>
export type RecommendationView = Pick<
  Report,
  'protocol' | 'recommended' | 'reasons' | 'warnings' | 'credential' | 'username'
>
export type { Guide, GuideStep } from '../../src/guides/types.ts'
export type { ClientId } from '../../src/guides/types.ts'
export type GuideJson = Guide

export interface DiagnoseInput {
  email: string
  lang: Lang
  needs?: Needs
  probe: boolean
  /** Where the user reads mail: picks among a provider's regional hosts. */
  region?: Region
}

/** `cn`: mainland China; `intl`: elsewhere. */
export type Region = 'cn' | 'intl'

/** One server of a login test, as the request names it. */
export interface LoginServer {
  protocol?: 'imap' | 'pop3' | 'smtp'
  host: string
  port: number
  security: 'tls' | 'starttls' | 'none'
}

/** POST /api/v1/login-test. The password goes nowhere else and is dropped after the call. */
export interface LoginTestInput {
  email: string
  password: string
  username?: string
  incoming?: LoginServer
  outgoing?: Omit<LoginServer, 'protocol'>
  lang: Lang
  allowPlaintext?: boolean
  reportId?: string
}

/** Which username a login test typed: the full address, the part before the @, or the one given. */
export type UsernameForm = 'address' | 'local-part' | 'other'

/** One phase of a login attempt (dns, connect, tls, login, mailbox) as it finished. */
export interface LoginStep {
  server: 'incoming' | 'outgoing'
  step: string
  status: 'ok' | 'error'
  ms: number
  /** 1, or 2 for the other username form. */
  attempt: number
  username: UsernameForm
  code?: string
}

/** The verdict for one server. */
export interface LoginResult {
  server: LoginServer
  status: 'ok' | 'error'
  code: string | null
  /** The form that worked, or the one tried last. */
  username: UsernameForm
  message: { en: string; 'zh-CN': string }
  steps: LoginStep[]
}

export interface LoginTestAnswer {
  incoming: LoginResult | null
  outgoing: LoginResult | null
}

/** What a stored report keeps of its newest login test: never the password or the username. */
export interface LoginVerdict {
  testedAt: string
  incoming: Pick<LoginResult, 'server' | 'status' | 'code' | 'username'> | null
  outgoing: Pick<LoginResult, 'server' | 'status' | 'code' | 'username'> | null
}

/** A stored report as GET /api/v1/reports/{id} answers it: with its newest login verdict. */
export type StoredReport = Report & { loginTest?: LoginVerdict | null }
