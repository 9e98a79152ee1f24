/**
 * @module
 * Reads a JSON request body; malformed JSON is a 400 naming `body`, never an exception.
 */
import type { Context } from 'hono'
import { apiError } from './api-error.ts'

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response }

export const readJson = async (c: Context): Promise<JsonBody> => {
  let text: string
  try {
    text = await c.req.text()
  } catch {
    return {
      ok: false,
      response: apiError(c, 'INVALID_INPUT', 'The request body could not be read.', 'body'),
    }
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return {
      ok: false,
      response: apiError(c, 'INVALID_INPUT', 'The request body is not valid JSON.', 'body'),
    }
  }
}
