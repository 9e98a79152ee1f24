/**
 * @module
 * Calls to the mailsetup API, from the page (same origin) or the widget (the origin its
 * script came from). Errors become an ApiError with the API's stable `code`.
 */
import { readSseJson } from './sse.ts'
import type {
  DiagnoseInput,
  Guide,
  ProbeResult,
  RecommendationView,
  Report,
  SourceReport,
  StoredReport,
} from './types.ts'

export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly code: string
  readonly status: number
  /** Seconds from a 429's Retry-After, else null. */
  readonly retryAfter: number | null
  constructor(code: string, message: string, status: number, retryAfter: number | null = null) {
    super(message)
    this.code = code
    this.status = status
    this.retryAfter = retryAfter
  }
}

export interface DiagnoseHandlers {
  source?: (source: SourceReport) => void
  probe?: (probe: ProbeResult) => void
  recommendation?: (view: RecommendationView) => void
}

/** The API's error body as an ApiError (its `code`, else `HTTP_<status>`). */
const errorFrom = async (res: Response): Promise<ApiError> => {
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } }
    const code = typeof body.error?.code === 'string' ? body.error.code : `HTTP_${res.status}`
    const message = typeof body.error?.message === 'string' ? body.error.message : res.statusText
    const retry = Number(res.headers.get('retry-after'))
    return new ApiError(code, message, res.status, retry > 0 ? retry : null)
  } catch {
    return new ApiError(`HTTP_${res.status}`, res.statusText || 'Request failed', res.status)
  }
}

/** fetch() that turns a network failure (including a CORS refusal) into ApiError 'network'. */
export const request = async (url: string, init: RequestInit): Promise<Response> => {
  try {
    return await fetch(url, init)
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err
    throw new ApiError('network', err instanceof Error ? err.message : 'network error', 0)
  }
}

/**
 * POSTs a JSON body asking for an event stream and reads it through `onEvent`. Resolves with
 * the answer when the server sent plain JSON instead, else with undefined once the stream ends.
 */
export const postForEvents = async (
  url: string,
  body: string,
  onEvent: (event: string, value: unknown) => void,
  init: Omit<RequestInit, 'method' | 'headers' | 'body'> = {},
): Promise<unknown> => {
  const res = await request(url, {
    ...init,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body,
  })
  if (!res.ok) throw await errorFrom(res)
  if (!res.headers.get('content-type')?.includes('text/event-stream')) return await res.json()
  if (!res.body) throw new ApiError('network', 'empty response', res.status)
  await readSseJson(res.body, onEvent)
  return undefined
}

/**
 * POST /api/v1/diagnose as an event stream; calls the handlers as steps complete and resolves
 * with the final report.
 *
 * @example
 * const report = await diagnose('', { email, lang: 'en', probe: true }, { probe: (p) => show(p) })
 */
export const diagnose = async (
  base: string,
  input: DiagnoseInput,
  handlers: DiagnoseHandlers,
  signal?: AbortSignal,
): Promise<Report> => {
  let report: Report | null = null
  const whole = await postForEvents(
    `${base}/api/v1/diagnose`,
    JSON.stringify(input),
    (event, value) => {
      if (event === 'source') handlers.source?.(value as SourceReport)
      else if (event === 'probe') handlers.probe?.(value as ProbeResult)
      else if (event === 'recommendation') handlers.recommendation?.(value as RecommendationView)
      else if (event === 'report') report = value as Report
    },
    { signal },
  )
  if (whole !== undefined) return whole as Report
  if (!report) throw new ApiError('network', 'the stream ended before the report', 200)
  return report
}

/** GET /api/v1/reports/:id in `lang`: a stored report (no probe is run). */
export const fetchReport = async (
  base: string,
  id: string,
  lang: string,
  signal?: AbortSignal,
): Promise<StoredReport> => {
  const params = new URLSearchParams({ lang })
  const res = await request(`${base}/api/v1/reports/${encodeURIComponent(id)}?${params}`, {
    signal,
  })
  if (!res.ok) throw await errorFrom(res)
  return (await res.json()) as StoredReport
}

/**
 * A client's guide: from the stored report when there is one (the guide then says what the
 * report's table says), else GET /api/v1/guides/:client for the address.
 */
export const fetchGuide = async (
  base: string,
  client: string,
  query: {
    email: string
    lang: string
    protocol?: string
    reportId?: string
    region?: string
    timeZone?: string
  },
  signal?: AbortSignal,
): Promise<Guide> => {
  const params = new URLSearchParams({ lang: query.lang })
  if (!query.reportId) params.set('email', query.email)
  if (query.protocol) params.set('protocol', query.protocol)
  if (query.region && !query.reportId) params.set('region', query.region)
  if (query.timeZone && !query.reportId) params.set('timeZone', query.timeZone)
  const path = query.reportId
    ? `/api/v1/reports/${encodeURIComponent(query.reportId)}/guides/${encodeURIComponent(client)}`
    : `/api/v1/guides/${encodeURIComponent(client)}`
  const res = await request(`${base}${path}?${params}`, { signal })
  if (!res.ok) throw await errorFrom(res)
  return (await res.json()) as Guide
}

export interface ProviderSuggestion {
  id: string
  name: { en: string; 'zh-CN'?: string }
  domains: string[]
}

/** GET /api/v1/providers?q= for the address field's suggestions. */
export const suggestProviders = async (base: string, q: string, signal?: AbortSignal) => {
  const res = await request(`${base}/api/v1/providers?${new URLSearchParams({ q, limit: '6' })}`, {
    signal,
  })
  if (!res.ok) return []
  const body = (await res.json()) as { providers?: ProviderSuggestion[] }
  return body.providers ?? []
}
