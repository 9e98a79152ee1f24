/**
 * @module
 * The JSON error body every route answers with: `{ error: { code, message, field? } }`.
 * The code and its HTTP status come from the error table; a caller's mistake is a 4xx naming
 * the field; nothing a caller sends gives a 500.
 */
import type { Context } from 'hono'
import type * as z from 'zod'
import { type ApiErrorBody, apiErrorBody } from '../errors/api-body.ts'
import type { ApiCode } from '../errors/table.ts'
import type { RateLimitError } from '../security/costs.ts'

/**
 * The error response for `code`, with its status from the error table; `message` (English, for
 * the developer reading the response) defaults to the table's.
 *
 * @example
 * return apiError(c, 'NO_SETTINGS', `No settings are known for ${domain}.`)
 */
export const apiError = (c: Context, code: ApiCode, message?: string, field?: string) => {
  const { status, body } = apiErrorBody(code, message, field)
  return c.json<ApiErrorBody>(body, status)
}

/** The first issue of a zod error as a 400 INVALID_INPUT naming the field (dotted path). */
export const invalidInput = (c: Context, error: z.ZodError, fallbackField = 'body') => {
  const issue = error.issues[0]
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : fallbackField
  return apiError(c, 'INVALID_INPUT', issue?.message ?? 'Invalid input', field)
}

/** The 429 for a full socket budget: the service is busy, not the caller at fault. */
export const busy = (c: Context) => {
  c.header('Retry-After', '2')
  return apiError(c, 'BUSY', 'Too many probes are running; try again shortly.')
}

/** The 429 for a client whose budget is spent: Retry-After, and the body names the budget. */
export const rateLimited = (c: Context, err: RateLimitError) => {
  c.header('Retry-After', String(err.retryAfterSeconds))
  const { status, body } = apiErrorBody('RATE_LIMITED', err.detail)
  return c.json<ApiErrorBody>({ error: { ...body.error, limit: err.budget } }, status)
}
