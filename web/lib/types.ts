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
