/**
 * @module
 * The JSON error body every route answers with: `{ error: { code, message, field? } }`.
 * A caller's mistake is a 4xx naming the field; nothing a caller sends gives a 500.
 */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'

export interface ApiErrorBody {
  error: { code: string; message: string; field?: string }
}

export const apiError = (
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  field?: string,
) => c.json<ApiErrorBody>({ error: { code, message, ...(field ? { field } : {}) } }, status)

/** The first issue of a zod error as a 400 INVALID_INPUT naming the field (dotted path). */
export const invalidInput = (c: Context, error: z.ZodError, fallbackField = 'body') => {
  const issue = error.issues[0]
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : fallbackField
  return apiError(c, 400, 'INVALID_INPUT', issue?.message ?? 'Invalid input', field)
}

/** The 429 for a full socket budget: the service is busy, not the caller at fault. */
export const busy = (c: Context) => {
  c.header('Retry-After', '2')
  return apiError(c, 429, 'BUSY', 'Too many probes are running; try again shortly.')
}
