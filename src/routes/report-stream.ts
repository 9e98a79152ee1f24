/**
 * @module
 * Answers with a report: JSON, or with `Accept: text/event-stream` the events the run emits as
 * they happen (`source`, `probe`, `recommendation`), then the final event (`report`, or the
 * probe route's `result`). A stream always ends with that final event or with an `error` event
 * carrying `{ error: { code, message } }`, as a JSON answer would; the failure goes to the
 * request's structured logger, never to the console.
 */
import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import { apiErrorBody } from '../errors/api-body.ts'
import { CodedError } from '../errors/coded-error.ts'
import { API_CODE_LIST, type ApiCode } from '../errors/table.ts'
import type { AppEnv } from './app-env.ts'

export type Emit = (event: string, data: unknown) => void

/** The body of the `error` event: the error's own API code (a spent budget…), else INTERNAL. */
export const errorEventBody = (err: unknown) => {
  const code = err instanceof CodedError ? (err.code as string) : ''
  if ((API_CODE_LIST as readonly string[]).includes(code))
    return apiErrorBody(code as ApiCode, err instanceof CodedError ? err.detail : undefined).body
  return apiErrorBody('INTERNAL', 'Something went wrong on our side.').body
}

/** True when the client asked for `text/event-stream`. */
export const wantsEventStream = (c: Context): boolean =>
  c.req.header('accept')?.includes('text/event-stream') ?? false

/**
 * `run` gets an `emit` only when the client asked for a stream; its answer is the last event,
 * named `finalEvent`.
 *
 * @example
 * return respondWithReport(c, (emit) => diagnose(input, emit))
 * // event: source … event: probe … event: report   (or, when it fails: event: error)
 */
export const respondWithReport = async <T>(
  c: Context<AppEnv>,
  run: (emit?: Emit) => Promise<T>,
  finalEvent = 'report',
): Promise<Response> => {
  if (!wantsEventStream(c)) return c.json(await run())
  return streamSSE(c, async function reportStream(stream) {
    const pending: Promise<void>[] = []
    try {
      const report = await run((event, data) => {
        pending.push(stream.writeSSE({ event, data: JSON.stringify(data) }))
      })
      await Promise.all(pending)
      await stream.writeSSE({ event: finalEvent, data: JSON.stringify(report) })
    } catch (err) {
      if (c.req.raw.signal.aborted || stream.aborted) {
        c.get('log').info('stream closed by the client', { event: finalEvent })
        return
      }
      const body = errorEventBody(err)
      if (body.error.code === 'INTERNAL') c.get('log').error('stream failed', { err })
      else c.get('log').info('stream ended with an error', { code: body.error.code })
      await Promise.allSettled(pending)
      await stream.writeSSE({ event: 'error', data: JSON.stringify(body) })
    }
  })
}
