/**
 * @module
 * POST /api/v1/diagnose `{ email, lang?, needs?, probe? }`: the full report. Every source, every
 * candidate probed (unless `probe: false`), the recommendation with its reasons.
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import type * as z from 'zod'
import { type Report, buildReport } from '../diagnose/report.ts'
import { type ReportStorage, saveReport } from '../diagnose/saved-report.ts'
import { createLiveRecommendation } from '../diagnose/live-recommendation.ts'
import {
  type DiscoveryEvent,
  MAX_DISCOVERY_PROBES,
  type DiscoveryService,
} from '../discovery/pipeline.ts'
import {
  MAX_MEASURED_HOSTS,
  type OnHostMeasured,
  type StabilityRun,
} from '../discovery/stability.ts'
import type { CostMeter } from '../security/costs.ts'
import type { SocketBudget } from '../security/socket-budget.ts'
import { busy, invalidInput } from './api-error.ts'
import type { AppEnv } from './app-env.ts'
import { readJson } from './read-json.ts'
import { type Emit, respondWithReport } from './report-stream.ts'
import type { Lang, Needs } from '../model/domain.ts'
import { resolveRegion } from '../model/region.ts'
import { DiagnoseRequest, langFromHeader } from '../openapi/requests.ts'

/**
 * Sockets one diagnosis may hold: the candidates' probes, the guesses', and one per host whose
 * handshakes are measured (they run one after another per host).
 */
export const DIAGNOSE_SOCKETS = MAX_DISCOVERY_PROBES * 2 + MAX_MEASURED_HOSTS

export interface DiagnoseDeps {
  discovery: DiscoveryService
  budget: SocketBudget
  costs: CostMeter
  /** Where each diagnosis is saved (POST /api/v1/diagnose); lookups are not saved. */
  storage?: ReportStorage
  /**
   * Measures the connect stability of a provider's alternative hosts when a diagnosis probes;
   * `onHost` hears of each host as its handshakes end.
   */
  measureStability?: (signal?: AbortSignal, onHost?: OnHostMeasured) => StabilityRun
}

/** Saves the report, or null when the store fails: that costs the share link, not the diagnosis. */
export const trySave = async (
  c: Context<AppEnv>,
  storage: ReportStorage,
  report: Report,
  input: { needs?: Needs; probed: boolean },
) => {
  try {
    return await saveReport(storage, report, input)
  } catch (err) {
    c.get('log').error('report not saved', { err })
    return null
  }
}

/** What one diagnosis is asked for: the request, its language settled. */
export type DiagnosisInput = Omit<z.infer<typeof DiagnoseRequest>, 'lang'> & { lang: Lang }

/**
 * One diagnosis, not yet stored: every source, the probes and the measured alternatives, and the
 * report built from them. With `emit`, the `source`, `probe` and `recommendation` events as they
 * happen. The caller holds the socket budget; the login test's fresh discovery runs this too, so
 * what it stores is what a diagnosis would have.
 *
 * @example
 * const report = await runDiagnosis(c, deps, { email, lang: 'en', probe: true }, emit)
 */
export const runDiagnosis = async (
  c: Context<AppEnv>,
  deps: Pick<DiagnoseDeps, 'discovery' | 'measureStability'>,
  input: DiagnosisInput,
  emit?: Emit,
): Promise<Report> => {
  const { region, regionFrom } = resolveRegion(input)
  const { email, lang, needs } = input
  const live = createLiveRecommendation({
    email,
    lang,
    needs,
    probed: input.probe,
    region,
    regionFrom,
  })
  // Only a probing run can be cut short; reading the signal makes @hono/node-server build the
  // whole Web Request.
  const signal = input.probe ? c.req.raw.signal : undefined
  // A stream hears of each measured host at once: the choice may change with the figures. Once
  // the run has ended (a failed discovery does not wait for the handshakes), nothing more is sent.
  let open = true
  const onHost: OnHostMeasured | undefined = emit
    ? (measured) => {
        const view = open ? live.measured(measured) : null
        if (view) emit('recommendation', view)
      }
    : undefined
  const stability = input.probe ? (deps.measureStability?.(signal, onHost) ?? null) : null
  const onEvent = (event: DiscoveryEvent) => {
    // The provider's alternative hosts are measured as soon as discovery names them.
    if (event.type === 'candidates') stability?.add(event.candidates)
    if (!emit) return
    if (event.type === 'source') emit('source', event.source)
    if (event.type === 'probe') emit('probe', event.probe)
    const view = live.update(event)
    if (view) emit('recommendation', view)
  }
  try {
    const found = await deps.discovery.discover(input.email, {
      probe: input.probe,
      signal,
      onEvent: emit || stability ? onEvent : undefined,
    })
    return buildReport(found, {
      lang: input.lang,
      needs: input.needs,
      probed: input.probe,
      region,
      regionFrom,
      stability: stability ? await stability.results() : [],
    })
  } finally {
    open = false
  }
}

/** Runs one diagnosis within the socket budget and answers with its report (JSON or SSE). */
export const diagnoseResponse = (c: Context<AppEnv>, deps: DiagnoseDeps, input: DiagnosisInput) => {
  // The sources' DNS queries and fetches, and the probes, are billed as they happen.
  deps.costs.need('lookups')
  if (input.probe) deps.costs.need('probes')
  const release = input.probe ? deps.budget.tryAcquire(DIAGNOSE_SOCKETS) : () => undefined
  if (!release) return busy(c)
  return respondWithReport(c, async (emit) => {
    try {
      const report = await runDiagnosis(c, deps, input, emit)
      const { needs, probe: probed } = input
      const saved = deps.storage ? await trySave(c, deps.storage, report, { needs, probed }) : null
      return saved ?? report
    } finally {
      release()
    }
  })
}

export const diagnoseRoutes = (deps: DiagnoseDeps) => {
  const app = new Hono<AppEnv>()
  app.post('/', async (c) => {
    const body = await readJson(c)
    if (!body.ok) return body.response
    const parsed = DiagnoseRequest.safeParse(body.value)
    if (!parsed.success) return invalidInput(c, parsed.error)
    const lang = parsed.data.lang ?? langFromHeader(c.req.header('accept-language'))
    return diagnoseResponse(c, deps, { ...parsed.data, lang })
  })
  return app
}
