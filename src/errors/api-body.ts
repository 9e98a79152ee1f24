/**
 * @module
 * The JSON body of every API error, `{ error: { code, message, field? } }`, and its HTTP status,
 * both from the error table. Pure, so that middleware below the routes (CORS) answers the same
 * way as the routes do.
 */
import type { ErrorHttpStatus } from './entry.ts'
import { type ApiCode, ERRORS } from './table.ts'

export interface ApiErrorBody {
  /**
   * `limit`: the budget that ran out, on a 429 RATE_LIMITED; `retryAfter`: seconds to wait, in a
   * stream's `error` event (no header can carry it there).
   */
  error: { code: ApiCode; message: string; field?: string; limit?: string; retryAfter?: number }
}

/**
 * The body and status for `code`; `message` (English, for the developer reading the response)
 * defaults to the table's.
 *
 * @example
 * apiErrorBody('NOT_FOUND') // { status: 404, body: { error: { code: 'NOT_FOUND', message: 'There is no such route.' } } }
 */
export const apiErrorBody = (
  code: ApiCode,
  message?: string,
  field?: string,
): { status: ErrorHttpStatus; body: ApiErrorBody } => ({
  status: ERRORS[code].http,
  body: {
    error: { code, message: message ?? ERRORS[code].message.en, ...(field ? { field } : {}) },
  },
})
