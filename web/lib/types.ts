/**
 * @module
 * The API's answer shapes, taken from the server's own zod schemas and guide model (types
 * only: nothing of the server ends up in the bundle).
 */
import type { z } from 'zod'
import type {
  DiagnosisSchema,
  ProbeResultSchema,
  RecommendationEventSchema,
  SourceReportSchema,
} from '../../src/openapi/schemas.ts'
import type {
  LoginResultSchema,
  LoginServerSchema,
  LoginStepSchema,
  LoginTestAnswerSchema,
  LoginVerdictSchema,
} from '../../src/openapi/login-schemas.ts'
import type { LoginTestRequest } from '../../src/openapi/requests.ts'
import type { Guide } from '../../src/guides/types.ts'
import type { Lang, Needs } from '../../src/model/domain.ts'

/** A report as the API answers it: with its id and link once stored (and the token, once). */
export type Report = z.infer<typeof DiagnosisSchema>
export type ProbeResult = z.infer<typeof ProbeResultSchema>
export type SourceReport = z.infer<typeof SourceReportSchema>
export type ReportServer = NonNullable<Report['recommended']['incoming']>
/** A `recommendation` event (the final report is one too): with the host choice and its figures. */
export type RecommendationView = z.infer<typeof RecommendationEventSchema>
export type { Guide, GuideStep } from '../../src/guides/types.ts'
export type { ClientId } from '../../src/guides/types.ts'
export type GuideJson = Guide

export interface DiagnoseInput {
  email: string
  lang: Lang
  needs?: Needs
  probe: boolean
  /** Where the user reads mail, when they answered: picks among a provider's regional hosts. */
  region?: Region
  /** The browser's time zone: the service's default for `region` when there is no answer. */
  timeZone?: string
}

/** `cn`: mainland China; `intl`: elsewhere. */
export type Region = 'cn' | 'intl'

/** POST /api/v1/login-test. The password goes nowhere else and is dropped after the call. */
export type LoginTestInput = z.input<typeof LoginTestRequest>
export type LoginServer = z.infer<typeof LoginServerSchema>
/** Which username a login test typed: the full address, the part before the @, or the one given. */
export type UsernameForm = LoginResult['username']
/** One phase of a login attempt (dns, connect, tls, login, mailbox) as it finished. */
export type LoginStep = z.infer<typeof LoginStepSchema>
/** The verdict for one server. */
export type LoginResult = z.infer<typeof LoginResultSchema>
export type LoginTestAnswer = z.infer<typeof LoginTestAnswerSchema>
/** What a stored report keeps of its newest login test: never the password or the username. */
export type LoginVerdict = z.infer<typeof LoginVerdictSchema>
/** A stored report as GET /api/v1/reports/{id} answers it: with its newest login verdict. */
export type StoredReport = Report & { loginTest?: LoginVerdict | null }
